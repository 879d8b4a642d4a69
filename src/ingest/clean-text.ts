// Turns decoded text into the clean body that evidence offsets point into: Unicode NFC, one kind
// of space and line break, and web boilerplate removed by the patterns in
// data/lexicons/boilerplate.json. Curly quotes and apostrophes are kept as written.
import type { IngestRules } from '../lexicon/ingest-rules.ts';

/** Normalise characters only: NFC, line breaks, the many Unicode spaces, invisible characters. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    // C0/C1 control characters other than the line break say nothing in a report.
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '');
}

const SENTENCE_PUNCT = /[.!?;:,،؛]/;

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

export interface CleanResult {
  text: string;
  /** Ids of the boilerplate rules that removed something, sorted, for the run summary. */
  removedBy: string[];
}

export function cleanText(raw: string, rules: IngestRules): CleanResult {
  const removed = new Set<string>();
  let text = normaliseText(raw);

  for (const p of rules.inline) {
    p.re.lastIndex = 0;
    if (p.re.test(text)) {
      removed.add(p.id);
      p.re.lastIndex = 0;
      text = text.replace(p.re, '');
    }
  }

  let lines = text.split('\n').map((l) => l.replace(/ {2,}/g, ' ').trim());

  // A comment section or "related stories" block ends the article: drop it and all after,
  // but only past the first third, so a header widget does not swallow the report.
  const totalChars = lines.reduce((n, l) => n + l.length + 1, 0);
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (seen > totalChars / 3 && line) {
      const tail = rules.tails.find((p) => p.re.test(line));
      if (tail) {
        removed.add(tail.id);
        lines = lines.slice(0, i);
        break;
      }
    }
    seen += line.length + 1;
  }

  lines = dropMenuRuns(lines, rules.menuRun, removed);
  lines = lines.map((line) => {
    if (!line) return line;
    const hit = rules.lines.find((p) => p.re.test(line));
    if (hit) {
      removed.add(hit.id);
      return '';
    }
    // A section label standing alone ("Coalition News", "World") is page furniture, not report text.
    if (line.length <= 40 && rules.notTitles.has(line.toLowerCase().replace(/[:.]$/, ''))) {
      removed.add('section-label');
      return '';
    }
    return line;
  });

  if (rules.dropRepeatedLines) lines = dropRepeats(lines, removed);

  const out = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
  return { text: out, removedBy: [...removed].sort() };
}

function dropMenuRuns(lines: string[], cfg: { minLines: number; maxWords: number }, removed: Set<string>): string[] {
  const out = [...lines];
  let runStart = -1;
  // (the punctuation test first: it allocates nothing, and most lines of a report fail it)
  const isMenuLine = (l: string) => l.length > 0 && !SENTENCE_PUNCT.test(l) && wordCount(l) <= cfg.maxWords;
  const flush = (end: number) => {
    // Count only non-empty lines: menus are often one item per line with no blank lines between.
    const items = out.slice(runStart, end).filter(Boolean).length;
    if (runStart >= 0 && items >= cfg.minLines) {
      for (let k = runStart; k < end; k++) out[k] = '';
      removed.add('menu-run');
    }
    runStart = -1;
  };
  for (let i = 0; i < out.length; i++) {
    const line = out[i] ?? '';
    if (isMenuLine(line)) {
      if (runStart < 0) runStart = i;
    } else if (line.length > 0) {
      flush(i);
    }
  }
  flush(out.length);
  return out;
}

function dropRepeats(lines: string[], removed: Set<string>): string[] {
  const out = [...lines];
  const firstSeen = new Set<string>();
  for (let i = 0; i < out.length; i++) {
    const line = out[i] ?? '';
    if (line.length < 20) continue;
    if (firstSeen.has(line)) {
      out[i] = '';
      removed.add('repeated-line');
      continue;
    }
    firstSeen.add(line);
  }
  // A caption or teaser that reappears as the opening of a later, longer paragraph (within a few
  // lines: captions sit next to what they caption) is dropped where it stands alone.
  const window = 12;
  for (let i = 0; i < out.length; i++) {
    const line = out[i] ?? '';
    if (line.length < 40) continue;
    for (let j = i + 1; j < Math.min(out.length, i + 1 + window); j++) {
      const later = out[j] ?? '';
      if (later.length > line.length && later.startsWith(line)) {
        out[i] = '';
        removed.add('repeated-opening');
        break;
      }
    }
  }
  return out;
}
