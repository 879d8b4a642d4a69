// Sentences by character offsets. Line breaks end a sentence unless the line plainly runs on (no
// closing punctuation and the next line starts in lower case); inside a line a sentence ends at
// . ! ? (with any closing quotes or brackets) before an upper-case letter, a digit or an opening
// quote, except after a known abbreviation or an initial. Quotes are kept with their sentence.
import type { Sentence } from '../model/report.ts';

/** Words after which a full stop does not end a sentence (compared lower-case, without the dot). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'pvt', 'adm', 'brig', 'cmdr',
  'gov', 'sen', 'rep', 'pres', 'amb', 'rev', 'st', 'sr', 'jr', 'no', 'nos', 'vol', 'pp', 'p', 'para', 'art', 'fig',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'approx', 'vs', 'v', 'cf', 'al', 'e.g', 'i.e', 'u.s', 'u.n', 'u.k', 'u.s.a',
  'km', 'sq', 'mt', 'ft', 'govt', 'int', 'intl', 'sheikh', 'sh',
]);

const CLOSERS = '"”’\')]»';
const OPENERS = '"“‘\'([«';

function isUpperStart(ch: string | undefined): boolean {
  if (!ch) return false;
  return /[\p{Lu}\p{N}]/u.test(ch) || OPENERS.includes(ch) || /[\u0600-\u06FF]/.test(ch);
}

function wordBefore(text: string, dot: number): string {
  let i = dot - 1;
  while (i >= 0 && /[\p{L}.]/u.test(text[i] as string)) i--;
  return text.slice(i + 1, dot);
}

/** Split one block (no line breaks inside) into [start, end) spans relative to `offset`. */
function splitBlock(text: string, offset: number, out: Sentence[], full: string): void {
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] as string)) s++;
    while (e > s && /\s/.test(text[e - 1] as string)) e--;
    if (e > s) out.push({ start: offset + s, end: offset + e, text: full.slice(offset + s, offset + e) });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let j = i + 1;
    while (j < text.length && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < text.length && CLOSERS.includes(text[j] as string)) j++;
    if (j < text.length && !/\s/.test(text[j] as string)) {
      // A full stop with its space lost to copying ("the laws of war).Human Rights Watch"): a boundary
      // when a lower-case word or a bracket ends the sentence and a capitalised word starts the next.
      const glued = ch === '.' && j === i + 1 && /\p{Lu}\p{Ll}/u.test(text.slice(j, j + 2)) && /(?:\p{Ll}{3,}|\))$/u.test(text.slice(Math.max(0, i - 12), i)) && !/www|:\/\/|@|\./i.test(/\S*$/.exec(text.slice(Math.max(0, i - 60), i))?.[0] ?? '');
      if (!glued) continue;
      push(j);
      start = j;
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < text.length && /\s/.test(text[k] as string)) k++;
    if (k >= text.length) break;
    if (!isUpperStart(text[k])) continue;
    if (ch === '.' && j === i + 1) {
      const word = wordBefore(text, i);
      const lower = word.toLowerCase();
      if (ABBREVIATIONS.has(lower)) continue;
      // An initial ("H. Said", "George W. Bush"), but not a sentence ending in a one-letter word like "a" / "I".
      if (/^\p{Lu}$/u.test(word)) continue;
      if (/^(\p{L}\.)+\p{L}$/u.test(word)) continue; // U.S. / U.N. written with inner dots
    }
    push(j);
    start = j;
    i = j - 1;
  }
  push(text.length);
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const lines = text.split('\n');
  let pos = 0;
  let blockStart = 0;
  let blockEnd = 0;
  let open = false;
  const flush = () => {
    if (open) splitBlock(text.slice(blockStart, blockEnd), blockStart, out, text);
    open = false;
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] as string;
    const lineStart = pos;
    const lineEnd = pos + line.length;
    pos = lineEnd + 1;
    if (!line.trim()) {
      flush();
      continue;
    }
    if (open) {
      const prev = text.slice(blockStart, blockEnd).trimEnd();
      const runsOn = !/[.!?:;…"”’)\]]$/.test(prev) && /^\s*\p{Ll}/u.test(line);
      if (runsOn) {
        blockEnd = lineEnd;
        continue;
      }
      flush();
    }
    open = true;
    blockStart = lineStart;
    blockEnd = lineEnd;
  }
  flush();
  return out;
}
