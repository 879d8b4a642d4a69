// When an event happened, from the sentence and the report's publication date: "last night",
// "on Wednesday" (the latest such day on or before the report), "on January 29", "12.01.2017".
// Spans ("in the past 48 hours", "over the weekend", "since late April") give the month only.
// A date that belongs to the statement ("said on Wednesday", "told reporters on Wednesday") is
// not the incident's. Without a publication date, only dates that carry their own year are kept.
// chrono-node runs only on sentences with a date word in them: the en parser for month names
// (en.GB misreads "November 13" as a year), en.GB for numeric day-first dates.
import * as chrono from 'chrono-node';
import { findDates } from '../ingest/parse-date.ts';
import type { DatePrecision } from '../model/vocab.ts';

export interface ResolvedDate {
  date: string | null;
  precision: DatePrecision;
  /** The words that gave the date. */
  text: string | null;
}

export const NO_DATE: ResolvedDate = { date: null, precision: 'unknown', text: null };

const DATE_CUE = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(?:january|february|march|april|june|july|august|september|october|november|december)\b|\byesterday\b|\btoday\b|\btonight\b|\blast (?:night|week|month|year)\b|\bthis (?:morning|week|month)\b|\bweekend\b|\bpast (?:few )?(?:\d+ )?(?:hours|days|weeks)\b|\b\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}\b|\b(?:19|20)\d{2}\b/i;
const SPAN = /\b(?:past|last|previous|recent|coming)\s+(?:few\s+)?(?:\d+\s+)?(?:days?|weeks?|hours?|months?)\b|\bover the weekend\b|\bsince\b|\bfrom\b|\bduring\b|\bthroughout\b/i;
const MONTH_NAME = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
/** The statement's own date: "said on Wednesday", "told reporters on Wednesday", "issued on Monday", "on May 11 said". */
const SPEECH_BEFORE = /\b(?:said|says|told(?:\s+\w+){0,2}|announced|stated|reported|added|tweeted|issued|published|released|confirmed|denied|noted|stressed|warned|quoted|posted|wrote|claimed)\s+(?:on\s+|late\s+on\s+|early\s+on\s+)?$/i;
const SPEECH_AFTER = /^\s*,?\s*(?:said|says|told|announced|denied|stated|reported|confirmed|added|tweeted|warned|stressed|claimed|accused|condemned|called|urged)\b/i;

const DATELINE_LEAD = /^[\s(\[]*(?:[\p{Lu}][\p{L}.'-]*[\s,]*){0,3}$/u;

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** True when the sentence may hold a date at all (chrono is not called otherwise). */
export function hasDateCue(sentence: string): boolean {
  return DATE_CUE.test(sentence);
}

const MONTH_YEAR = /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+((?:19|20)\d{2})\b/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Without a publication date only a date written out with its year can be placed: "29 January 2020", "May 2016". */
function writtenDate(sentence: string): ResolvedDate {
  // A dateline ("(Beirut, June 3, 2014) - ...") dates the report, not what it tells.
  const dateline = (d: { index: number; length: number }) => d.index <= 30 && DATELINE_LEAD.test(sentence.slice(0, d.index)) && /^\s*[)\]]?\s*[-–—:]/.test(sentence.slice(d.index + d.length));
  const full = findDates(sentence).find((d) => !SPEECH_BEFORE.test(sentence.slice(Math.max(0, d.index - 40), d.index)) && !dateline(d));
  if (full) return { date: full.date, precision: 'day', text: sentence.slice(full.index, full.index + full.length) };
  const m = MONTH_YEAR.exec(sentence);
  if (m?.[1] && m[2]) {
    const month = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1;
    return { date: `${m[2]}-${String(month).padStart(2, '0')}`, precision: 'month', text: m[0] };
  }
  return NO_DATE;
}

export function resolveDate(sentence: string, published: string | null): ResolvedDate {
  if (!hasDateCue(sentence)) return NO_DATE;
  if (!published) return writtenDate(sentence);
  const ref = new Date(`${published}T12:00:00Z`);
  const numeric = /\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})\b/.exec(sentence);
  if (numeric) {
    const r = chrono.en.GB.parse(numeric[0], { instant: ref, timezone: 0 })[0];
    if (r) return { date: iso(r.start.date()), precision: 'day', text: numeric[0] };
  }
  // "on the night of 3 March", "at dawn of Friday": the day, not tonight (blanked, so offsets hold).
  const plain = sentence.replace(/\b(?:the\s+)?(?:night|evening|morning|dawn|afternoon|eve)\s+of\s+(?=\d|\p{Lu})/giu, (m) => ' '.repeat(m.length));
  const results = chrono.en.parse(plain, { instant: ref, timezone: 0 });
  for (const r of results) {
    const s = r.start;
    const before = sentence.slice(Math.max(0, r.index - 40), r.index);
    const after = sentence.slice(r.index + r.text.length, r.index + r.text.length + 20);
    if (SPEECH_BEFORE.test(before) || SPEECH_AFTER.test(after)) continue;
    // A bare number or time is not a date.
    if (!s.isCertain('day') && !s.isCertain('month') && !s.isCertain('weekday') && !/\b(night|yesterday|today|tonight|morning|week|month|year)\b/i.test(r.text)) continue;
    const writtenYear = s.isCertain('year') && /\b(?:19|20)\d{2}\b/.test(r.text);
    // A range read backwards ("the 20th of October 2016 until today" starting today): trust the written year.
    const year = /\b((?:19|20)\d{2})\b/.exec(r.text)?.[1];
    if (year && String(s.get('year')) !== year) continue;
    let d = s.date();
    // A dateline opening the sentence ("(Beirut, June 3, 2014) -", "Friday 24 November 2017 The ...") is the report's date, not the incident's.
    if (r.index <= 30 && s.isCertain('month') && iso(d) === published && DATELINE_LEAD.test(sentence.slice(0, r.index)) && r.index + r.text.length < sentence.length - 20) continue;
    // "earlier this week", "last month": a span, so its month.
    if (/\b(?:week|month)\b/i.test(r.text) && !s.isCertain('day')) return { date: iso(d).slice(0, 7), precision: 'month', text: r.text };
    if (!writtenYear && d.getTime() > ref.getTime() + 86_400_000) {
      // Reports tell of the past: a bare weekday after the report date is last week's, a month and
      // day last year's; a relative phrase pointing forward ("a few days after") dates nothing.
      if (s.isCertain('weekday') && !s.isCertain('day')) d = new Date(d.getTime() - 7 * 86_400_000);
      else if (MONTH_NAME.test(r.text)) d = new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate()));
      else continue;
    }
    if (SPAN.test(r.text) || SPAN.test(sentence.slice(Math.max(0, r.index - 12), r.index + r.text.length))) {
      return { date: iso(d).slice(0, 7), precision: 'month', text: r.text };
    }
    if (s.isCertain('day') || s.isCertain('weekday') || /night|yesterday|today|tonight|morning/i.test(r.text)) return { date: iso(d), precision: 'day', text: r.text };
    if (s.isCertain('month')) return { date: iso(d).slice(0, 7), precision: 'month', text: r.text };
    return { date: iso(d).slice(0, 4), precision: 'year', text: r.text };
  }
  // "in the past 48 hours", "over the weekend": recent, so the month of the report.
  if (/\b(?:past|last)\s+(?:few\s+)?(?:\d+\s+)?(?:hours|days)\b|\bover the weekend\b/i.test(sentence)) {
    return { date: published.slice(0, 7), precision: 'month', text: null };
  }
  return NO_DATE;
}
