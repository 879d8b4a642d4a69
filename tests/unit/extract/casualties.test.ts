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
    ['words for numbers', 'Forty civilians were killed in the attacks', r(40, 40), null],
    ['a subset in between is not the count', 'Eight Syrians, including two children, were killed in shelling', r(8, 8), null],
    ['killed and wounded apart', 'at least 6 civilians were killed and dozens more injured', r(6, null), r(12, null)],
    ['the death of N', 'SOHR documented the death of 192 civilians including 68 children', r(192, 192), null],
    ['a family of N', 'a barrel bomb on a house killing the entire family of seven members', r(7, 7), null],
    ['another N wounded', 'another ten civilians were wounded', null, r(10, 10)],
    ['an additional N', 'Bombings killed an additional 80 people on Tuesday', r(80, 80), null],
    ['around N is N', 'the onslaught has killed around 500 civilians', r(500, 500), null],
    ['a number is not a casualty', 'The government struck the hospital at least eight times', null, null],
    ['more than N thousand fled, not killed', 'more than 130,000 Syrians have fled their homes', null, null],
  ])('%s', (_what, text, killed, injured) => {
    const got = readCasualties(text);
    expect(got.killed && { min: got.killed.min, max: got.killed.max }).toEqual(killed);
    expect(got.injured && { min: got.injured.min, max: got.injured.max }).toEqual(injured);
  });
});
