// The graph model accepts well-formed documents and rejects, with a useful path, every kind of
// broken one: wrong shapes, unsorted or duplicate ids, dangling edges, forbidden triples, and
// evidence whose offsets do not quote its source.
import { describe, expect, it } from 'vitest';
import { GraphDocument, type GraphDocument as Doc } from '../../../src/model/schema.ts';
import { graphJsonSchema } from '../../../src/model/json-schema.ts';
import { GraphBuilder, sortGraph } from '../../../src/model/graph-builder.ts';
import { edgeId, slugify, nodeId } from '../../../src/model/ids.ts';

const TEXT = 'The Syrian Coalition condemned the Russian airstrikes on Deir Ezzor. Nearly 160 civilians were killed.';
const S1 = { start: 0, end: 68 };
const SRC = 'source:0123456789abcdef';

function goodDoc(): Doc {
  const ev = { source: SRC, text: TEXT.slice(S1.start, S1.end), start: S1.start, end: S1.end, rule: 'cue:condemn' };
  const b = new GraphBuilder();
  b.mergeNode({ id: SRC, label: 'Source', name: 'Test', file: 'a.txt', title: 'Test', published: '2017-10-05', outlet: null, url: null, sha256: '0123456789abcdef'.repeat(4), text: TEXT });
  b.mergeNode({ id: 'actor:syrian-coalition', label: 'Actor', name: 'Syrian Coalition', kind: 'political_org', aliases: ['Syrian Coalition'], sources: [SRC], origin: 'lexicon' });
  b.mergeNode({ id: 'actor:russia', label: 'Actor', name: 'Russia', kind: 'state', aliases: ['Russian'], sources: [SRC], origin: 'lexicon' });
  b.mergeNode({ id: 'place:deir-ezzor', label: 'Place', name: 'Deir Ezzor', kind: 'governorate', aliases: ['Deir Ezzor'], lat: 35.33, lon: 40.14, sources: [SRC] });
  b.mergeNode({
    id: 'event:2017-10-04-airstrike-deir-ezzor-00000000', label: 'Event', name: 'airstrike', eventType: 'airstrike', date: '2017-10-04', datePrecision: 'day',
    killedMin: null, killedMax: 160, injuredMin: null, injuredMax: null, status: 'reported', placeQualifier: null, sources: [SRC], evidence: [{ ...ev, rule: 'trigger:airstrike' }],
  });
  b.mergeEdge('CONDEMNED', 'actor:syrian-coalition', 'actor:russia', [ev]);
  b.mergeEdge('OCCURRED_IN', 'event:2017-10-04-airstrike-deir-ezzor-00000000', 'place:deir-ezzor', [ev]);
  return b.toDocument();
}

type Mutation = (d: Doc) => void;
const node = (d: Doc, id: string) => d.nodes.find((n) => n.id === id) as Record<string, unknown>;

describe('GraphDocument', () => {
  it('accepts a well-formed document', () => {
    const r = GraphDocument.safeParse(goodDoc());
    expect(r.success, r.success ? '' : JSON.stringify(r.error.issues)).toBe(true);
  });

  it.each<[string, Mutation, RegExp]>([
    ['a wrong version', (d) => ((d as { version: number }).version = 2), /version/],
    ['an unknown label', (d) => (node(d, 'actor:russia').label = 'Country'), /label/],
    ['an unknown actor kind', (d) => (node(d, 'actor:russia').kind = 'superpower'), /kind/],
    ['an unknown edge type', (d) => ((d.edges[0] as { type: string }).type = 'LIKES'), /type/],
    ['a duplicate node id', (d) => d.nodes.push({ ...(d.nodes[0] as Doc['nodes'][number]) }), /duplicate node id|not sorted/],
    ['unsorted nodes', (d) => d.nodes.reverse(), /not sorted/],
    ['an id whose prefix does not match its label', (d) => Object.assign(node(d, 'place:deir-ezzor'), { id: 'actor:zz-deir-ezzor' }), /does not start with place:/],
    ['an edge to a missing node', (d) => (d.edges[0]!.to = 'actor:nobody'), /unknown node actor:nobody/],
    ['a forbidden triple', (d) => ((d.edges[0] as { type: string }).type = 'LOCATED_IN'), /not an allowed relationship/],
    ['evidence that does not quote its source', (d) => (d.edges[0]!.evidence[0]!.text = 'something else'), /does not match/],
    ['evidence past the end of its source', (d) => Object.assign(d.edges[0]!.evidence[0]!, { end: 5000 }), /past the end/],
    ['evidence with end before start', (d) => Object.assign(d.edges[0]!.evidence[0]!, { start: 10, end: 5 }), /after start/],
    ['evidence from an unknown source', (d) => (d.edges[0]!.evidence[0]!.source = 'source:ffffffffffffffff'), /unknown source/],
    ['killedMin above killedMax', (d) => Object.assign(node(d, 'event:2017-10-04-airstrike-deir-ezzor-00000000'), { killedMin: 200 }), /killedMin/],
    ['a date that does not match its precision', (d) => Object.assign(node(d, 'event:2017-10-04-airstrike-deir-ezzor-00000000'), { datePrecision: 'month' }), /datePrecision/],
    ['a malformed date', (d) => Object.assign(node(d, 'event:2017-10-04-airstrike-deir-ezzor-00000000'), { date: '04/10/2017' }), /YYYY/],
    ['a negative casualty count', (d) => Object.assign(node(d, 'event:2017-10-04-airstrike-deir-ezzor-00000000'), { killedMax: -1 }), /killedMax|>=0|too_small|Too small/i],
    ['a latitude out of range', (d) => Object.assign(node(d, 'place:deir-ezzor'), { lat: 135 }), /lat/],
    ['a Source without sha256', (d) => delete node(d, SRC).sha256, /sha256/],
  ])('rejects %s', (_what, mutate, message) => {
    const d = structuredClone(goodDoc());
    mutate(d);
    const r = GraphDocument.safeParse(d);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')).toMatch(message);
  });
});

describe('ids and the builder', () => {
  it.each([
    ['Russia', 'russia'],
    ['Deir ez-Zor', 'deir-ez-zor'],
    ['Médecins Sans Frontières', 'medecins-sans-frontieres'],
    ['Int’l Anti-ISIS Coalition', 'intl-anti-isis-coalition'],
    ['دير الزور', 'دير-الزور'],
  ])('slugify(%s) = %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('merges nodes and edges by id, unioning aliases, sources and evidence without duplicates', () => {
    const d = goodDoc();
    const b = new GraphBuilder();
    b.mergeDocument(d);
    b.mergeDocument(d);
    b.mergeNode({ id: 'actor:russia', label: 'Actor', name: 'Russia', kind: 'state', aliases: ['Moscow'], sources: ['source:ffff000000000000'], origin: 'lexicon' });
    const out = b.toDocument();
    expect(out.edges).toHaveLength(d.edges.length);
    expect(out.edges.find((e) => e.id === edgeId('CONDEMNED', 'actor:syrian-coalition', 'actor:russia'))!.evidence).toHaveLength(1);
    const russia = out.nodes.find((n) => n.id === nodeId('Actor', 'Russia'));
    expect(russia).toMatchObject({ aliases: ['Moscow', 'Russian'], sources: [SRC, 'source:ffff000000000000'] });
  });

  it('sorts whatever order things were added in', () => {
    const d = goodDoc();
    const shuffled = { ...d, nodes: [...d.nodes].reverse(), edges: [...d.edges].reverse() };
    expect(JSON.stringify(sortGraph(shuffled))).toBe(JSON.stringify(d));
  });
});

describe('JSON Schema', () => {
  it('describes the document with every label and relationship type', () => {
    const s = JSON.stringify(graphJsonSchema());
    for (const word of ['Actor', 'Place', 'Event', 'Source', 'ACCUSED', 'CONDEMNED', 'CALLED_ON', 'OCCURRED_IN', 'PERPETRATED_BY', 'LOCATED_IN', 'PUBLISHED_BY', 'evidence', 'killedMin']) {
      expect(s).toContain(word);
    }
    expect(graphJsonSchema().$schema).toMatch(/2020-12/);
  });
});
