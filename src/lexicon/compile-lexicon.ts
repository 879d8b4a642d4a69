// Builds the lookup structures extraction needs from a loaded Lexicon, once per run: alias
// tries for actors and places, and regular expressions for trigger phrases and cue phrases.
import { AliasIndex } from './alias-index.ts';
import type { Lexicon } from './load-lexicon.ts';
import type { ActorEntry, ClaimCue, EventTrigger, PlaceEntry } from './schema.ts';

export interface ActorRef {
  actor: ActorEntry;
  /** The alias is an adjective ("Russian"): it names the actor only before a military or attack noun. */
  adjective: boolean;
}

export interface CompiledPhrases<T> {
  entry: T;
  re: RegExp;
}

export interface CompiledLexicon {
  lexicon: Lexicon;
  actors: AliasIndex<ActorRef>;
  places: AliasIndex<PlaceEntry>;
  placeByName: Map<string, PlaceEntry>;
  actorByName: Map<string, ActorEntry>;
  triggers: CompiledPhrases<EventTrigger>[];
  cues: CompiledPhrases<ClaimCue>[];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `bomb*` is a prefix, anything else a whole phrase; spaces match any run of spaces or a hyphen. */
export function phraseRegex(phrases: readonly string[]): RegExp {
  const parts = phrases.map((p) => {
    const prefix = p.endsWith('*');
    const body = escapeRe(prefix ? p.slice(0, -1) : p).replace(/\\?\s+/g, '[\\s-]+').replace(/['’]/g, "['’]");
    return prefix ? `${body}[\\p{L}]*` : body;
  });
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const actors = new AliasIndex<ActorRef>();
  for (const actor of lexicon.actors) {
    const plain: ActorRef = { actor, adjective: false };
    actors.add(actor.name, plain);
    for (const a of actor.aliases) actors.add(a, plain);
    for (const a of actor.caseSensitive) actors.add(a, plain, true);
    const adj: ActorRef = { actor, adjective: true };
    for (const a of actor.adjectives) actors.add(a, adj);
  }
  const places = new AliasIndex<PlaceEntry>();
  for (const place of lexicon.places) {
    places.add(place.name, place);
    for (const a of place.aliases) places.add(a, place);
  }
  return {
    lexicon,
    actors,
    places,
    placeByName: new Map(lexicon.places.map((p) => [p.name, p])),
    actorByName: new Map(lexicon.actors.map((a) => [a.name, a])),
    triggers: lexicon.triggers.map((t) => ({ entry: t, re: phraseRegex(t.phrases) })),
    cues: lexicon.cues.map((c) => ({ entry: c, re: phraseRegex(c.phrases) })),
  };
}
