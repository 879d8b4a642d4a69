// Actor and place mentions in a sentence. Lexicon aliases come from the tries; an adjective
// ("Russian") counts only before a noun of force ("Russian jets"), a common word ("the regime")
// only when no other name qualifies it, a capital ("Damascus") as its government only where it
// acts, never after "in" or "to"; offices and renamed groups resolve by the report's date.
// Descriptive groups ("activists in Douma") and names the lexicon lacks are found here too.
import type { ActorRef, CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import type { ActorEntry, PlaceEntry } from '../lexicon/schema.ts';
import type { Sentence } from '../model/report.ts';
import { nodeId, slugify } from '../model/ids.ts';
import type { ActorKind, PlaceKind } from '../model/vocab.ts';
import { keyId, tokenize, type Token } from './tokens.ts';
import { discoverNames, type DiscoveredName } from './discover-names.ts';

/** An actor as a graph node will show it; lexicon entries and discovered names alike. */
export interface ActorNodeRef {
  id: string;
  name: string;
  kind: ActorKind;
  origin: 'lexicon' | 'discovered';
  entry: ActorEntry | null;
  /** A descriptive group ("Activists"): a node only when it takes part in an edge. */
  group: boolean;
}

export type MentionVia = ActorRef['via'] | 'group' | 'discovered' | 'coref';

export interface ActorMention {
  ref: ActorNodeRef;
  start: number;
  end: number;
  /** Token indexes [from, to) in the sentence's tokens. */
  from: number;
  to: number;
  surface: string;
  via: MentionVia;
}

export interface PlaceRef {
  id: string;
  name: string;
  kind: PlaceKind;
  entry: PlaceEntry | null;
  lat: number | null;
  lon: number | null;
  within: string | null;
}

export interface PlaceMention {
  place: PlaceRef;
  start: number;
  end: number;
  from: number;
  to: number;
  surface: string;
  /** The text's hedge on where: "eastern rural", "near", "outskirts of". */
  qualifier: string | null;
}

export interface MentionContext {
  /** Publication date of the report (`YYYY-MM-DD`), for offices and renamed groups. */
  published: string | null;
  /** Short id of the report, for report-scoped groups. */
  sourceKey: string;
  /** Group nodes already made in this report, by entry name (so "the activists" finds "Douma activists"). */
  groups: Map<string, ActorNodeRef>;
  /** Discovered people of this report by surname, so "Niklawi said" finds "Khalid Niklawi". */
  people: Map<string, ActorNodeRef>;
}

const LOCATIVE = new Set(['in', 'to', 'from', 'near', 'of', 'outside', 'around', 'at', 'into', 'toward', 'towards', 'across', 'via', 'inside', 'reached', 'visited', 'entered', 'left', 'fled', 'capital', 'city', 'rural', 'countryside', 'outskirts', 'suburbs', 'north', 'south', 'east', 'west', 'eastern', 'western', 'northern', 'southern', 'central', 'outer', 'greater', 'downtown']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'his', 'her', 'our', 'all', 'both', 'either']);
const PLACE_CUES = new Set(['in', 'of', 'near', 'at', 'on', 'from', 'to', 'outside', 'around', 'town', 'village', 'city', 'towns', 'villages']);
const NEGATING_PREFIXES = new Set(['anti', 'non', 'post', 'ex']);
const MODIFIER_SUFFIX = new Set(['backed', 'led', 'based', 'funded', 'supported', 'linked', 'affiliated', 'allied', 'aligned', 'held', 'controlled', 'sponsored', 'trained', 'armed']);
const isUpper = (t: Token | undefined) => !!t && /^\p{Lu}/u.test(t.text);
const PARTICLE = /^(al|el|ad|ar|as|ash|at|az|an|abu|umm|bin|ibn)$/i;

export function actorNodeRef(entry: ActorEntry): ActorNodeRef {
  return { id: nodeId('Actor', entry.name), name: entry.name, kind: entry.kind, origin: 'lexicon', entry, group: false };
}

export function placeRef(entry: PlaceEntry): PlaceRef {
  return { id: nodeId('Place', entry.name), name: entry.name, kind: entry.kind, entry, lat: entry.lat, lon: entry.lon, within: entry.within };
}

function inRange(date: string, from?: string, to?: string): boolean {
  // Partial dates compare as prefixes: "2016-07" is within [2016-07-28, ...] for the month's sake.
  if (from && date < from && !from.startsWith(date)) return false;
  if (to && date > to && !date.startsWith(to)) return false;
  return true;
}

/** Follow renamings to the identity that applied on the report's date. */
export function resolveRenamed(lex: CompiledLexicon, actor: ActorEntry, date: string | null): ActorEntry {
  if (!date) return actor;
  let cur = actor;
  for (let i = 0; i < 5; i++) {
    if (cur.validTo && cur.renamedTo && date > cur.validTo) {
      cur = lex.actorByName.get(cur.renamedTo) ?? cur;
      continue;
    }
    if (cur.validFrom && date < cur.validFrom) {
      const prev = lex.lexicon.actors.find((a) => a.renamedTo === cur.name);
      if (prev) {
        cur = prev;
        continue;
      }
    }
    break;
  }
  return cur;
}

// An office held on the report's date names its holder, before the office itself.
const VIA_RANK: Record<ActorRef['via'], number> = { role: 0, alias: 1, contextual: 2, metonym: 3, adjective: 4 };

function pickRef(refs: ActorRef[], date: string | null): ActorRef | null {
  const valid = refs.filter((r) => r.via !== 'role' || (date !== null && inRange(date, r.from, r.to)));
  valid.sort((a, b) => VIA_RANK[a.via] - VIA_RANK[b.via]);
  return valid[0] ?? null;
}

/** A noun of force right after token i ("jets"), past a possessive "'s"; returns its end index or -1. */
function forceNounAt(lex: CompiledLexicon, tokens: Token[], i: number): number {
  let j = i;
  if (tokens[j]?.key === 's' && tokens[j]?.joined) j++;
  // Allow one modifier between: "Russian war planes", "Syrian government air strikes".
  for (let k = j; k <= j + 1 && k < tokens.length; k++) {
    const m = lex.words.forceNouns.matchAt(tokens, k);
    if (m) return m.to;
    const claim = lex.words.claimNouns.matchAt(tokens, k);
    if (claim && k === j) return claim.to;
  }
  return -1;
}

export function findPlaceMentions(lex: CompiledLexicon, s: Sentence, tokens: Token[]): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const hit of lex.places.find(tokens, s.text, s.start)) {
    let entry = hit.entry;
    const first = tokens[hit.from] as Token;
    const prev = tokens[hit.from - 1];
    if (entry.ambiguous) {
      const next = tokens[hit.to];
      const cue = (prev && PLACE_CUES.has(prev.key)) || (next && PLACE_CUES.has(next.key));
      if (!isUpper(first) || !cue || hit.from === 0) continue;
    }
    if (first.joined && prev && (NEGATING_PREFIXES.has(prev.key) || prev.key === 'pro')) continue;
    // "the city of Aleppo", "Aleppo city": the capital, not the governorate.
    if (entry.capital) {
      const before = tokens.slice(Math.max(0, hit.from - 2), hit.from).map((t) => t.key).join(' ');
      const next = tokens[hit.to]?.key;
      if (/\bcity of$/.test(before) || next === 'city') entry = lex.placeByName.get(entry.capital) ?? entry;
    }
    out.push({ place: placeRef(entry), start: hit.start, end: hit.end, from: hit.from, to: hit.to, surface: hit.surface, qualifier: qualifierBefore(s, hit.start, tokens, hit.to) });
  }
  return out;
}

const QUALIFIER = /\b((?:(?:north|south|east|west)(?:ern)?|central|northeast(?:ern)?|northwest(?:ern)?|southeast(?:ern)?|southwest(?:ern)?)?\s*(?:rural|countryside of|outskirts of|near|around|vicinity of|suburbs of|the suburbs of|the outskirts of|the countryside of|(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of))\s+(?:the\s+)?(?:(?:town|city|village|province|governorate)\s+of\s+)?$/i;

function qualifierBefore(s: Sentence, start: number, tokens: Token[], to: number): string | null {
  const q = QUALIFIER.exec(s.text.slice(Math.max(0, start - s.start - 40), start - s.start));
  if (q?.[1]) return q[1].trim().toLowerCase().replace(/^the\s+/, '');
  const next = tokens[to];
  if (next && (next.key === 'countryside' || next.key === 'outskirts' || next.key === 'suburbs')) {
    const prev = tokens[to - 1];
    return prev ? `${next.key}` : null;
  }
  return null;
}

const PLURAL_PLACE = new Set(['towns', 'villages']);
const PLACE_NOUNS: Record<string, PlaceKind> = { towns: 'town', villages: 'village', town: 'town', village: 'village', neighbourhood: 'neighbourhood', neighborhood: 'neighbourhood', camp: 'facility', city: 'city', district: 'neighbourhood', outskirts: 'town', hamlet: 'village', farms: 'village' };
// The words PLACE_NOUNS[key] answers for, by key number: most tokens are told no without a keyed
// property lookup. ("constructor" is there because an object literal answers for it too, from its
// prototype; kept so the output does not change, and worth a fix of its own.)
const PLACE_NOUN_IDS = new Set([...Object.keys(PLACE_NOUNS), 'constructor'].map((w) => keyId(w, true)));

/** Places the gazetteer lacks, named as such: "the village of Kafr Aweed", "Hajin village". */
export function findDiscoveredPlaces(lex: CompiledLexicon, s: Sentence, tokens: Token[], taken: (i: number) => boolean, known: PlaceMention[] = []): PlaceMention[] {
  const out: PlaceMention[] = [];
  const nameAt = (i: number, dir: 1 | -1): [number, number] | null => {
    // One to three capitalised words, not stop words, not already an actor or place.
    let a = i;
    let b = i;
    const ok = (k: number): boolean => {
      const t = tokens[k];
      if (!t || taken(k)) return false;
      if ((PARTICLE.test(t.text) || lex.placePrefixes.has(t.key)) && isUpper(tokens[k + 1]) && !taken(k + 1)) return true;
      return isUpper(t) && !lex.stopWords.has(t.key) && !/^\d/.test(t.text);
    };
    if (!ok(i)) return null;
    if (dir === 1) while (b + 1 < tokens.length && b - i < 3 && ok(b + 1) && (tokens[b + 1] as Token).start - (tokens[b] as Token).end <= 1) b++;
    else while (a - 1 >= 0 && i - a < 3 && ok(a - 1) && (tokens[a] as Token).start - (tokens[a - 1] as Token).end <= 1) a--;
    // A prefix or particle alone ("Tell" before a name already taken) is no name.
    if (tokens.slice(a, b + 1).every((x) => PARTICLE.test(x.text) || lex.placePrefixes.has(x.key))) return null;
    return [a, b + 1];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const kind = t.id >= 0 && !PLACE_NOUN_IDS.has(t.id) ? undefined : PLACE_NOUNS[t.key];
    if (!kind) continue;
    const spans: [number, number][] = [];
    const plural = PLURAL_PLACE.has(t.key);
    if (tokens[i + 1]?.key === 'of' && tokens[i - 1] && DETERMINERS.has((tokens[i - 1] as Token).key)) {
      let span = nameAt(i + 2, 1);
      if (span) spans.push(span);
      // "the villages of Saida and Mu'allaq", "the towns of A, B and C": each name of the list.
      while (plural && span) {
        let k = span[1];
        if (tokens[k]?.key === 'and') k++;
        const gap = tokens[k] ? s.text.slice((tokens[span[1] - 1] as Token).end - s.start, (tokens[k] as Token).start - s.start) : '';
        if (k === span[1] && !/^\s*,\s*$/.test(gap)) break;
        if (k > span[1] && !/^\s*,?\s*and\s*$/.test(gap)) break;
        span = nameAt(k, 1);
        if (span) spans.push(span);
      }
    } else if (!plural && t.key !== 'city' && t.key !== 'district' && t.key !== 'outskirts' && t.key !== 'farms' && i > 0) {
      const span = nameAt(i - 1, -1);
      if (span) spans.push(span);
    }
    for (const span of spans) {
      const a = tokens[span[0]] as Token;
      const b = tokens[span[1] - 1] as Token;
      const name = s.text.slice(a.start - s.start, b.end - s.start);
      if (name.length < 3 || /^\p{Lu}+$/u.test(name)) continue;
      if (out.some((p) => p.from === span[0])) continue;
      // "the village of Kafr Aweed in southern rural Idlib", "Hajin village in the eastern Deir Ezzor countryside": the place that holds it.
      // Else the one governorate the sentence names ("... in Gharanij, one of the towns of the Deir Ezzor countryside").
      const govs = [...new Set(known.filter((p) => p.place.kind === 'governorate').map((p) => p.place.name))];
      const holder = known.find((p) => p.from >= span[1] && p.from - span[1] <= 8 && /^[\s,]*(?:(?:in|of|near|outside|the|north|south|east|west|northern|southern|eastern|western|central|rural|countryside|village|town|province|governorate|city)[\s,]+)*$/i.test(s.text.slice(b.end - s.start, p.start - s.start))) ?? (govs.length === 1 ? known.find((p) => p.place.name === govs[0]) : undefined);
      out.push({
        place: { id: nodeId('Place', name), name, kind, entry: null, lat: null, lon: null, within: holder ? holder.place.name : null },
        start: a.start,
        end: b.end,
        from: span[0],
        to: span[1],
        surface: name,
        qualifier: null,
      });
    }
  }
  return out;
}

export interface SentenceMentions {
  actors: ActorMention[];
  places: PlaceMention[];
}

export function findMentions(lex: CompiledLexicon, s: Sentence, tokens: Token[], ctx: MentionContext, opts: { headline?: boolean } = {}): SentenceMentions {
  const actorHits = lex.actors.findAll(tokens, s.text, s.start);
  let places = findPlaceMentions(lex, s, tokens);
  const actors: ActorMention[] = [];

  // First pass: which hits are actors at all.
  const accepted: { hit: (typeof actorHits)[number]; ref: ActorRef }[] = [];
  for (const hit of actorHits) {
    const ref = pickRef(hit.entry, ctx.published);
    if (!ref) continue;
    const first = tokens[hit.from] as Token;
    const prev = tokens[hit.from - 1];
    const next = tokens[hit.to];
    if (first.joined && prev && NEGATING_PREFIXES.has(prev.key)) continue;
    if (first.joined && prev && prev.key === 'pro' && ref.via !== 'alias') continue;
    // "Russia-backed regime forces", "US-led": a modifier of someone else.
    if (next?.joined && MODIFIER_SUFFIX.has(next.key)) continue;
    if (ref.via === 'contextual') {
      if (prev && isUpper(prev) && hit.from > 0 && !DETERMINERS.has(prev.key) && prev.key !== 'and') continue;
      // "the Turkish occupation army": the army of the name just before, not the Syrian army.
      const last = accepted.at(-1);
      if (last && last.hit.to >= hit.from - 1) continue;
      if (next?.key === 'change' || next?.key === 'of') continue;
    }
    if (ref.via === 'metonym') {
      if (prev && LOCATIVE.has(prev.key)) continue;
      // A dateline ("Damascus, SANA -") names where the report was filed, not who acts.
      if (hit.from === 0 && /^\s*,\s*\p{Lu}/u.test(s.text.slice(hit.end - s.start, hit.end - s.start + 8))) continue;
      if (places.some((p) => p.start === hit.start && p.end > hit.end)) continue;
    }
    accepted.push({ hit, ref });
  }
  // Adjectives: before a noun of force, or coordinated with one that is ("Russian and Syrian warplanes").
  const adjOk = new Set<number>();
  for (let k = accepted.length - 1; k >= 0; k--) {
    const { hit, ref } = accepted[k] as (typeof accepted)[number];
    if (ref.via !== 'adjective') continue;
    if (forceNounAt(lex, tokens, hit.to) >= 0) {
      adjOk.add(k);
      continue;
    }
    const nxt = accepted[k + 1];
    const gap = tokens.slice(hit.to, nxt?.hit.from ?? hit.to).map((t) => t.key);
    const nextIsForce = !!nxt && (adjOk.has(k + 1) || forceNounAt(lex, tokens, nxt.hit.to) >= 0 || (nxt.ref.via !== 'adjective' && lex.words.forceNouns.matchAt(tokens, nxt.hit.to - 1) !== null));
    if (nxt && gap.length <= 2 && gap.length > 0 && ['and', 'or'].includes(gap[0] as string) && nextIsForce) adjOk.add(k);
  }
  accepted.forEach(({ hit, ref }, k) => {
    if (ref.via === 'adjective' && !adjOk.has(k)) return;
    // A longer place wins over a shorter actor name (and the reverse below).
    if (places.some((p) => p.start <= hit.start && p.end >= hit.end && p.end - p.start > hit.end - hit.start)) return;
    const entry = resolveRenamed(lex, ref.actor, ctx.published);
    if (entry.scope === 'report') {
      actors.push({ ref: groupRef(entry, tokens, hit.to, hit.from, places, ctx), start: hit.start, end: hit.end, from: hit.from, to: hit.to, surface: hit.surface, via: 'group' });
      return;
    }
    actors.push({ ref: actorNodeRef(entry), start: hit.start, end: hit.end, from: hit.from, to: hit.to, surface: hit.surface, via: ref.via });
  });
  places = places.filter((p) => !actors.some((a) => a.start <= p.start && a.end >= p.end && (a.end - a.start >= p.end - p.start || a.via === 'metonym')));

  // Names the lexicon lacks.
  const taken = (i: number) => actors.some((a) => i >= a.from && i < a.to) || places.some((p) => i >= p.from && i < p.to);
  if (!opts.headline) {
    const found = discoverNames(lex, s, tokens, taken).map((d) => discoveredMention(d, s, tokens, ctx));
    actors.push(...found);
    // A place inside a discovered name ("Aleppo Police Command") is part of the name.
    places = places.filter((p) => !found.some((f) => f.start <= p.start && f.end >= p.end));
    const discoveredPlaces = findDiscoveredPlaces(lex, s, tokens, (i) => taken(i) || actors.some((a) => i >= a.from && i < a.to), places);
    places.push(...discoveredPlaces);
  }
  // A bare surname of someone discovered earlier in the report.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const person = ctx.people.get(t.text);
    if (!person || !isUpper(t) || actors.some((a) => i >= a.from && i < a.to)) continue;
    actors.push({ ref: person, start: t.start, end: t.end, from: i, to: i + 1, surface: t.text, via: 'discovered' });
  }
  actors.sort((a, b) => a.start - b.start);
  places.sort((a, b) => a.start - b.start);
  return { actors, places };
}

function discoveredMention(d: DiscoveredName, s: Sentence, tokens: Token[], ctx: MentionContext): ActorMention {
  const a = tokens[d.from] as Token;
  const b = tokens[d.to - 1] as Token;
  const name = s.text.slice(a.start - s.start, b.end - s.start).replace(/\s+/g, ' ');
  const known = d.kind === 'person' ? ctx.people.get(name.split(' ').at(-1) as string) : undefined;
  const ref: ActorNodeRef = known && known.name.endsWith(name) ? known : { id: nodeId('Actor', name), name, kind: d.kind, origin: 'discovered', entry: null, group: false };
  if (d.kind === 'person') {
    const parts = name.split(' ');
    if (parts.length >= 2) ctx.people.set(parts.at(-1) as string, ref);
  }
  return { ref, start: a.start, end: b.end, from: d.from, to: d.to, surface: name, via: 'discovered' };
}

/**
 * A descriptive group: placed when the text places it ("activists in Douma", "Idlib
 * activists": one node per place across reports), else the group already seen in this report,
 * else a new node for this report only.
 */
function groupRef(entry: ActorEntry, tokens: Token[], to: number, from: number, places: PlaceMention[], ctx: MentionContext): ActorNodeRef {
  let place: PlaceMention | undefined;
  const after = tokens.slice(to, to + 7).map((t) => t.key);
  if (after[0] === 'in' || after[0] === 'from') {
    // "activists in the Jobar district of Damascus", "activists from Deir Ezzor", "in rural Idlib"
    place = places.find((p) => p.from >= to && p.from <= to + 6 && tokens.slice(to, p.from).every((t) => ['in', 'from', 'the', 'of', 'district', 'city', 'town', 'village', 'province', 'provinces', 'rural', 'countryside', 'eastern', 'western', 'northern', 'southern', 'neighborhood', 'neighbourhood'].includes(t.key)));
  }
  place ??= places.find((p) => p.to === from);
  if (place) {
    const name = `${place.place.name.replace(/ city$/, '')} ${entry.name.toLowerCase()}`;
    const ref: ActorNodeRef = { id: nodeId('Actor', name), name, kind: entry.kind, origin: 'lexicon', entry, group: true };
    ctx.groups.set(entry.name, ref);
    return ref;
  }
  const seen = ctx.groups.get(entry.name);
  if (seen) return seen;
  const ref: ActorNodeRef = { id: `actor:${slugify(entry.name)}--${ctx.sourceKey}`, name: entry.name, kind: entry.kind, origin: 'lexicon', entry, group: true };
  ctx.groups.set(entry.name, ref);
  return ref;
}

/** Tokens of a sentence with absolute offsets. */
export function sentenceTokens(s: Sentence): Token[] {
  return tokenize(s.text, s.start);
}

/** The actors an outlet string names ("Syrian Coalition’s Media Office + Smart News Network"). */
export function outletActors(lex: CompiledLexicon, outlet: string | null): ActorEntry[] {
  if (!outlet) return [];
  const out: ActorEntry[] = [];
  for (const part of outlet.split(/\s+\+\s+/)) {
    const tokens = tokenize(part);
    for (const hit of lex.actors.findAll(tokens, part)) {
      const ref = pickRef(hit.entry, null);
      if (ref && ref.via !== 'adjective' && !out.includes(ref.actor)) out.push(ref.actor);
    }
  }
  return out;
}
