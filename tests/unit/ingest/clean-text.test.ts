// Boilerplate removal with the real rules in data/lexicons/boilerplate.json.
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanText, normaliseText } from '../../../src/ingest/clean-text.ts';
import type { IngestRules } from '../../../src/lexicon/ingest-rules.ts';
import { realLexicon } from '../../helpers.ts';

let rules: IngestRules;
beforeAll(async () => {
  rules = (await realLexicon()).ingest;
});

const BODY = 'Russian jets bombed the town of Kafranbel on Saturday, killing six civilians, activists said.';

describe('normaliseText', () => {
  it('composes to NFC, unifies spaces and line breaks, drops invisible characters, keeps curly quotes', () => {
    expect(normaliseText('Cafe\u0301\u00a0“quoted”\r\nnext\u200b line\u2028end')).toBe('Café “quoted”\nnext line\nend');
  });
});

describe('cleanText', () => {
  it.each([
    ['a comment form', `${BODY}\n\nLeave a Reply\n\nFill in your details below or click an icon to log in: Logo\n\nYou are commenting using your Twitter account. Log Out / Change )\n\nConnecting to %s`],
    ['reading time and share widgets', `2 min read\n\n${BODY}\n\nShare this article`],
    ['a copy-protection notice', `${BODY}\n\nerror: النسخ ممنوع من ديرالزور24`],
    ['a breadcrumb trail', `${BODY}\n\nHome press releases New Massacre Against Civilians`],
    ['a teaser cut with […]', `June 11, 2014 Local media activists launched a social media […]\n\n${BODY}`],
    ['a navigation menu', `World\nPolitics\nBusiness & Economy\nMilitary & Defense\nSport\nPress Review\n\n${BODY}`],
    ['template code', `${BODY}\n\n{{item.group_date}}`],
    ['a photo credit', `${BODY}\n\nA camp for displaced Syrians. Photo courtesy of Someone.`],
    ['a trailing social label', `${BODY} Twitter`],
  ])('removes %s', (_what, raw) => {
    expect(cleanText(raw, rules).text).toBe(BODY);
  });

  it('keeps a caption once when it reappears as the opening of a paragraph', () => {
    const caption = 'Fighters and bystanders watch bulldozers clean the debris outside a hospital in Aleppo.';
    const out = cleanText(`${caption}\n\nTitle of the page\n\n${caption} The government struck the hospital.`, rules).text;
    expect(out.split(caption).length - 1).toBe(1);
    expect(out).toContain('The government struck the hospital.');
  });

  it('keeps report sentences that merely mention a widget word', () => {
    const text = 'Activists shared photos on Facebook and Twitter after the strike.\n\nThe campaign quickly proliferated on Facebook.';
    expect(cleanText(text, rules).text).toBe(text);
  });

  it('says which rules removed something', () => {
    expect(cleanText(`2 min read\n\n${BODY}`, rules).removedBy).toEqual(['reading-time']);
  });
});
