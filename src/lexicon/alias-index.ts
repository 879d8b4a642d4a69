// A token trie over every alias of every entry, for longest-match lookup in one pass over a
// sentence: cost grows with the number of tokens, not with the size of the lexicon.
import { tokenize, type Token } from '../extract/tokens.ts';

export interface AliasHit<T> {
  entry: T;
  /** Index of the first and one past the last token matched. */
  from: number;
  to: number;
  start: number;
  end: number;
  surface: string;
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  /** Entries ending here; `exact` is the token sequence a case-sensitive alias must match letter for letter. */
  ends: { entry: T; exact: string[] | null }[];
}

export class AliasIndex<T> {
  private readonly root: TrieNode<T> = { next: new Map(), ends: [] };

  add(alias: string, entry: T, caseSensitive = false): void {
    const toks = tokenize(alias);
    if (toks.length === 0) return;
    let node = this.root;
    for (const t of toks) {
      let child = node.next.get(t.key);
      if (!child) {
        child = { next: new Map(), ends: [] };
        node.next.set(t.key, child);
      }
      node = child;
    }
    const exact = caseSensitive ? toks.map((t) => t.text) : null;
    if (!node.ends.some((e) => e.entry === entry && sameExact(e.exact, exact))) node.ends.push({ entry, exact });
  }

  /** Longest matches, left to right, not overlapping. */
  find(tokens: readonly Token[], text: string, textOffset = 0): AliasHit<T>[] {
    const hits: AliasHit<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      let node: TrieNode<T> | undefined = this.root;
      let best: { to: number; entry: T } | null = null;
      for (let j = i; j < tokens.length && node; j++) {
        const tok = tokens[j] as Token;
        // An alias never spans a sentence-internal break wider than a space or hyphen.
        if (j > i && tok.start - (tokens[j - 1] as Token).end > 3) break;
        node = node.next.get(tok.key);
        if (!node) break;
        const end = node.ends.find((e) => !e.exact || e.exact.every((x, k) => tokens[i + k]?.text === x));
        if (end) best = { to: j + 1, entry: end.entry };
      }
      if (best) {
        const first = tokens[i] as Token;
        const last = tokens[best.to - 1] as Token;
        hits.push({ entry: best.entry, from: i, to: best.to, start: first.start, end: last.end, surface: text.slice(first.start - textOffset, last.end - textOffset) });
        i = best.to;
      } else {
        i++;
      }
    }
    return hits;
  }
}

function sameExact(a: string[] | null, b: string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
