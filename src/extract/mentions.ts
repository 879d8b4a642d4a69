// Actor and place mentions in a sentence, from the lexicon's alias tries. An adjective alias
// ("Russian") counts only before a noun of force or attack ("Russian jets", "Russian airstrikes");
// a name glued to "anti-" or "pro-" ("anti-ISIS") is not a mention of that actor.
import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import type { ActorEntry, PlaceEntry } from '../lexicon/schema.ts';
import type { Sentence } from '../model/report.ts';
import { tokenize, type Token } from './tokens.ts';

export interface ActorMention {
  actor: ActorEntry;
  start: number;
  end: number;
  surface: string;
  /** Matched through an adjective: "Russian airstrikes". */
  viaAdjective: boolean;
}

export interface PlaceMention {
  place: PlaceEntry;
  start: number;
  end: number;
  surface: string;
}

const FORCE_NOUNS = new Set([
  'jets', 'jet', 'warplanes', 'warplane', 'planes', 'plane', 'aircraft', 'aircrafts', 'helicopters', 'helicopter',
  'airstrikes', 'airstrike', 'air', 'strikes', 'strike', 'raids', 'bombing', 'bombings', 'bombardment', 'shelling',
  'forces', 'troops', 'army', 'military', 'soldiers', 'militias', 'militia', 'pilots', 'artillery', 'missiles',
  'crimes', 'attacks', 'attack', 'occupation', 'drones', 'drone', 'navy', 'fighters', 'regime', 'government',
]);

const NEGATING_PREFIXES = new Set(['anti', 'pro', 'non', 'post', 'ex']);

export function sentenceTokens(s: Sentence): Token[] {
  return tokenize(s.text, s.start);
}

export function findActorMentions(lex: CompiledLexicon, s: Sentence, tokens: Token[]): ActorMention[] {
  const out: ActorMention[] = [];
  for (const hit of lex.actors.find(tokens, s.text, s.start)) {
    const first = tokens[hit.from];
    const before = tokens[hit.from - 1];
    if (first?.joined && before && NEGATING_PREFIXES.has(before.key)) continue;
    if (hit.entry.adjective) {
      const next = tokens[hit.to];
      if (!next || !FORCE_NOUNS.has(next.key)) continue;
    }
    out.push({ actor: hit.entry.actor, start: hit.start, end: hit.end, surface: hit.surface, viaAdjective: hit.entry.adjective });
  }
  return out;
}

export function findPlaceMentions(lex: CompiledLexicon, s: Sentence, tokens: Token[]): PlaceMention[] {
  return lex.places.find(tokens, s.text, s.start).map((h) => ({ place: h.entry, start: h.start, end: h.end, surface: h.surface }));
}
