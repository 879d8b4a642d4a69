import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/ingest/split-sentences.ts';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it.each([
    ['two plain sentences', 'Jets bombed the town. Ten were killed.', ['Jets bombed the town.', 'Ten were killed.']],
    ['a closing quote stays with its sentence', '“Russia is killing civilians.” The Coalition said so.', ['“Russia is killing civilians.”', 'The Coalition said so.']],
    ['quote then attribution in one sentence', '“Jets bombed civilians,” the Coalition said. Next one.', ['“Jets bombed civilians,” the Coalition said.', 'Next one.']],
    ['abbreviations and initials', 'Mr. Smith met U.N. envoy Staffan de Mistura. Gen. Ali and H. Said agreed.', ['Mr. Smith met U.N. envoy Staffan de Mistura.', 'Gen. Ali and H. Said agreed.']],
    ['line breaks end sentences', 'Headline without a stop\nBody sentence here.', ['Headline without a stop', 'Body sentence here.']],
    ['a hard-wrapped line runs on', 'The strike hit the market\nof the town. Then more.', ['The strike hit the market\nof the town.', 'Then more.']],
    ['numbers with decimals', 'The toll rose to 4.5 times the average. It grew.', ['The toll rose to 4.5 times the average.', 'It grew.']],
    ['question and exclamation', 'Who did it? Nobody knows! We ask.', ['Who did it?', 'Nobody knows!', 'We ask.']],
    ['lower-case continuation is not a new sentence', 'He said the U.S. was aware. it was not.', ['He said the U.S. was aware. it was not.']],
  ])('%s', (_what, text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it('gives offsets that slice back to each sentence', () => {
    const text = '  Title line\n\nFirst sentence here.  Second “quoted.” Third!\nLast';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
