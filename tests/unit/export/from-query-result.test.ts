// A store query's result as a subgraph, with hand-made QueryResult values shaped as
// src/store/types.ts defines them: nodes by id, relationships by type and ends, claim
// relationships bringing back only the sentences they stand for, values found inside lists, maps
// and paths, and whatever the graph does not hold reported instead of invented.
import { describe, expect, it } from 'vitest';
import { ReportGraphError } from '../../../src/errors.ts';
import { GraphDocument } from '../../../src/model/schema.ts';
import type { QueryResult, QueryValue, StoredNode, StoredRelationship } from '../../../src/store/types.ts';
import { selectionFromQueryResult } from '../../../src/export/from-query-result.ts';
import { selectSubgraph } from '../../../src/export/select.ts';
import { toStoredRows } from '../../../src/store/graph-rows.ts';
import { SMALL, smallGraph } from '../../fixtures/export/graphs.ts';

const full = smallGraph();
const result = (rows: Record<string, QueryValue>[]): QueryResult => ({ columns: Object.keys(rows[0] ?? {}), rows, truncated: false });
const node = (id: string, label: StoredNode['label']): StoredNode => ({ $type: 'node', id, label, properties: { id, name: 'as stored' } });
const evidenceOf = (edgeId: string, i: number) => full.edges.find((e) => e.id === edgeId)!.evidence[i]!;

/** A claim relationship as the stores keep it: one per sentence, that sentence's evidence as properties. */
function claim(type: StoredRelationship['type'], from: string, to: string, edgeId: string, i: number): StoredRelationship {
  const ev = evidenceOf(edgeId, i);
  return { $type: 'relationship', type, from, to, properties: { source: ev.source, text: ev.text, start: ev.start, end: ev.end, rule: ev.rule } };
}

const CONDEMNED = 'CONDEMNED:actor:coalition->actor:russia';

describe('selectionFromQueryResult', () => {
  it('keeps the nodes returned, by id, and no relationship the query did not return', () => {
    const { doc, missing } = selectionFromQueryResult(result([{ a: node('actor:coalition', 'Actor'), b: node('actor:russia', 'Actor') }]), full);
    expect(doc.nodes.map((n) => n.id)).toEqual(['actor:coalition', 'actor:russia']);
    expect(doc.edges).toEqual([]);
    expect(missing).toEqual([]);
    expect(GraphDocument.safeParse(doc).success).toBe(true);
  });

  it('takes node properties from the graph document, not from the stored copy', () => {
    const { doc } = selectionFromQueryResult(result([{ n: node('actor:russia', 'Actor') }]), full);
    expect(doc.nodes[0]).toMatchObject({ name: 'Russia', kind: 'state' });
  });

  it('brings back a claim with only the sentence its stored relationship stands for, and that sentence\'s report', () => {
    const { doc } = selectionFromQueryResult(result([{ r: claim('CONDEMNED', 'actor:coalition', 'actor:russia', CONDEMNED, 1) }]), full);
    expect(doc.edges).toHaveLength(1);
    expect(doc.edges[0]!.evidence).toEqual([evidenceOf(CONDEMNED, 1)]);
    expect(doc.nodes.map((n) => n.id)).toEqual(['actor:coalition', 'actor:russia', SMALL.s3]);
  });

  it('gathers the sentences of several rows into one relationship, in order', () => {
    const rows = [1, 0, 1].map((i) => ({ r: claim('CONDEMNED', 'actor:coalition', 'actor:russia', CONDEMNED, i) }));
    const { doc } = selectionFromQueryResult(result(rows), full);
    expect(doc.edges[0]!.evidence).toEqual(full.edges.find((e) => e.id === CONDEMNED)!.evidence);
  });

  it('keeps all evidence of a relationship stored once (no sentence properties)', () => {
    const stored = toStoredRows(full).rels.find((r) => r.type === 'PERPETRATED_BY' && r.from === SMALL.airstrike)!;
    const rel: StoredRelationship = { $type: 'relationship', type: 'PERPETRATED_BY', from: SMALL.airstrike, to: 'actor:russia', properties: stored.props as StoredRelationship['properties'] };
    const { doc } = selectionFromQueryResult(result([{ r: rel }]), full);
    expect(doc.edges[0]!.evidence).toHaveLength(2);
    // The second sentence is attributed to the Observatory, which comes along so the attribution resolves.
    expect(doc.nodes.map((n) => n.id)).toContain('actor:observatory');
  });

  it('finds nodes and relationships inside paths, lists and maps', () => {
    const path: QueryValue = {
      $type: 'path',
      nodes: [node('actor:coalition', 'Actor'), node('actor:isis', 'Actor')],
      relationships: [claim('ACCUSED', 'actor:coalition', 'actor:isis', 'ACCUSED:actor:coalition->actor:isis', 0)],
    };
    const rows = [{ p: path, list: [[node('place:syria', 'Place')]], map: { deep: { n: node(SMALL.shelling, 'Event') }, count: 3 } }];
    const { doc } = selectionFromQueryResult(result(rows), full);
    expect(doc.nodes.map((n) => n.id)).toEqual(['actor:coalition', 'actor:isis', SMALL.shelling, 'place:syria', SMALL.s2]);
    expect(doc.edges.map((e) => e.id)).toEqual(['ACCUSED:actor:coalition->actor:isis']);
  });

  it('takes the ends of a store-only MENTIONS link as nodes', () => {
    const rel: StoredRelationship = { $type: 'relationship', type: 'MENTIONS', from: SMALL.s1, to: 'actor:russia', properties: {} };
    const { doc } = selectionFromQueryResult(result([{ r: rel }]), full);
    expect(doc.nodes.map((n) => n.id)).toEqual(['actor:russia', SMALL.s1]);
    expect(doc.edges).toEqual([]);
  });

  it('reports what the graph does not hold instead of inventing it', () => {
    const wrongSentence = { ...claim('CONDEMNED', 'actor:coalition', 'actor:russia', CONDEMNED, 0), properties: { source: SMALL.s1, start: 1, end: 5 } };
    const rows: Record<string, QueryValue>[] = [
      { n: node('actor:nobody', 'Actor') },
      { r: { $type: 'relationship', type: 'DENIED', from: 'actor:russia', to: 'actor:coalition', properties: {} } as StoredRelationship },
      { r: wrongSentence },
    ];
    const { doc, missing } = selectionFromQueryResult(result(rows), full);
    expect(missing).toEqual([
      `evidence ${SMALL.s1}@1-5 of ${CONDEMNED}`,
      'node actor:nobody',
      'relationship DENIED:actor:russia->actor:coalition',
    ]);
    expect(doc.edges).toEqual([]);
    expect(doc.nodes.map((n) => n.id)).toEqual(['actor:coalition', 'actor:russia']);
  });

  it('gives an empty document for a query that returned only values', () => {
    const { doc } = selectionFromQueryResult(result([{ count: 3, name: 'Russia', when: null }]), full);
    expect(doc).toEqual({ version: 1, nodes: [], edges: [] });
  });

  it.each<[string, unknown]>([
    ['a node with an unknown label', { $type: 'node', id: 'actor:russia', label: 'Country', properties: {} }],
    ['a node without an id', { $type: 'node', label: 'Actor', properties: {} }],
    ['a relationship of an unknown type', { $type: 'relationship', type: 'LIKES', from: 'a', to: 'b', properties: {} }],
    ['a path with a broken node', { $type: 'path', nodes: [{ $type: 'node' }], relationships: [] }],
  ])('rejects %s read back from a store', (_what, value) => {
    expect(() => selectionFromQueryResult(result([{ v: value as QueryValue }]), full)).toThrow(ReportGraphError);
    expect(() => selectionFromQueryResult(result([{ v: value as QueryValue }]), full)).toThrow(/query result row 1\.v/);
  });

  it('can be narrowed further like any selection', () => {
    const rows = [{ r: claim('CONDEMNED', 'actor:coalition', 'actor:russia', CONDEMNED, 0) }, { r: claim('ACCUSED', 'actor:coalition', 'actor:isis', 'ACCUSED:actor:coalition->actor:isis', 0) }];
    const { doc } = selectionFromQueryResult(result(rows), full);
    expect(selectSubgraph(doc, { types: ['ACCUSED'] }).edges.map((e) => e.id)).toEqual(['ACCUSED:actor:coalition->actor:isis']);
  });
});
