// Publication dates, titles and outlets read from report text, in the forms reports use.
import { beforeAll, describe, expect, it } from 'vitest';
import { findDates, normaliseDate } from '../../../src/ingest/parse-date.ts';
import { findOutlets, findPublished, findTitle } from '../../../src/ingest/text-metadata.ts';
import type { IngestRules } from '../../../src/lexicon/ingest-rules.ts';
import { realLexicon } from '../../helpers.ts';

let rules: IngestRules;
beforeAll(async () => {
  rules = (await realLexicon()).ingest;
});

describe('findDates', () => {
  it.each([
    ['11 June 2014', '2014-06-11'],
    ['June 11, 2014', '2014-06-11'],
    ['Saturday, 14 July 2018 10:48', '2018-07-14'],
    ['Last Updated : Apr 28 2016 | 7:44 PM IST', '2016-04-28'],
    ['(Source: X / 12.01.2017)', '2017-01-12'],
    ['on 3rd of March 2015', '2015-03-03'],
    ['2018-07-13T10:00:00Z', '2018-07-13'],
    ['Sept. 5, 2013', '2013-09-05'],
  ])('%s -> %s', (text, iso) => {
    expect(findDates(text)[0]?.date).toBe(iso);
  });

  it.each(['31 April 2017', '32.01.2017', 'May 16, 1:27', 'in 2016'])('finds no full date in %s', (text) => {
    expect(findDates(text)).toEqual([]);
  });

  it('normalises metadata values', () => {
    expect(normaliseDate('2019-05-03T09:00:00Z')).toBe('2019-05-03');
    expect(normaliseDate('26 January 2020')).toBe('2020-01-26');
    expect(normaliseDate('yesterday')).toBeNull();
  });
});

describe('findPublished', () => {
  it.each([
    ['a header line that opens with the date', 'Saturday, 11 July 2015 18:20\n\nTitle here\n\nBody text of the report.', '2015-07-11'],
    ['a dateline', 'Statement by someone\n\nAmman, 14 August 2018\n\nI am appalled.', '2018-08-14'],
    ['the earliest of header dates a day apart', 'Saturday, 14 July 2018 10:48\n\nTitle\n\nPress release\nX\nJuly 13, 2018\n\nBody.', '2018-07-13'],
    ['a run-together FA-KES row', '24.08.2013 Syrian state media accused rebels of using chemical arms on Saturday.', '2013-08-24'],
    ['the closing source line', 'Title\n\nBody text.\n\n(Source: Syrian Coalition’s Media Office / 12.01.2017)', '2017-01-12'],
  ])('%s', (_what, text, iso) => {
    expect(findPublished(text)?.date).toBe(iso);
  });

  it('ignores a date inside a long sentence (a photo caption is not a publication date)', () => {
    const text = 'Syrian opposition fighters and bystanders watch bulldozers clean the debris outside a hospital in Aleppo, northern Syria, on November 22, 2012.\n\nBody.';
    expect(findPublished(text)).toBeNull();
  });
});

describe('findTitle', () => {
  it.each([
    ['skips date lines and section labels', 'Coalition News\n05 October 2017 In Coalition News\n\nThe Coalition said things.', 'The Coalition said things.'],
    ['strips a leading date from a run-together row', 'Monday 07 November 2016 19:02 Assad Regime Escalates Attacks on Alwaer. Activists said more.', 'Assad Regime Escalates Attacks on Alwaer'],
    ['takes the first headline', 'Deir e-Zor battles intensify, residents launch plea for help\n\n11 June 2014', 'Deir e-Zor battles intensify, residents launch plea for help'],
  ])('%s', (_what, text, title) => {
    expect(findTitle(text, rules)).toBe(title);
  });
});

describe('findOutlets', () => {
  it.each([
    ['a source trailer with two outlets', 'Body.\n\n(Source: Syrian Coalition’s Media Office + Smart News Network / 12.01.2017)', ['Syrian Coalition’s Media Office', 'Smart News Network']],
    ['a wire dateline', 'WASHINGTON (Reuters) - The Pentagon said on Wednesday that...', ['Reuters']],
    ['a TASS dateline', 'MOSCOW, May 16. /TASS/. Eight Syrians were killed', ['TASS']],
    ['a SANA dateline', 'Damascus, SANA- Foreign and Expatriates Ministry complained', ['SANA']],
    ['a copy-protection notice naming the site', 'Body.\n\nerror: النسخ ممنوع من ديرالزور24', ['ديرالزور24']],
    ['a press-release header', 'Title\n\nPress release\nSyrian Coalition\nDepartment of Media', ['Syrian Coalition']],
  ])('%s', (_what, text, outlets) => {
    expect(findOutlets(text, rules)).toEqual(outlets);
  });

  it('finds nothing in plain prose', () => {
    expect(findOutlets('Russian jets bombed the town on Monday, activists said.', rules)).toEqual([]);
  });
});
