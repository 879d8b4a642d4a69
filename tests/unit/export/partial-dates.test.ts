// Partial dates as day ranges, and overlap with a --since/--until range.
import { describe, expect, it } from 'vitest';
import { dayRange, overlapsRange } from '../../../src/export/partial-dates.ts';

describe('dayRange', () => {
  it.each([
    ['2017-10-04', '2017-10-04', '2017-10-04'],
    ['2017-10', '2017-10-01', '2017-10-31'],
    ['2017-09', '2017-09-01', '2017-09-30'],
    ['2016-02', '2016-02-01', '2016-02-29'],
    ['2100-02', '2100-02-01', '2100-02-28'],
    ['2000-02', '2000-02-01', '2000-02-29'],
    ['2017', '2017-01-01', '2017-12-31'],
  ])('%s covers %s to %s', (date, first, last) => {
    expect(dayRange(date)).toEqual({ first, last });
  });

  it.each(['', '17', '2017-1', '2017/10', 'October 2017'])('%j is not a partial date', (date) => {
    expect(dayRange(date)).toBeNull();
  });
});

describe('overlapsRange', () => {
  const r = (since?: string, until?: string) => ({ since: since ? dayRange(since) : null, until: until ? dayRange(until) : null });
  it.each<[string, string | undefined, string | undefined, boolean]>([
    ['2017-10-04', '2017', undefined, true],
    ['2017-10-04', '2017-10-05', undefined, false],
    ['2017-10', '2017-10-15', undefined, true],
    ['2017-10', '2017-11', undefined, false],
    ['2017', '2017-06', '2017-06', true],
    ['2017-10-04', undefined, '2017-10', true],
    ['2017-10-04', undefined, '2017-10-03', false],
    ['2018', undefined, '2017', false],
  ])('%s against since %s until %s: %s', (date, since, until, expected) => {
    expect(overlapsRange(date, r(since, until))).toBe(expected);
  });
});
