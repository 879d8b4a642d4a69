// Reads calendar dates written out in full, the ways report headers and footers write them:
// "11 June 2014", "July 13, 2018", "Saturday, 14 July 2018 10:48", "Apr 28 2016",
// "12.01.2017" (day first, as in British and Arabic-press usage), "2018-07-13".
// Relative dates ("last night") belong to extraction, not here.

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';

/** Each form with the order of its groups. */
const FORMS: { re: RegExp; order: 'dmy' | 'mdy' | 'ymd' | 'dmyNum' }[] = [
  { re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'i'), order: 'dmy' },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'i'), order: 'mdy' },
  { re: /\b((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?!\d)/, order: 'ymd' },
  { re: /\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})\b/, order: 'dmyNum' },
];

export interface FoundDate {
  /** ISO `YYYY-MM-DD`. */
  date: string;
  /** Offset of the match in the searched text. */
  index: number;
  length: number;
}

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null; // 31 April and the like
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The forms as global patterns for matchAll, compiled once. */
const GLOBAL_FORMS = FORMS.map(({ re, order }) => ({ re: new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`), order }));
/** Every form has a year of four digits: a text without one (most lines) has no date. */
const ANY_YEAR = /(?:19|20)\d{2}/;

/** Every full date in `text`, in order of position (overlapping forms resolved to the earliest, longest match). */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  if (!ANY_YEAR.test(text)) return found;
  for (const { re: g, order } of GLOBAL_FORMS) {
    for (const m of text.matchAll(g)) {
      const [, a = '', b = '', c = ''] = m;
      let date: string | null = null;
      if (order === 'dmy') date = iso(Number(c), MONTHS[b.toLowerCase().replace('.', '')] ?? 0, Number(a));
      else if (order === 'mdy') date = iso(Number(c), MONTHS[a.toLowerCase().replace('.', '')] ?? 0, Number(b));
      else if (order === 'ymd') date = iso(Number(a), Number(b), Number(c));
      else date = iso(Number(c), Number(b), Number(a));
      if (date) found.push({ date, index: m.index ?? 0, length: m[0].length });
    }
  }
  found.sort((x, y) => x.index - y.index || y.length - x.length);
  return found.filter((f, i) => {
    const prev = found[i - 1];
    return !prev || f.index >= prev.index + prev.length;
  });
}

/** A date string from metadata (ISO timestamp, RFC 2822, or one of the written forms) as `YYYY-MM-DD`, or null. */
export function normaliseDate(value: string): string | null {
  const v = value.trim();
  const isoLike = /^((?:19|20)\d{2})-(\d{2})-(\d{2})/.exec(v);
  if (isoLike) return iso(Number(isoLike[1]), Number(isoLike[2]), Number(isoLike[3]));
  return findDates(v)[0]?.date ?? null;
}
