// Coreference: pronouns and definite descriptions resolve to the right actor.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledLexicon } from '../../../src/lexicon/compile-lexicon.ts';
import { extractText, fixtureLexicon, pairs } from './fixture-lexicon.ts';

let lex: CompiledLexicon;
beforeAll(async () => {
  lex = await fixtureLexicon();
});

describe('who "it", "the Coalition" and "the campaign" are', () => {
  it.each([
    ['"the Coalition" after the Syrian Coalition', 'The Syrian National Coalition issued a statement. The Coalition condemned Russia.', 'CONDEMNED Syrian Coalition -> Russia'],
    ['"the coalition" after the anti-ISIS coalition', 'The US-led coalition bombed Raqqa. Amnesty International criticised the coalition for the strike.', 'CONDEMNED Amnesty International -> International anti-ISIS coalition'],
    ['"it" is the last speaker', 'Amnesty International said it had documented the strikes. It condemned Russia.', 'CONDEMNED Amnesty International -> Russia'],
    ['"the statement" is the last speaker', 'The Syrian Coalition said the shelling went on. The statement called on the UN Security Council to act.', 'CALLED_ON Syrian Coalition -> UN Security Council'],
    ['"the rights group" is the last civil-society actor', 'Amnesty International published a report. The rights group urged the UN Security Council to act.', 'CALLED_ON Amnesty International -> UN Security Council'],
    ['"the campaign" is who launched it', 'Local activists launched a social media campaign in Idlib on Monday. The campaign called on the United Nations to protect civilians.', 'CALLED_ON Activists -> United Nations'],
    ['"the group" is the group named earlier in the sentence', 'Moscow said militants of Nusra Front staged the video and accused the group of shelling Saraqib.', 'ACCUSED Russia -> Jabhat al-Nusra'],
    ['"the ministry" of the state last named', 'Russia denied the reports. The ministry accused the White Helmets of lying.', 'ACCUSED Russian Defense Ministry -> White Helmets'],
    ['"he" is the last person', 'UN envoy to Syria Staffan de Mistura met the Syrian government on Monday. He urged Russia to restrain the Assad regime.', 'CALLED_ON Staffan de Mistura -> Russia'],
  ])('%s', (_what, text, expected) => {
    expect(pairs(extractText(lex, text, { published: '2016-06-01' }))).toContain(expected);
  });
});
