// Selecting a piece of the graph: each flag on its own and together, by the ids it keeps, and for
// any combination the result is a valid graph document that is a true part of the original (same
// node properties, relationships that exist, evidence items that exist).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReportGraphError } from '../../../src/errors.ts';
import { GraphDocument, type GraphDocument as Doc } from '../../../src/model/schema.ts';
import { EDGE_TYPES, NODE_LABELS } from '../../../src/model/vocab.ts';
import { selectSubgraph, type SelectOptions } from '../../../src/export/select.ts';
import { SMALL, smallGraph } from '../../fixtures/export/graphs.ts';

const ids = (d: Doc) => d.nodes.map((n) => n.id);
const edgeIds = (d: Doc) => d.edges.map((e) => e.id);
const select = (opts: SelectOptions) => selectSubgraph(smallGraph(), opts);

describe('selectSubgraph', () => {
  it('keeps everything when nothing is asked', () => {
    expect(select({})).toEqual(smallGraph());
  });

  it('--types keeps those relationships, the nodes they connect and the reports their evidence quotes', () => {
    const d = select({ types: ['ACCUSED', 'CONDEMNED'] });
    expect(edgeIds(d)).toEqual([
      'ACCUSED:actor:coalition->actor:isis',
      'CONDEMNED:actor:coalition->actor:russia',
      `CONDEMNED:actor:coalition->${SMALL.airstrike}`,
    ]);
    expect(ids(d)).toEqual(['actor:coalition', 'actor:isis', 'actor:russia', SMALL.airstrike, SMALL.s1, SMALL.s2, SMALL.s3]);
  });

  it('--labels keeps nodes of those labels, relationships among them, and the reports evidence needs', () => {
    const d = select({ labels: ['Actor'] });
    expect(d.nodes.filter((n) => n.label !== 'Source').every((n) => n.label === 'Actor')).toBe(true);
    expect(ids(d).filter((id) => id.startsWith('actor:'))).toEqual(['actor:coalition', 'actor:isis', 'actor:observatory', 'actor:outlet-a', 'actor:russia', 'actor:un']);
    expect(edgeIds(d)).toEqual(['ACCUSED:actor:coalition->actor:isis', 'CALLED_ON:actor:coalition->actor:un', 'CONDEMNED:actor:coalition->actor:russia']);
    expect(ids(d).filter((id) => id.startsWith('source:'))).toEqual([SMALL.s1, SMALL.s2, SMALL.s3]);
  });

  it.each<[string, SelectOptions, string[], string[]]>([
    ['a year', { since: '2018' }, [SMALL.shelling], ['ACCUSED:actor:coalition->actor:isis', 'CALLED_ON:actor:coalition->actor:un']],
    ['a day range', { since: '2017-10-01', until: '2017-10-31' }, [SMALL.airstrike], ['CONDEMNED:actor:coalition->actor:russia', `CONDEMNED:actor:coalition->${SMALL.airstrike}`]],
    ['the day before an event', { until: '2017-10-03' }, [], []],
    ['a month-precise event against a mid-month bound (it may fall after it)', { since: '2018-07-20', until: '2018-07-20' }, [SMALL.shelling], ['ACCUSED:actor:coalition->actor:isis']],
    ['a month bound against a day-precise event', { since: '2017-10', until: '2017-10' }, [SMALL.airstrike], ['CONDEMNED:actor:coalition->actor:russia', `CONDEMNED:actor:coalition->${SMALL.airstrike}`]],
  ])('--since/--until over %s keeps dated events and claims in range', (_what, opts, events, claims) => {
    const d = select(opts);
    expect(ids(d).filter((id) => id.startsWith('event:'))).toEqual(events);
    expect(edgeIds(d).filter((id) => /^(ACCUSED|CONDEMNED|CALLED_ON|DENIED):/.test(id))).toEqual(claims);
    expect(ids(d)).not.toContain(SMALL.undated);
  });

  it('dates a claim by its sentence, else by its report; a claim from an undated report is left out by a date filter', () => {
    const condemned = select({ since: '2000' }).edges.find((e) => e.id === 'CONDEMNED:actor:coalition->actor:russia');
    expect(condemned?.evidence.map((e) => e.source)).toEqual([SMALL.s1]); // the S3 sentence has no date at all
  });

  it('a date filter keeps actors and places only when something kept involves them', () => {
    const d = select({ since: '2018' });
    expect(ids(d).filter((id) => id.startsWith('place:'))).toEqual(['place:beta-village']);
    expect(ids(d)).not.toContain('actor:russia');
  });

  it('--min-evidence keeps relationships with that many sentences', () => {
    expect(edgeIds(select({ minEvidence: 2 }))).toEqual([
      'CONDEMNED:actor:coalition->actor:russia',
      `PERPETRATED_BY:${SMALL.airstrike}->actor:russia`,
      `PERPETRATED_BY:${SMALL.shelling}->actor:isis`,
    ]);
  });

  it.each(['reports/b.md', 'b.md', 'Outlet B', 'outlet b', 'Report B', SMALL.s2])('--source %s keeps only what report B says', (value) => {
    const d = select({ source: value });
    expect(ids(d)).toEqual(['actor:coalition', 'actor:isis', 'actor:un', SMALL.shelling, 'place:beta-village', SMALL.s2]);
    for (const e of d.edges) expect(e.evidence.every((ev) => ev.source === SMALL.s2)).toBe(true);
    const coalition = d.nodes.find((n) => n.id === 'actor:coalition');
    expect(coalition?.label === 'Actor' && coalition.sources).toEqual([SMALL.s2]);
  });

  it('--source finds reports by a publisher named in PUBLISHED_BY, not only by the outlet line', () => {
    expect(ids(select({ source: 'the observatory' })).filter((id) => id.startsWith('source:'))).toEqual([SMALL.s1]);
  });

  it('--source keeps the publishers of the report', () => {
    expect(ids(select({ source: 'reports/a.txt' }))).toEqual(expect.arrayContaining(['actor:outlet-a', 'actor:observatory']));
  });

  it('--around keeps the neighbourhood and every relationship among the nodes kept', () => {
    const d = select({ around: 'Russia', hops: 1 });
    expect(ids(d)).toEqual(['actor:coalition', 'actor:observatory', 'actor:russia', SMALL.airstrike, SMALL.s1, SMALL.s3]);
    expect(edgeIds(d)).toEqual([
      'CONDEMNED:actor:coalition->actor:russia',
      `CONDEMNED:actor:coalition->${SMALL.airstrike}`,
      `PERPETRATED_BY:${SMALL.airstrike}->actor:russia`,
    ]);
  });

  it.each<[string, SelectOptions, string]>([
    ['an alias, any case', { around: 'SYRIAN  coalition' }, 'actor:coalition'],
    ['a lexicon name the reports never used', { around: 'Daesh', knownNames: [{ id: 'actor:isis', name: 'Daesh' }] }, 'actor:isis'],
    ['an exact-case acronym', { around: 'IS', knownNames: [{ id: 'actor:isis', name: 'IS', caseSensitive: true }] }, 'actor:isis'],
    ['an id', { around: 'place:beta-village' }, 'place:beta-village'],
  ])('--around finds a node by %s', (_what, opts, id) => {
    expect(ids(select({ ...opts, hops: 0 }))).toContain(id);
  });

  it('--around does not match an exact-case acronym in another case', () => {
    expect(() => select({ around: 'is', knownNames: [{ id: 'actor:isis', name: 'IS', caseSensitive: true }] })).toThrow(/no node is named "is"/);
  });

  it('--hops walks further and goes up the place hierarchy', () => {
    const d = select({ around: 'Beta Village', hops: 3 });
    expect(ids(d)).toEqual(expect.arrayContaining(['place:beta-district', 'place:beta-province', 'place:syria', SMALL.shelling, 'actor:isis']));
    expect(ids(d)).not.toContain('place:alpha-town');
  });

  it('--around reaches a report but does not walk through it to its other publishers', () => {
    const d = select({ around: 'Outlet A', hops: 2 });
    expect(ids(d)).toEqual(['actor:outlet-a', SMALL.s1]);
  });

  it('--around with --types walks only those relationships', () => {
    expect(ids(select({ around: 'Coalition', hops: 2, types: ['CALLED_ON'] }))).toEqual(['actor:coalition', 'actor:un', SMALL.s2]);
  });

  it.each<[string, SelectOptions, RegExp, string]>([
    ['an unknown name, with similar names', { around: 'beta' }, /no node is named "beta"; similar names: Beta District, Beta Province, Beta Village/, 'E_EXPORT'],
    ['a name the filters exclude', { around: 'Russia', labels: ['Place'] }, /"Russia" \(Actor actor:russia\) is excluded by the other filters/, 'E_EXPORT'],
    ['an unknown report', { source: 'nope.txt' }, /no report matches --source "nope.txt".*reports\/a.txt/, 'E_EXPORT'],
    ['a malformed date', { since: '5 May 2018' }, /--since "5 May 2018" is not a date/, 'E_USAGE'],
    ['an impossible month', { until: '2018-13' }, /--until "2018-13" is not a date/, 'E_USAGE'],
    ['a range that ends before it starts', { since: '2019', until: '2018' }, /--since 2019 is after --until 2018/, 'E_USAGE'],
    ['negative hops', { around: 'Russia', hops: -1 }, /--hops must be a whole number/, 'E_USAGE'],
  ])('rejects %s with a clear error', (_what, opts, message, code) => {
    let err: unknown;
    try {
      select(opts);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ReportGraphError);
    expect((err as ReportGraphError).message).toMatch(message);
    expect((err as ReportGraphError).code).toBe(code);
  });

  it('any combination of filters gives a valid document that is a part of the original', () => {
    const full = smallGraph();
    const names = ['Russia', 'Coalition', 'Beta Village', 'Alpha Province', 'Report A', 'ISIS'];
    const dates = ['2017', '2017-10', '2017-10-04', '2018-07', '2018-07-20', '2019'];
    const options = fc.record(
      {
        around: fc.constantFrom(...names),
        hops: fc.integer({ min: 0, max: 4 }),
        types: fc.subarray([...EDGE_TYPES], { minLength: 1 }),
        labels: fc.subarray([...NODE_LABELS], { minLength: 1 }),
        since: fc.constantFrom(...dates),
        minEvidence: fc.integer({ min: 0, max: 3 }),
        source: fc.constantFrom('reports/a.txt', 'Outlet B', 'c.txt'),
      },
      { requiredKeys: [] },
    );
    const original = new Map(full.nodes.map((n) => [n.id, n]));
    const originalEdges = new Map(full.edges.map((e) => [e.id, e]));
    fc.assert(
      fc.property(options, (opts) => {
        if (opts.hops !== undefined && opts.around === undefined) delete opts.hops;
        let d: Doc;
        try {
          d = selectSubgraph(full, opts);
        } catch (e) {
          if (e instanceof ReportGraphError && e.code === 'E_EXPORT') return; // the named node is filtered out
          throw e;
        }
        expect(GraphDocument.safeParse(d).success).toBe(true);
        for (const n of d.nodes) {
          const o = original.get(n.id)!;
          const { sources: _s, evidence: _e, ...rest } = n as typeof n & { sources?: unknown; evidence?: unknown };
          expect(o).toMatchObject(rest);
          if ('sources' in n && 'sources' in o) expect(o.sources).toEqual(expect.arrayContaining(n.sources));
          if (n.label === 'Event' && o.label === 'Event') expect(o.evidence).toEqual(expect.arrayContaining(n.evidence));
        }
        for (const e of d.edges) expect(originalEdges.get(e.id)!.evidence).toEqual(expect.arrayContaining(e.evidence));
        if (opts.labels) for (const n of d.nodes) if (n.label !== 'Source' && n.label !== 'Actor') expect(opts.labels).toContain(n.label);
        if (opts.types) for (const e of d.edges) expect(opts.types).toContain(e.type);
      }),
      { numRuns: 300, seed: 20240611 },
    );
  });
});
