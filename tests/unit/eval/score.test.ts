// Scoring against gold: pairs by canonical name or alias, evidence by overlap, optional items
// neither required nor false hits, event attributes on matched events.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledLexicon } from '../../../src/lexicon/compile-lexicon.ts';
import { evaluate } from '../../../src/eval/score.ts';
import { GoldReport } from '../../../src/eval/gold.ts';
import { locate, normName } from '../../../src/eval/match.ts';
import { resolveGraph } from '../../../src/resolve/resolve-graph.ts';
import { extractText, fixtureLexicon } from '../extract/fixture-lexicon.ts';

let lex: CompiledLexicon;
beforeAll(async () => {
  lex = await fixtureLexicon();
});

const TEXT = [
  'The Syrian National Coalition condemned the Russian airstrikes on Saraqib, which killed 12 civilians on Monday.',
  'It called on the UN Security Council to act.',
  'Local activists said the regime committed a massacre.',
].join(' ');

function gold(extra: Partial<GoldReport> = {}): GoldReport {
  return GoldReport.parse({
    report: 'test.txt',
    published: '2019-06-04',
    actors: [
      { name: 'Syrian Coalition', aliases: ['Syrian National Coalition', 'It'] },
      { name: 'Russia', aliases: ['Russian'] },
      { name: 'UN Security Council', aliases: ['the UN Security Council'] },
      { name: 'Saraqib activists', aliases: ['Local activists'] },
      { name: 'Assad regime', aliases: ['the regime'] },
    ],
    places: [{ name: 'Saraqib', aliases: ['Saraqeb'] }],
    events: [{ type: 'airstrike', place: 'Saraqib', date: '2019-06-03', perpetrators: ['Russia'], killed_min: 12, killed_max: 12, evidence: 'The Syrian National Coalition condemned the Russian airstrikes on Saraqib, which killed 12 civilians on Monday.' }],
    condemned: [{ condemner: 'Syrian Coalition', target: 'Russia', evidence: 'The Syrian National Coalition condemned the Russian airstrikes on Saraqib, which killed 12 civilians on Monday.' }],
    called_on: [{ caller: 'Syrian Coalition', addressee: 'UN Security Council', evidence: 'It called on the UN Security Council to act.' }],
    accused: [],
    ...extra,
  });
}

describe('evaluate', () => {
  it('scores claims and events that match, with their attributes', () => {
    const g = resolveGraph([extractText(lex, TEXT, { published: '2019-06-04' })], lex);
    const r = evaluate(g, [gold({ accused: [{ accuser: 'Saraqib activists', accused: 'Assad regime', evidence: 'Local activists said the regime committed a massacre.' }] })], lex);
    expect(r.kinds.CONDEMNED).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(r.kinds.CALLED_ON).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(r.kinds.ACCUSED).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(r.kinds.events).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    for (const a of ['type', 'place', 'perpetrators', 'date', 'casualties'] as const) expect(r.attributes[a], a).toMatchObject({ right: 1, total: 1 });
    expect(r.macroF1).toBe(1);
  });

  it('lists a claim the gold lacks as a false hit, and a gold claim we lack as a miss', () => {
    const g = resolveGraph([extractText(lex, TEXT, { published: '2019-06-04' })], lex);
    const r = evaluate(g, [gold({ accused: [{ accuser: 'Syrian Coalition', accused: 'Russia', evidence: 'It called on the UN Security Council to act.' }] })], lex);
    expect(r.kinds.ACCUSED).toMatchObject({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0 });
    expect(r.misses.map((m) => m.what)).toEqual(['Syrian Coalition -> Russia']);
    expect(r.falseHits.map((m) => m.what)).toEqual(['Saraqib activists -> Assad regime']);
  });

  it('counts an optional gold item neither as required nor as a false hit', () => {
    const g = resolveGraph([extractText(lex, TEXT, { published: '2019-06-04' })], lex);
    const r = evaluate(g, [gold({ accused: [{ accuser: 'Saraqib activists', accused: 'Assad regime', evidence: 'Local activists said the regime committed a massacre.', optional: true }] })], lex);
    expect(r.kinds.ACCUSED).toMatchObject({ tp: 0, fp: 0, fn: 0 });
  });

  it('matches gold evidence that spans two of our sentences', () => {
    const g = resolveGraph([extractText(lex, TEXT, { published: '2019-06-04' })], lex);
    const both = 'The Syrian National Coalition condemned the Russian airstrikes on Saraqib, which killed 12 civilians on Monday. It called on the UN Security Council to act.';
    const r = evaluate(g, [gold({ called_on: [{ caller: 'Syrian Coalition', addressee: 'UN Security Council', evidence: both }] })], lex);
    expect(r.kinds.CALLED_ON).toMatchObject({ tp: 1, fn: 0 });
  });

  it('counts every required item of a gold file whose report is missing as a miss', () => {
    const g = resolveGraph([extractText(lex, TEXT, { published: '2019-06-04' })], lex);
    const r = evaluate(g, [gold(), gold({ report: 'other.txt' })], lex);
    expect(r.unmatchedGold).toEqual(['other.txt']);
    expect(r.kinds.CALLED_ON.fn).toBe(1);
  });
});

describe('matching helpers', () => {
  it.each([
    ['The Syrian Coalition', 'syrian coalition'],
    ['Russia’s', 'russia'],
    ['Médecins Sans Frontières', 'medecins sans frontieres'],
  ])('normName(%s)', (a, b) => {
    expect(normName(a)).toBe(b);
  });

  it('locates evidence exactly or with spaces differing', () => {
    expect(locate('One. Two  three.', 'Two three.')).toEqual({ start: 5, end: 16 });
    expect(locate('One.', 'Nothing')).toBeNull();
  });
});
