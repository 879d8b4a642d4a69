// Builds the lookup structures extraction needs from a loaded Lexicon, once per run: token
// tries for actor aliases, place names, trigger and cue phrases and every word list, so the
// work per sentence depends on its length, not on the size of the lexicon.
import { AliasIndex } from './alias-index.ts';
import type { Lexicon } from './load-lexicon.ts';
import type { ActorEntry, ClaimCue, CorefDescription, EventTrigger, PlaceEntry } from './schema.ts';

export interface ActorRef {
  actor: ActorEntry;
  /**
   * alias: a name; adjective: "Russian" before a noun of force; contextual: a common word
   * ("the regime"); metonym: a capital for its government; role: an office held between dates.
   */
  via: 'alias' | 'adjective' | 'contextual' | 'metonym' | 'role';
  from?: string;
  to?: string;
}

export interface CompiledWords {
  forceNouns: AliasIndex<string>;
  memberNouns: AliasIndex<string>;
  habitual: AliasIndex<string>;
  eventIrrealis: AliasIndex<string>;
  facilities: AliasIndex<string>;
  reporting: AliasIndex<string>;
  wrongNouns: AliasIndex<string>;
  wrongVerbs: AliasIndex<string>;
  harmVerbs: AliasIndex<string>;
  protectedObjects: AliasIndex<string>;
  responsibility: AliasIndex<string>;
  claimNouns: AliasIndex<string>;
  negators: AliasIndex<string>;
  claimIrrealis: AliasIndex<string>;
  orgHeads: AliasIndex<string>;
  personTitles: AliasIndex<string>;
  personCues: AliasIndex<string>;
}

export interface CompiledLexicon {
  lexicon: Lexicon;
  actors: AliasIndex<ActorRef>;
  places: AliasIndex<PlaceEntry>;
  placeByName: Map<string, PlaceEntry>;
  actorByName: Map<string, ActorEntry>;
  triggers: AliasIndex<EventTrigger>;
  cues: AliasIndex<ClaimCue>;
  coref: AliasIndex<CorefDescription>;
  words: CompiledWords;
  /** Capitalised words never part of a discovered name, lower-cased. */
  stopWords: Set<string>;
  /** Lower-cased first words of place names ("kafr", "tell") allowed in a place the gazetteer lacks. */
  placePrefixes: Set<string>;
  /** Actors by the head nouns definite descriptions use ("coalition" -> Syrian Coalition, anti-ISIS coalition). */
  actorsByHead: Map<string, ActorEntry[]>;
  /** Place name keys (lower case) for telling a place from a discovered name. */
  placeKeys: Set<string>;
}

function wordIndex(words: readonly string[]): AliasIndex<string> {
  const idx = new AliasIndex<string>();
  for (const w of words) idx.add(w, w);
  return idx;
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const actors = new AliasIndex<ActorRef>(true);
  const actorsByHead = new Map<string, ActorEntry[]>();
  for (const actor of lexicon.actors) {
    const plain: ActorRef = { actor, via: 'alias' };
    actors.add(actor.name, plain);
    for (const a of actor.aliases) actors.add(a, plain);
    for (const a of actor.caseSensitive) actors.add(a, plain, true);
    const adj: ActorRef = { actor, via: 'adjective' };
    for (const a of actor.adjectives) actors.add(a, adj);
    const ctx: ActorRef = { actor, via: 'contextual' };
    for (const a of actor.contextual) actors.add(a, ctx);
    const met: ActorRef = { actor, via: 'metonym' };
    for (const a of actor.metonyms) actors.add(a, met, true);
    for (const r of actor.roles) actors.add(r.alias, { actor, via: 'role', ...(r.from ? { from: r.from } : {}), ...(r.to ? { to: r.to } : {}) });
    for (const h of actor.heads) {
      const list = actorsByHead.get(h.toLowerCase()) ?? [];
      list.push(actor);
      actorsByHead.set(h.toLowerCase(), list);
    }
  }
  const places = new AliasIndex<PlaceEntry>();
  const placeKeys = new Set<string>();
  for (const place of lexicon.places) {
    for (const a of [place.name, ...place.aliases]) {
      places.add(a, place);
      placeKeys.add(a.toLowerCase());
    }
  }
  const triggers = new AliasIndex<EventTrigger>();
  for (const t of lexicon.triggers) for (const p of t.phrases) triggers.add(p, t, /^[A-Z]{2,}$/.test(p));
  const cues = new AliasIndex<ClaimCue>();
  for (const c of lexicon.cues) for (const p of c.phrases) cues.add(p, c);
  const coref = new AliasIndex<CorefDescription>();
  for (const d of lexicon.coreference) coref.add(d.phrase, d);
  const tw = lexicon.triggerWords;
  const cw = lexicon.cueWords;
  const nm = lexicon.names;
  return {
    lexicon,
    actors,
    places,
    placeByName: new Map(lexicon.places.map((p) => [p.name, p])),
    actorByName: new Map(lexicon.actors.map((a) => [a.name, a])),
    triggers,
    cues,
    coref,
    words: {
      forceNouns: wordIndex(tw.forceNouns),
      memberNouns: wordIndex(tw.memberNouns),
      habitual: wordIndex(tw.habitual),
      eventIrrealis: wordIndex(tw.irrealis),
      facilities: wordIndex(tw.facilities),
      reporting: wordIndex(cw.reportingVerbs),
      wrongNouns: wordIndex(cw.wrongNouns),
      wrongVerbs: wordIndex(cw.wrongVerbs),
      harmVerbs: wordIndex(cw.harmVerbs),
      protectedObjects: wordIndex(cw.protectedObjects),
      responsibility: wordIndex(cw.responsibility),
      claimNouns: wordIndex(cw.claimNouns),
      negators: wordIndex(cw.negators),
      claimIrrealis: wordIndex(cw.irrealis),
      orgHeads: wordIndex(nm.orgHeads),
      personTitles: wordIndex(nm.personTitles),
      personCues: wordIndex(nm.personCues),
    },
    stopWords: new Set(nm.stopWords.map((w) => w.toLowerCase())),
    placePrefixes: new Set(nm.placePrefixes.map((w) => w.toLowerCase())),
    actorsByHead,
    placeKeys,
  };
}
