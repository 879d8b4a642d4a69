// Pulls a report's title, publication date and outlet out of its text, for formats that carry no
// metadata of their own (plain text, and as a fallback for the others). Dates are read before
// boilerplate removal, because date lines are often boilerplate ("Items filtered by date: …").
import type { IngestRules } from '../lexicon/ingest-rules.ts';
import { findDates } from './parse-date.ts';

const HEAD_LINES = 15;
const SHORT_DATE_LINE_WORDS = 12;
const WEEKDAY = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*/i;

/**
 * The publication date: a full date that opens one of the first lines, or stands in a short line
 * there (a dateline such as "Amman, 14 August 2018"), else a date in the closing
 * "(Source: … / 12.01.2017)" line. Several header dates within a week of each other (a release
 * dated the 13th, posted on the 14th) give the earliest: the day the text was written.
 */
export function findPublished(text: string): { date: string; rule: string } | null {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const candidates: string[] = [];
  for (const line of lines.slice(0, HEAD_LINES)) {
    const dates = findDates(line);
    const first = dates[0];
    if (!first) continue;
    const opens = first.index <= 0 || WEEKDAY.test(line.slice(0, first.index));
    const short = line.split(/\s+/).length <= SHORT_DATE_LINE_WORDS;
    if (opens || short) candidates.push(first.date);
  }
  if (candidates.length > 0) {
    const first = candidates[0] as string;
    const near = candidates.filter((d) => Math.abs(Date.parse(d) - Date.parse(first)) <= 7 * 86_400_000);
    return { date: near.sort()[0] as string, rule: 'published:header-line' };
  }
  for (const line of lines.slice(-4).reverse()) {
    const m = /\(([^()]{0,200})\)\s*\S{0,20}$/.exec(line);
    const d = m ? findDates(m[1] ?? '').at(-1) : undefined;
    if (d) return { date: d.date, rule: 'published:source-trailer' };
  }
  return null;
}

/** Each signature's global form, made once per compiled pattern (matchAll copies it, so it is never advanced). */
const GLOBAL = new WeakMap<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = GLOBAL.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    GLOBAL.set(re, g);
  }
  return g;
}

/** Outlet names from the signatures in data/lexicons/source-signatures.json, in the file's order of priority. */
export function findOutlets(text: string, rules: IngestRules): string[] {
  const head = text.slice(0, 1500);
  const tail = text.slice(-1500);
  const names: string[] = [];
  for (const sig of rules.outlets) {
    const hay = sig.where === 'head' ? head : sig.where === 'tail' ? tail : text;
    const re = globalOf(sig.re);
    for (const m of hay.matchAll(re)) {
      const captured = (m[1] ?? '').trim();
      for (const part of captured.split(/\s+[+&]\s+|\s*;\s*/)) {
        const name = part.replace(/\s+/g, ' ').trim();
        if (name.length >= 2 && !names.includes(name)) names.push(name);
      }
    }
  }
  return names;
}

/**
 * The title: the first line that reads as a headline (three words or more, not a date line, not
 * a section label). A whole report run into one line gives its first sentence, minus any date.
 */
export function findTitle(cleanText: string, rules: IngestRules): string | null {
  for (const raw of cleanText.split('\n').slice(0, HEAD_LINES)) {
    let line = raw.trim();
    if (!line || rules.notTitles.has(line.toLowerCase().replace(/[:.]$/, ''))) continue;
    const words = line.split(/\s+/).length;
    const d = findDates(line)[0];
    if (d && words <= SHORT_DATE_LINE_WORDS) continue; // a dateline ("05 October 2017 In Coalition News")
    const runTogether = !!d && d.index <= (WEEKDAY.exec(line)?.[0].length ?? 0);
    if (runTogether && d) {
      // A report run into one line: drop the leading date and time ("Monday 07 November 2016 19:02 …").
      line = line.slice(d.index + d.length).replace(/^[\s,|/–-]*(\d{1,2}:\d{2}(\s*[AP]M)?)?[\s,|/–-]*/i, '');
    }
    if (line.split(/\s+/).length < 3) continue;
    const firstSentence = /^(.{20,250}?[.!?])\s+[A-Z“"]/.exec(line);
    if (firstSentence && (runTogether || line.length > 120)) return (firstSentence[1] as string).replace(/[.]$/, '');
    if (line.length > 300) return `${line.slice(0, 200).replace(/\s+\S*$/, '')}…`;
    return line;
  }
  return null;
}

/** The first web address in the text, if the report gives one. */
export function findUrl(text: string): string | null {
  const m = /\bhttps?:\/\/[^\s<>"'“”)]+/i.exec(text);
  return m ? m[0].replace(/[.,;:]+$/, '') : null;
}
