// The fast paths of extraction give what the slow paths give: casualty patterns skipped on a
// sentence without the words they need, a remembered sentence, dates skipped on a line without
// a year, the trie's first-word table and its fallback for words the vocabulary could not number.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCasualties, readCasualtiesUnfiltered } from '../../../src/extract/casualties.ts';
import { findDates } from '../../../src/ingest/parse-date.ts';
import { splitSentences } from '../../../src/ingest/split-sentences.ts';
import { AliasIndex } from '../../../src/lexicon/alias-index.ts';
import { tokenize, type Token } from '../../../src/extract/tokens.ts';
import { FIXTURES, SAMPLE_REPORTS } from '../../helpers.ts';

describe('readCasualties prefilter', () => {
  it.each([
    // admitted: it has the words the patterns need, and the count is read
    ['admitted, a count', 'At least 12 civilians were killed and 30 wounded in the strike on Saraqib', { min: 12, max: null }, { min: 30, max: 30 }],
    ['admitted, one person', 'The shelling killed a child and his mother in Douma', { min: 2, max: 2 }, null],
    ['admitted, but "one" inside "none" is no count', 'none were killed', null, null],
    // rejected: a number, but none of the words a pattern needs
    ['rejected, numbers without harm', 'Twelve trucks crossed at 3 points, and two hundred people gathered', null, null],
    ['rejected, no number either', 'The regime shelled the town of Saraqib on Monday.', null, null],
  ])('%s', (_what, sentence, killed, injured) => {
    expect(readCasualties(sentence)).toEqual({ killed, injured });
    expect(readCasualties(sentence)).toEqual(readCasualtiesUnfiltered(sentence));
  });

  it('reads every sentence of the sample and held-out reports as every pattern would', () => {
    const dirs = [SAMPLE_REPORTS, path.join(FIXTURES, 'heldout/reports')];
    let sentences = 0;
    let counted = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir)) {
        for (const s of splitSentences(readFileSync(path.join(dir, f), 'utf8'))) {
          const full = readCasualtiesUnfiltered(s.text);
          expect(readCasualties(s.text), s.text).toEqual(full);
          sentences++;
          if (full.killed || full.injured) counted++;
        }
      }
    }
    expect(sentences).toBeGreaterThan(100);
    expect(counted).toBeGreaterThan(10); // the comparison covers sentences with counts, not only empty ones
  });

  it('gives each caller its own ranges, even for a remembered sentence', () => {
    const a = readCasualties('Five people were killed in Ariha');
    (a.killed as { min: number | null }).min = 99;
    a.injured = { min: 1, max: 1 };
    expect(readCasualties('Five people were killed in Ariha')).toEqual({ killed: { min: 5, max: 5 }, injured: null });
  });
});

describe('findDates year prefilter', () => {
  it('finds each written form when the line has a year, none when it has no year', () => {
    expect(findDates('Damascus, 14 August 2018 and July 13, 2018 or 2018-07-15 and 12.01.2017').map((d) => d.date)).toEqual(['2018-08-14', '2018-07-13', '2018-07-15', '2017-01-12']);
    expect(findDates('on 14 August, July 13 and 12.01.17')).toEqual([]);
  });
});

describe('AliasIndex first-word table', () => {
  const idx = new AliasIndex<string>(true);
  idx.add('Free Syrian Army', 'FSA');
  idx.add('Assad regime', 'REGIME');
  idx.add('bomb*', 'BOMB');
  const text = 'The Free Syrian Army said the Assad regimes bombardment of Free Aleppo bombed homes';
  const tokens = tokenize(text);
  const unnumbered = tokens.map((t): Token => ({ ...t, id: -1 }));

  it('matches the same with and without key numbers (a full vocabulary numbers no new word)', () => {
    const withIds = tokens.map((_, i) => idx.matchAt(tokens, i));
    expect(withIds.filter(Boolean).length).toBe(4);
    expect(unnumbered.map((_, i) => idx.matchAt(unnumbered, i))).toEqual(withIds);
  });

  it('sees a prefix added after a word was looked up', () => {
    const late = new AliasIndex<string>();
    late.add('shell*', 'SHELL');
    const t = tokenize('they bombed and shelled');
    expect(late.find(t, 'they bombed and shelled').map((h) => h.surface)).toEqual(['shelled']);
    late.add('bomb*', 'BOMB');
    expect(late.find(t, 'they bombed and shelled').map((h) => h.surface)).toEqual(['bombed', 'shelled']);
  });
});
