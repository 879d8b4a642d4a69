// Word tokens with character offsets, and the key a token is matched by (lower case, accents
// folded, apostrophe variants unified). Hyphens and apostrophes split words, so "Deir ez-Zor"
// and "Deir ez Zor", "Da’esh" and "Da'esh" tokenize alike; `joined` records a token glued to the
// one before it ("anti-ISIS": ISIS is joined to anti).
export interface Token {
  text: string;
  key: string;
  start: number;
  end: number;
  /** True when only a hyphen or apostrophe separates this token from the previous one. */
  joined: boolean;
  /** The key's number in the shared vocabulary (keyId), or -1 once the vocabulary is full. */
  id: number;
}

// Keys numbered once, so a lexicon lookup per token is an array read instead of a string hash.
// Lexicon words are always numbered; text words only until the vocabulary is this big, so a long
// run over many texts cannot grow it without bound (a word without a number is looked up by key).
const VOCAB = new Map<string, number>();
const VOCAB_TEXT_LIMIT = 1 << 20;

/** The number of a key; with `force` (lexicon words) a new key is always numbered. */
export function keyId(key: string, force = false): number {
  let id = VOCAB.get(key);
  if (id === undefined) {
    if (!force && VOCAB.size >= VOCAB_TEXT_LIMIT) return -1;
    id = VOCAB.size;
    VOCAB.set(key, id);
  }
  return id;
}

const WORD = /[\p{L}\p{N}]+/gu;
const JOINERS = '-‐‑–\'’`';

const NON_ASCII = /[^\x00-\x7f]/;

export function tokenKey(word: string): string {
  // ASCII has nothing to decompose or fold: most words skip normalize and the mark-stripping pass.
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  let prevEnd = -1;
  for (const m of text.matchAll(WORD)) {
    const start = (m.index ?? 0) + offset;
    // Joined when exactly one hyphen or apostrophe lies between (tested on the char, no slice).
    const joined = prevEnd >= 0 && start - prevEnd === 1 && JOINERS.includes(text.charAt(prevEnd - offset));
    const key = tokenKey(m[0]);
    out.push({ text: m[0], key, start, end: start + m[0].length, joined, id: keyId(key) });
    prevEnd = start + m[0].length;
  }
  return out;
}
