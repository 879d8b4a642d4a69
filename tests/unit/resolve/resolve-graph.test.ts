// Resolution across reports: one node per real actor and place, evidence and sources unioned,
// containment added from the gazetteer.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledLexicon } from '../../../src/lexicon/compile-lexicon.ts';
import { resolveGraph, uniqueEvidence } from '../../../src/resolve/resolve-graph.ts';
import type { Evidence } from '../../../src/model/schema.ts';
import { GraphDocument } from '../../../src/model/schema.ts';
import { extractText, fixtureLexicon } from '../extract/fixture-lexicon.ts';

let lex: CompiledLexicon;
beforeAll(async () => {
  lex = await fixtureLexicon();
});

describe('resolveGraph', () => {
  it('makes one node of the Syrian Coalition across reports, apart from the anti-ISIS coalition', () => {
    const a = extractText(lex, 'The Syrian National Coalition condemned the Russian airstrikes on Saraqib.', { published: '2017-01-01' });
    const b = extractText(lex, 'The Syrian Coalition called on the United Nations to act. The Coalition also condemned the US-led coalition.', { published: '2018-01-01' });
    const g = resolveGraph([a, b], lex);
    expect(GraphDocument.safeParse(g).success).toBe(true);
    const coalition = g.nodes.filter((n) => n.label === 'Actor' && /coalition/i.test(n.name));
    expect(coalition.map((n) => n.id).sort()).toEqual(['actor:international-anti-isis-coalition', 'actor:syrian-coalition']);
    const syrian = g.nodes.find((n) => n.id === 'actor:syrian-coalition');
    expect(syrian?.label === 'Actor' && syrian.sources).toHaveLength(2);
    expect(g.edges.map((e) => e.id)).toContain('CONDEMNED:actor:syrian-coalition->actor:international-anti-isis-coalition');
  });

  it('adds the places that contain each place, with LOCATED_IN edges', () => {
    const g = resolveGraph([extractText(lex, 'Russian jets bombed Saraqib on Monday, killing 9.', { published: '2019-06-04' })], lex);
    expect(g.edges.filter((e) => e.type === 'LOCATED_IN').map((e) => e.id)).toEqual(['LOCATED_IN:place:idlib->place:syria', 'LOCATED_IN:place:saraqib->place:idlib']);
  });

  it('gives the same document for the same reports in any order', () => {
    const a = extractText(lex, 'The Syrian Coalition condemned Russia.', { published: '2017-01-01' });
    const b = extractText(lex, 'Amnesty International accused Russia of war crimes.', { published: '2017-01-02' });
    expect(JSON.stringify(resolveGraph([a, b], lex))).toBe(JSON.stringify(resolveGraph([b, a], lex)));
  });

  it('keeps one item per sentence when fragments repeat evidence: a fragment given twice changes nothing', () => {
    const a = extractText(lex, 'Amnesty International accused Russia of war crimes in Saraqib, killing 9.', { published: '2017-01-02' });
    const once = resolveGraph([a], lex);
    expect(JSON.stringify(resolveGraph([a, structuredClone(a)], lex))).toBe(JSON.stringify(once));
    expect(once.edges.some((e) => e.evidence.length > 0)).toBe(true);
  });
});

describe('uniqueEvidence', () => {
  const ev = (source: string, start: number, rule: string, attributedTo?: string): Evidence => ({ source, text: 'x'.repeat(5), start, end: start + 5, rule, ...(attributedTo ? { attributedTo } : {}) });
  it('sorts by source and span, keeps the first rule given and the first attribution a repeat adds', () => {
    const got = uniqueEvidence([ev('source:b', 0, 'first'), ev('source:a', 9, 'only'), ev('source:b', 0, 'second', 'actor:x'), ev('source:b', 0, 'third', 'actor:y'), ev('source:a', 2, 'early')]);
    expect(got).toEqual([ev('source:a', 2, 'early'), ev('source:a', 9, 'only'), ev('source:b', 0, 'first', 'actor:x')]);
  });
});
