// Sentences as the extractor meets them in reports: quotations, abbreviations and initials,
// datelines, run-together texts without punctuation, and a full stop that lost its space.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/ingest/split-sentences.ts';

const split = (text: string) => splitSentences(text).map((s) => s.text);

describe('splitSentences on report text', () => {
  it.each([
    ['a quotation stays with its sentence', '“Jets bombed the market,” the Coalition said. It called for action.', ['“Jets bombed the market,” the Coalition said.', 'It called for action.']],
    ['a closing quotation ends a sentence', 'He said: “The strikes went on.” Then he left.', ['He said: “The strikes went on.”', 'Then he left.']],
    ['U.S. and U.N. do not end sentences', 'The U.S. and the U.N. Security Council met. Russia objected.', ['The U.S. and the U.N. Security Council met.', 'Russia objected.']],
    ['an initial does not end a sentence', 'The editor H. Said signed it. Nothing more.', ['The editor H. Said signed it.', 'Nothing more.']],
    ['a title abbreviation does not end a sentence', 'Dr. Omar Haddad said the toll rose. Maj. Gen. Igor Konashenkov denied it.', ['Dr. Omar Haddad said the toll rose.', 'Maj. Gen. Igor Konashenkov denied it.']],
    ['a full stop that lost its space', 'These are violations of the laws of war (the rules).Human Rights Watch has found more.', ['These are violations of the laws of war (the rules).', 'Human Rights Watch has found more.']],
    ['a web address is not split', 'See www.example.Org for more. Then read on.', ['See www.example.Org for more.', 'Then read on.']],
    ['a run-together text without commas', 'Activists said 6 civilians were killed. The Coalition said the regimes escalation goes on. It warned of more.', ['Activists said 6 civilians were killed.', 'The Coalition said the regimes escalation goes on.', 'It warned of more.']],
    ['lines without final punctuation are their own sentences', 'Coalition News\n05 October 2017\n\nThe Coalition condemned the strike.', ['Coalition News', '05 October 2017', 'The Coalition condemned the strike.']],
  ])('%s', (_what, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('gives offsets that slice the text back', () => {
    const text = 'One strike hit Saraqib.Another hit Binnish on Monday. “Nobody was spared,” he said.';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
