// When an event happened, from the sentence and the report's publication date: "last night",
// "on Wednesday" (the latest such day on or before the report), "on January 29", "12.01.2017".
// Spans ("in the past few days", "last week") give the month only. Without a publication date,
// only dates that carry their own year are kept.
import * as chrono from 'chrono-node';
import type { DatePrecision } from '../model/vocab.ts';

export interface ResolvedDate {
  date: string | null;
  precision: DatePrecision;
  /** The words that gave the date. */
  text: string | null;
}

const NONE: ResolvedDate = { date: null, precision: 'unknown', text: null };
const SPAN = /\b(past|last|previous|recent|coming)\s+(few\s+)?(days?|weeks?|hours?|\d+\s+(hours|days))\b|\bover the weekend\b|\bsince\b/i;

const MONTH_NAME = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function resolveDate(sentence: string, published: string | null): ResolvedDate {
  const ref = published ? new Date(`${published}T12:00:00Z`) : null;
  const numeric = /\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})\b/.exec(sentence);
  if (numeric) {
    const r = chrono.en.GB.parse(numeric[0], { instant: ref ?? new Date(Date.UTC(2000, 0, 1)), timezone: 0 })[0];
    if (r) return { date: iso(r.start.date()), precision: 'day', text: numeric[0] };
  }
  const results = chrono.en.parse(sentence, { instant: ref ?? new Date(Date.UTC(2000, 0, 1)), timezone: 0 });
  for (const r of results) {
    const s = r.start;
    // A bare number or time is not a date.
    if (!s.isCertain('day') && !s.isCertain('month') && !s.isCertain('weekday') && !/\b(night|yesterday|today|week|month|year)\b/i.test(r.text)) continue;
    const writtenYear = /\b(19|20)\d{2}\b/.test(r.text);
    // Without a report date, only a date that names its year can be placed in time.
    if (!ref && !writtenYear) continue;
    let d = s.date();
    if (ref && !writtenYear && d.getTime() > ref.getTime() + 86_400_000) {
      // Reports tell of the past: a bare weekday after the report date is last week's, a month and
      // day last year's; a relative phrase pointing forward ("a few days after") dates nothing.
      if (s.isCertain('weekday') && !s.isCertain('day')) d = new Date(d.getTime() - 7 * 86_400_000);
      else if (MONTH_NAME.test(r.text)) d = new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate()));
      else continue;
    }
    if (SPAN.test(r.text) || SPAN.test(sentence.slice(Math.max(0, r.index - 12), r.index + r.text.length))) {
      return { date: iso(d).slice(0, 7), precision: 'month', text: r.text };
    }
    if (s.isCertain('day') || s.isCertain('weekday') || /night|yesterday|today/i.test(r.text)) return { date: iso(d), precision: 'day', text: r.text };
    if (s.isCertain('month')) return { date: iso(d).slice(0, 7), precision: 'month', text: r.text };
    return { date: iso(d).slice(0, 4), precision: 'year', text: r.text };
  }
  return NONE;
}
