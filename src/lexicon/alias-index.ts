// A token trie over phrases (actor aliases, place names, trigger and cue phrases), for
// longest-match lookup in one pass over a sentence: cost grows with the number of tokens, not
// with the size of the lexicon. A phrase token ending in `*` matches any word it begins
// ("bomb*" matches "bombed", "bombardment"); case-sensitive phrases match letter for letter.
import { keyId, tokenize, type Token } from '../extract/tokens.ts';

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
  /** Children reached by a prefix token (`bomb*`), checked with startsWith. */
  prefixes: { stem: string; node: TrieNode<T> }[];
  /** Entries ending here; `exact` is the token sequence a case-sensitive phrase must match letter for letter. */
  ends: { entry: T; exact: string[] | null }[];
}

const newNode = <T>(): TrieNode<T> => ({ next: new Map(), prefixes: [], ends: [] });
const EMPTY = new Map<string, never>();

export class AliasIndex<T> {
  private readonly root: TrieNode<T> = newNode();
  size = 0;
  /** By key number (keyId): 1 when a phrase starts with that word. Most words start none, and this says so without hashing. */
  private firstWords: Uint8Array = new Uint8Array(0);
  /** By key number: 0 not yet known, 1 no root prefix (`bomb*`) fits the word, 2 one does. */
  private prefixFits: Uint8Array = new Uint8Array(0);
  // The search stack of matchAt, kept between calls (it never calls itself).
  private readonly stackNodes: TrieNode<T>[] = [];
  private readonly stackAt: number[] = [];
  private readonly stackLoose: boolean[] = [];

  /**
   * With `lostApostrophes`, a word ending in "s" also matches the alias word without it
   * followed by "'s": texts stripped of punctuation write "Assads regime", "the regimes shelling".
   */
  constructor(private readonly lostApostrophes = false) {}

  add(alias: string, entry: T, caseSensitive = false): void {
    const prefix = alias.endsWith('*');
    const toks = tokenize(prefix ? alias.slice(0, -1) : alias);
    if (toks.length === 0) return;
    let node = this.root;
    if (!(prefix && toks.length === 1)) {
      const id = keyId((toks[0] as Token).key, true);
      if (id >= this.firstWords.length) this.firstWords = grown(this.firstWords, id);
      this.firstWords[id] = 1;
    }
    if (prefix && toks.length === 1) this.prefixFits = new Uint8Array(0); // a new root prefix: what was known no longer holds
    toks.forEach((t, i) => {
      if (prefix && i === toks.length - 1) {
        let p = node.prefixes.find((x) => x.stem === t.key);
        if (!p) {
          p = { stem: t.key, node: newNode() };
          node.prefixes.push(p);
        }
        node = p.node;
        return;
      }
      let child = node.next.get(t.key);
      if (!child) {
        child = newNode();
        node.next.set(t.key, child);
      }
      node = child;
    });
    const exact = caseSensitive ? toks.map((t) => t.text) : null;
    if (!node.ends.some((e) => e.entry === entry && sameExact(e.exact, exact))) {
      node.ends.push({ entry, exact });
      this.size++;
    }
  }

  /** The longest match starting at token i, or null. Iterative, no closures: this runs for every token of every sentence. */
  matchAt(tokens: readonly Token[], i: number): { to: number; entries: T[] } | null {
    const first = tokens[i];
    if (!first) return null;
    const root = this.root;
    // Most words start no phrase at all.
    const id = first.id;
    const starts = id >= 0 ? id < this.firstWords.length && this.firstWords[id] === 1 : root.next.has(first.key);
    if (!starts && !(this.lostApostrophes && first.key.endsWith('s')) && (root.prefixes.length === 0 || !this.rootPrefixFits(first))) return null;
    let best: { to: number; entries: T[] } | null = null;
    const nodes = this.stackNodes;
    const at = this.stackAt;
    const exactOnly = this.stackLoose;
    // A stack by index: emptying the arrays (length = 0) would cost a runtime call per lookup; stale entries above `top` are never read.
    let top = 0;
    nodes[top] = root;
    at[top] = i;
    exactOnly[top++] = false;
    while (top > 0) {
      top--;
      const node = nodes[top] as TrieNode<T>;
      const j = at[top] as number;
      const onlyLoose = exactOnly[top] as boolean;
      if (node.ends.length > 0 && j > i && (!best || j > best.to)) {
        const ok: T[] = [];
        for (const e of node.ends) {
          if (!e.exact) ok.push(e.entry);
          else if (!onlyLoose && e.exact.every((x, k) => tokens[i + k]?.text === x)) ok.push(e.entry);
        }
        if (ok.length > 0) best = { to: j, entries: ok };
      }
      const tok = tokens[j];
      if (!tok) continue;
      // A phrase never spans a break wider than a space or a hyphen.
      if (j > i && tok.start - (tokens[j - 1] as Token).end > 3) continue;
      const child = node.next.get(tok.key);
      if (child) {
        nodes[top] = child;
        at[top] = j + 1;
        exactOnly[top++] = onlyLoose;
      }
      for (const p of node.prefixes) {
        if (tok.key.startsWith(p.stem)) {
          nodes[top] = p.node;
          at[top] = j + 1;
          exactOnly[top++] = onlyLoose;
        }
      }
      if (this.lostApostrophes && !child && tok.key.length > 3 && tok.key.endsWith('s') && !tokens[j + 1]?.joined) {
        const bare = node.next.get(tok.key.slice(0, -1));
        if (bare) {
          // "regimes" as "regime('s)": an alias may end here (loosely: never a case-sensitive one) ...
          if (bare.ends.length > 0) {
            nodes[top] = { next: EMPTY, prefixes: [], ends: bare.ends };
            at[top] = j + 1;
            exactOnly[top++] = true;
          }
          // ... or go on as "Assad('s) regime".
          const poss = bare.next.get('s');
          if (poss) {
            nodes[top] = poss;
            at[top] = j + 1;
            exactOnly[top++] = true;
          }
        }
      }
    }
    return best;
  }

  /** Whether a root prefix (`bomb*`) fits the token's word, remembered by key number. */
  private rootPrefixFits(tok: Token): boolean {
    const id = tok.id;
    if (id >= 0 && id < this.prefixFits.length && this.prefixFits[id] !== 0) return this.prefixFits[id] === 2;
    const fits = this.root.prefixes.some((p) => tok.key.startsWith(p.stem));
    if (id >= 0) {
      if (id >= this.prefixFits.length) this.prefixFits = grown(this.prefixFits, id);
      this.prefixFits[id] = fits ? 2 : 1;
    }
    return fits;
  }

  /** Longest matches, left to right, not overlapping. */
  find(tokens: readonly Token[], text: string, textOffset = 0): AliasHit<T>[] {
    const hits: AliasHit<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const m = this.matchAt(tokens, i);
      if (m) {
        const first = tokens[i] as Token;
        const last = tokens[m.to - 1] as Token;
        for (const entry of m.entries.slice(0, 1)) {
          hits.push({ entry, from: i, to: m.to, start: first.start, end: last.end, surface: text.slice(first.start - textOffset, last.end - textOffset) });
        }
        i = m.to;
      } else {
        i++;
      }
    }
    return hits;
  }

  /** Like find, but every entry of a match (several actors may share an alias, told apart later by date). */
  findAll(tokens: readonly Token[], text: string, textOffset = 0): AliasHit<T[]>[] {
    const hits: AliasHit<T[]>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const m = this.matchAt(tokens, i);
      if (m) {
        // "the National Front for Liberation": a longer name starting inside this match wins over it ("The National").
        let longer = -1;
        for (let j = i + 1; j < m.to && longer < 0; j++) {
          const n = this.matchAt(tokens, j);
          if (n && n.to > m.to && n.to - j > m.to - i) longer = j;
        }
        if (longer >= 0) {
          i = longer;
          continue;
        }
        const first = tokens[i] as Token;
        const last = tokens[m.to - 1] as Token;
        hits.push({ entry: m.entries, from: i, to: m.to, start: first.start, end: last.end, surface: text.slice(first.start - textOffset, last.end - textOffset) });
        i = m.to;
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

/** A copy of a byte table long enough to hold index `id`, with room to grow. */
function grown(a: Uint8Array, id: number): Uint8Array {
  const b = new Uint8Array(Math.max(id + 1, a.length * 2, 1024));
  b.set(a);
  return b;
}
