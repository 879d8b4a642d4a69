// Claims by table: who accuses, condemns or calls on whom, through cue words, reported speech,
// quotations, the publisher's voice and coordination; each evidence names the rule that fired.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledLexicon } from '../../../src/lexicon/compile-lexicon.ts';
import { claimsOf, extractText, fixtureLexicon, pairs } from './fixture-lexicon.ts';

let lex: CompiledLexicon;
beforeAll(async () => {
  lex = await fixtureLexicon();
});

describe('cue words', () => {
  it.each([
    ['verb with a direct object', 'The Syrian Coalition condemned Russia for the attack.', ['CONDEMNED Syrian Coalition -> Russia']],
    ['adjective inside the object', 'The Syrian Coalition condemned the Russian airstrikes on Saraqib.', ['CONDEMNED Syrian Coalition -> Russia']],
    ['of-phrase inside the object', 'Local activists criticized the silence of the international community towards the crimes.', ['CONDEMNED Activists -> International community']],
    ['agents after "by" in the object', 'Amnesty International denounced the onslaught by regime forces and Russian forces on Idlib.', ['CONDEMNED Amnesty International -> Assad regime', 'CONDEMNED Amnesty International -> Russia']],
    ['participle after the subject', 'The Syrian Coalition issued a statement on Monday, condemning the Russian bombing of Saraqib.', ['CONDEMNED Syrian Coalition -> Russia']],
    ['passive', 'The attack was condemned by Amnesty International.', []],
    ['call on with a list', 'The Syrian Coalition called on the UN Security Council and the United Nations to protect civilians.', ['CALLED_ON Syrian Coalition -> UN Security Council', 'CALLED_ON Syrian Coalition -> United Nations']],
    ['urged, with subjects coordinated', 'Russia and Iraq urged the Syrian government to allow aid in.', ['CALLED_ON Iraq -> Assad regime', 'CALLED_ON Russia -> Assad regime']],
    ['a call with no addressee', 'The Syrian Coalition called for an end to the bombing.', []],
    ['call for an actor to act', 'Amnesty International called for the UN Security Council to refer the case.', ['CALLED_ON Amnesty International -> UN Security Council']],
    ['accused X of', 'Amnesty International accused Russia of bombing hospitals in Idlib.', ['ACCUSED Amnesty International -> Russia']],
    ['held responsible', 'The Syrian Coalition held the Assad regime responsible for the massacre.', ['ACCUSED Syrian Coalition -> Assad regime']],
    ['appeal to stop wrongdoing accuses', 'Amnesty International called on Russia to stop targeting hospitals.', ['ACCUSED Amnesty International -> Russia', 'CALLED_ON Amnesty International -> Russia']],
    ['second verb shares the subject', 'Amnesty International condemned the Russian airstrikes and urged the UN Security Council to act.', ['CALLED_ON Amnesty International -> UN Security Council', 'CONDEMNED Amnesty International -> Russia']],
  ])('%s', (_what, text, expected) => {
    expect(pairs(extractText(lex, text, { published: '2019-06-01' }), ['ACCUSED', 'CONDEMNED', 'CALLED_ON'])).toEqual(expected);
  });
});

describe('accusations in what a speaker says', () => {
  it.each([
    ['reported speech with a wrongdoing verb', 'The Syrian Coalition said that the Assad regime committed a massacre in Saraqib.', ['ACCUSED Syrian Coalition -> Assad regime']],
    ['crimes of a list', 'SOHR said the crimes of the Assad regime and Russia must stop.', ['ACCUSED Syrian Observatory for Human Rights -> Assad regime', 'ACCUSED Syrian Observatory for Human Rights -> Russia']],
    ['a possessive before the wrong', 'The Syrian Coalition said that Russia’s crimes against civilians continue.', ['ACCUSED Syrian Coalition -> Russia']],
    ['passive with "by"', 'Amnesty International said the civilians were murdered by regime forces.', ['ACCUSED Amnesty International -> Assad regime']],
    ['responsibility', '“The evidence we gathered shows that the Assad regime was behind the attack,” Amnesty International said.', ['ACCUSED Amnesty International -> Assad regime']],
    ['a quotation over two sentences', '“Russian jets bombed the market. They deliberately targeted civilians,” the Syrian Coalition added.', ['ACCUSED Syrian Coalition -> Russia']],
    ['an allegation frame', 'Moscow rejected allegations by the White Helmets that a Russian airstrike hit a crowded market.', ['ACCUSED White Helmets -> Russia']],
    ['according to', 'According to SOHR, regime forces committed war crimes in Saraqib.', ['ACCUSED Syrian Observatory for Human Rights -> Assad regime']],
    ['plain news is no accusation', 'Russian jets struck a market in Saraqib on Tuesday, killing 15 people.', []],
    ['indirect speech of plain harm is no accusation', 'SOHR said Russian jets struck a market in Saraqib, killing 15 people.', []],
  ])('%s', (_what, text, expected) => {
    expect(pairs(extractText(lex, text, { published: '2019-06-01' }), ['ACCUSED'])).toEqual(expected);
  });

  it("takes a press release's unattributed statements as its publisher's", () => {
    const doc = extractText(lex, 'Regime forces committed a horrific massacre in Alashara on Wednesday, killing 50 civilians.', { published: '2017-10-05', outlet: 'Syrian Coalition' });
    expect(claimsOf(doc, ['ACCUSED'])).toEqual([{ type: 'ACCUSED', from: 'Syrian Coalition', to: 'Assad regime', rule: 'accuse:wrong-verb:subject voice:publisher' }]);
  });

  it('gives a news outlet no voice of its own', () => {
    const doc = extractText(lex, 'Regime forces committed a horrific massacre in Alashara on Wednesday.', { published: '2017-10-05', outlet: 'Reuters' });
    expect(pairs(doc, ['ACCUSED'])).toEqual([]);
  });
});

describe('evidence', () => {
  it('names the rule and quotes the sentence exactly', () => {
    const text = 'The Syrian Coalition called on the UN Security Council to act. It also condemned Russia.';
    const doc = extractText(lex, text, { published: '2019-06-01' });
    const called = doc.edges.find((e) => e.type === 'CALLED_ON');
    expect(called?.evidence[0]).toMatchObject({ rule: 'cue:call-on', text: 'The Syrian Coalition called on the UN Security Council to act.', start: 0, date: '2019-06-01' });
    const condemned = doc.edges.find((e) => e.type === 'CONDEMNED');
    expect(condemned?.evidence[0]?.rule).toBe('cue:condemn+pronoun:it');
    for (const e of doc.edges) for (const ev of e.evidence) expect(text.slice(ev.start, ev.end)).toBe(ev.text);
  });
});
