// The pure row builders: what a document becomes in a store, and back.
import { describe, expect, it } from 'vitest';
import { GraphValidationError } from '../../src/errors.ts';
import { canonicalGraph, claimKey, fromStoredRows, toStoredRows } from '../../src/store/graph-rows.ts';
import { NODE_COLUMNS } from '../../src/store/stored-model.ts';
import { editedFixture, fixtureGraph } from './conformance.ts';

const doc = fixtureGraph();
const rows = toStoredRows(doc);
const S3 = doc.nodes.find((n) => n.label === 'Source' && n.published === null)!.id;

describe('toStoredRows', () => {
  it('gives every node all its columns, nulls included, and an Event its evidence as parallel lists', () => {
    for (const n of rows.nodes) expect(Object.keys(n.props)).toEqual(NODE_COLUMNS[n.label].map((c) => c.name));
    const siege = rows.nodes.find((n) => n.props.eventType === 'siege')!.props;
    expect(siege).toMatchObject({ killedMin: null, killedMax: 40, placeQualifier: 'outskirts of', evidenceSource: [S3, S3], evidenceAttributedTo: ['', ''], evidenceDate: ['', ''] });
    expect((siege.evidenceText as string[])[1]).toBe('The siege left nearly 40 people dead.');
  });

  it('makes one relationship per claim sentence, keyed by source and span', () => {
    const accused = rows.rels.filter((r) => r.type === 'ACCUSED' && r.from === 'actor:rights-watch-north');
    const edge = doc.edges.find((e) => e.id === 'ACCUSED:actor:rights-watch-north->actor:valdoria')!;
    expect(accused.map((r) => r.key)).toEqual(edge.evidence.map(claimKey));
    expect(accused.map((r) => r.props.text)).toEqual(edge.evidence.map((e) => e.text));
  });

  it.each([
    ['its own date when the sentence has one', 'Valdoria accused Rights', '2020', '2020'],
    ["the report's publication date when it has none", 'The Ostrava Front accused', '2021-04-20', null],
    ['no date when neither has one', 'The Ostrava Front condemned', null, null],
  ])('dates a claim by %s', (_, opening, date, evidenceDate) => {
    const r = rows.rels.find((x) => typeof x.props.text === 'string' && x.props.text.startsWith(opening) && ['ACCUSED', 'CONDEMNED'].includes(x.type))!;
    expect([r.props.date, r.props.evidenceDate]).toEqual([date, evidenceDate]);
  });

  it('keeps a claim without evidence as one relationship with an empty key', () => {
    const r = toStoredRows(editedFixture()).rels.filter((x) => x.from === 'actor:observer-group');
    expect(r).toEqual([expect.objectContaining({ type: 'CALLED_ON', key: '', props: expect.objectContaining({ key: '', source: null, text: null, date: null }) })]);
  });

  it('gives one MENTIONS per source of each node, and one row per structural edge', () => {
    const mentions = rows.rels.filter((r) => r.type === 'MENTIONS');
    expect(mentions).toHaveLength(doc.nodes.reduce((n, x) => n + (x.label === 'Source' ? 0 : x.sources.length), 0));
    expect(mentions.every((m) => m.fromLabel === 'Source' && m.from.startsWith('source:') && m.key === '')).toBe(true);
    const structural = rows.rels.filter((r) => ['OCCURRED_IN', 'PERPETRATED_BY', 'LOCATED_IN', 'PUBLISHED_BY', 'AFFILIATED_WITH'].includes(r.type));
    expect(structural).toHaveLength(doc.edges.filter((e) => ['OCCURRED_IN', 'PERPETRATED_BY', 'LOCATED_IN', 'PUBLISHED_BY', 'AFFILIATED_WITH'].includes(e.type)).length);
  });
});

describe('fromStoredRows', () => {
  it('gives the canonical document back, in any row order', () => {
    const shuffled = { nodes: [...rows.nodes].reverse(), rels: [...rows.rels].reverse() };
    expect(fromStoredRows(shuffled, 'test')).toEqual(canonicalGraph(doc));
    expect(fromStoredRows(toStoredRows(editedFixture()), 'test')).toEqual(canonicalGraph(editedFixture()));
  });

  it('reads lists a store holds absent (Neo4j after a neo4j-admin import) as empty, or as one empty item per sentence', () => {
    const absent = (v: unknown) => Array.isArray(v) && (v.length === 0 || (v.length === 1 && v[0] === ''));
    const strip = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, absent(v) ? null : v])) as typeof rows.nodes[number]['props'];
    const stripped = { nodes: rows.nodes.map((n) => ({ ...n, props: strip(n.props) })), rels: rows.rels.map((r) => ({ ...r, props: strip(r.props) })) };
    expect(stripped.nodes.some((n) => n.props.aliases === null) || stripped.rels.some((r) => r.props.evidenceAttributedTo === null)).toBe(true);
    expect(fromStoredRows(stripped, 'test')).toEqual(canonicalGraph(doc));
  });

  it('validates what it reads: a store edited by hand gets a clear error', () => {
    const broken = { nodes: rows.nodes.map((n) => (n.id === 'actor:valdoria' ? { ...n, props: { ...n.props, kind: 'empire' } } : n)), rels: rows.rels };
    expect(() => fromStoredRows(broken, 'store X')).toThrow(GraphValidationError);
    expect(() => fromStoredRows(broken, 'store X')).toThrow(/store X: invalid graph document/);
    const uneven = { nodes: rows.nodes.map((n) => (n.props.eventType === 'siege' ? { ...n, props: { ...n.props, evidenceText: ['one'] } } : n)), rels: rows.rels };
    expect(() => fromStoredRows(uneven, 'store X')).toThrow(/evidenceText has 1 items, evidenceSource 2/);
  });
});

describe('canonicalGraph', () => {
  it('drops null attributedTo and date from evidence and changes nothing else', () => {
    const c = canonicalGraph(doc);
    const ev = c.edges.flatMap((e) => e.evidence);
    expect(ev.some((e) => 'date' in e && e.date === null)).toBe(false);
    expect(doc.edges.flatMap((e) => e.evidence).some((e) => 'date' in e && e.date === null)).toBe(true);
    expect(c.nodes).toEqual(doc.nodes);
    expect(JSON.stringify(canonicalGraph(c))).toBe(JSON.stringify(c));
  });
});
