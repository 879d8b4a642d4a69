// Casualty counts as ranges, killed and injured apart, by table.
import { describe, expect, it } from 'vitest';
import { readCasualties } from '../../../src/extract/casualties.ts';

const r = (min: number | null, max: number | null) => ({ min, max });

describe('readCasualties', () => {
  it.each([
    ['nearly N is at most N', 'nearly 160 civilians were killed in the past few days', r(null, 160), null],
    ['at least N is at least N', 'claiming the lives of at least 50 civilians', r(50, null), null],
    ['more than N is at least N+1', 'more than 25 people were killed', r(26, null), null],
    ['dozens is at least 12', 'claiming the lives of dozens of civilians', r(12, null), null],
    ['exact is both bounds', 'killing 80 civilians, including women and children, and injuring dozens more', r(80, 80), r(12, null)],
    ['words for numbers', 'Forty people were killed in the raids on the market', r(40, 40), null],
    ['a subset in between is not the count', 'Nine people, including three children, were killed in the strike', r(9, 9), null],
    ['killed and wounded apart', 'at least 4 people were killed and dozens more injured', r(4, null), r(12, null)],
    ['the death of N', 'the monitor recorded the death of 215 civilians including 40 children', r(215, 215), null],
    ['a family of N', 'a strike on their home killing the entire family of five members', r(5, 5), null],
    ['another N wounded', 'another eleven people were wounded', null, r(11, 11)],
    ['an additional N', 'Shelling killed an additional 14 people on Friday', r(14, 14), null],
    ['around N is N', 'the offensive has killed around 300 people', r(300, 300), null],
    ['"none" holds no count', 'none were killed, but 3 people were injured', null, r(3, 3)],
    ['a number is not a casualty', 'Jets struck the bakery at least four times', null, null],
    ['more than N thousand fled, not killed', 'more than 130,000 Syrians have fled their homes', null, null],
  ])('%s', (_what, text, killed, injured) => {
    const got = readCasualties(text);
    expect(got.killed && { min: got.killed.min, max: got.killed.max }).toEqual(killed);
    expect(got.injured && { min: got.injured.min, max: got.injured.max }).toEqual(injured);
  });
});
