// Matching predictions to gold items: actors by canonical name or alias (the gold's aliases and
// ours), places by name, alias or gazetteer entry (a governorate and its capital count as one),
// evidence by overlap of character spans in the Source text (a gold sentence may span two of ours).
import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import { tokenize } from '../extract/tokens.ts';
import type { ActorNode, PlaceNode } from '../model/schema.ts';
import type { GoldReport } from './gold.ts';

export interface Span {
  start: number;
  end: number;
}

export function normName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Where a gold evidence sentence is in the text: exactly, or with whitespace differences ignored. */
export function locate(text: string, evidence: string): Span | null {
  const exact = text.indexOf(evidence);
  if (exact >= 0) return { start: exact, end: exact + evidence.length };
  const map: number[] = [];
  let flat = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      if (flat.endsWith(' ')) continue;
      flat += ' ';
    } else flat += ch;
    map.push(i);
  }
  const want = evidence.replace(/\s+/g, ' ').trim();
  const at = flat.indexOf(want);
  if (at < 0) return null;
  return { start: map[at] as number, end: (map[at + want.length - 1] as number) + 1 };
}

export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Maps our actor nodes to the gold's canonical names of one report. */
export class ActorMatcher {
  private readonly gold: { name: string; keys: Set<string> }[];
  constructor(
    report: GoldReport,
    private readonly lex: CompiledLexicon,
  ) {
    this.gold = report.actors.map((a) => ({ name: a.name, keys: new Set([a.name, ...a.aliases].map(normName)) }));
  }

  isGoldActor(name: string): boolean {
    return this.gold.some((g) => g.name === name);
  }

  /** The gold canonical name for our node, or our own name when the gold has no such actor. */
  map(node: ActorNode): string {
    const own = normName(node.name);
    const exact = this.gold.find((g) => normName(g.name) === own);
    if (exact) return exact.name;
    const entry = this.lex.actorByName.get(node.name);
    const keys = new Set([node.name, ...node.aliases, ...(entry ? [...entry.aliases, ...entry.caseSensitive, ...entry.adjectives, ...entry.contextual, ...entry.metonyms] : [])].map(normName));
    let best: { name: string; n: number } | null = null;
    for (const g of this.gold) {
      let n = 0;
      for (const k of keys) if (g.keys.has(k)) n++;
      if (n > 0 && (!best || n > best.n)) best = { name: g.name, n };
    }
    return best?.name ?? node.name;
  }
}

/** Does our place node stand for the gold place name? */
export function placeMatches(lex: CompiledLexicon, report: GoldReport, goldName: string | null, node: PlaceNode | null): boolean {
  if (!goldName || !node) return !goldName && !node;
  const gp = report.places.find((p) => p.name === goldName);
  const goldKeys = new Set([goldName, ...(gp?.aliases ?? [])].map(normName));
  if ([node.name, ...node.aliases].map(normName).some((k) => goldKeys.has(k))) return true;
  // Through the gazetteer: the gold's spelling names the same entry, or its capital / governorate.
  const ours = lex.placeByName.get(node.name);
  if (!ours) return false;
  for (const g of [goldName, ...(gp?.aliases ?? [])]) {
    const toks = tokenize(g);
    for (const hit of lex.places.find(toks, g)) {
      const e = hit.entry;
      if (e.name === ours.name || e.capital === ours.name || ours.capital === e.name) return true;
    }
  }
  return false;
}
