// Partial ISO dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as the day ranges they stand for, so a
// filter or a table can compare "2017-10" with "2017-10-04" sensibly: a month is all its days.
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export interface DayRange {
  /** First day, `YYYY-MM-DD`. */
  first: string;
  /** Last day, `YYYY-MM-DD`. */
  last: string;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Days in a month of the proleptic Gregorian calendar (month 1-12). */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The days a partial date covers; null when the text is not a partial ISO date. */
export function dayRange(date: string): DayRange | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const year = m[1]!;
  if (m[3]) return { first: date, last: date };
  if (m[2]) return { first: `${year}-${m[2]}-01`, last: `${year}-${m[2]}-${pad(daysInMonth(Number(year), Number(m[2])))}` };
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

/**
 * Whether a partial date may fall inside [since, until] (either bound optional): true when the
 * days it covers overlap the range, so "2017-10" is kept by `--since 2017-10-15`. ISO day strings
 * compare correctly as strings.
 */
export function overlapsRange(date: string, range: { since?: DayRange | null; until?: DayRange | null }): boolean {
  const d = dayRange(date);
  if (!d) return false;
  if (range.since && d.last < range.since.first) return false;
  if (range.until && d.first > range.until.last) return false;
  return true;
}
