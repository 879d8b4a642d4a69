// The csv export for neo4j-admin: one nodes file per label and one relationships file per type
// (MENTIONS too), headers in the importer's grammar with the stored model's columns and types,
// strings quoted so the importer keeps their spaces, lists split by U+001F, claims one row per
// sentence with their key, and import.sh naming exactly the files written. Parsed back by the
// importer's rules, the files hold the rows `toStoredRows` gives, which the store reads back as the
// document.
import { describe, expect, it } from 'vitest';
import { ReportGraphError } from '../../../src/errors.ts';
import { ARRAY_DELIMITER, NEO4J_ADMIN_TYPE, toNeo4jCsv } from '../../../src/export/to-neo4j-csv.ts';
import type { GraphDocument } from '../../../src/model/schema.ts';
import { canonicalGraph, fromStoredRows, toStoredRows, type StoredRows, type StoredScalar } from '../../../src/store/graph-rows.ts';
import { NODE_COLUMNS, relColumns } from '../../../src/store/stored-model.ts';
import { adversarialGraph, SMALL, smallGraph } from '../../fixtures/export/graphs.ts';
import { importNeo4jCsv, NEO4J_HEADER_FIELD, parseCsv, storedRowsFromNeo4j } from './readers.ts';

const files = () => toNeo4jCsv(smallGraph());
const file = (name: string) => files().find((f) => f.name === name)!;
const header = (name: string) => file(name).content.split('\n')[0];

/** neo4j-admin reads an empty field as no value: an empty list and a list of one '' are not imported (the next `kg load` sets them). */
const importable = (v: StoredScalar): StoredScalar => (Array.isArray(v) && (v.length === 0 || (v.length === 1 && v[0] === '')) ? null : v);

/** The rows the export should carry, as neo4j-admin can hold them, in a stable order. */
function expectedRows(doc: GraphDocument): StoredRows {
  const rows = toStoredRows(doc);
  const clean = (p: Record<string, StoredScalar>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, importable(v)]));
  return sortRows({ nodes: rows.nodes.map((n) => ({ ...n, props: clean(n.props) })), rels: rows.rels.map((r) => ({ ...r, props: clean(r.props) })) });
}

function sortRows(rows: StoredRows): StoredRows {
  const key = (x: unknown) => JSON.stringify(x);
  return { nodes: [...rows.nodes].sort((a, b) => (a.id < b.id ? -1 : 1)), rels: [...rows.rels].sort((a, b) => (key(a) < key(b) ? -1 : 1)) };
}

describe('csv export for neo4j-admin', () => {
  it('writes one nodes file per label and one relationships file per type present, MENTIONS too, plus import.sh', () => {
    expect(files().map((f) => f.name)).toEqual([
      'nodes-Actor.csv', 'nodes-Place.csv', 'nodes-Event.csv', 'nodes-Source.csv',
      'relationships-ACCUSED.csv', 'relationships-CONDEMNED.csv', 'relationships-CALLED_ON.csv', 'relationships-OCCURRED_IN.csv',
      'relationships-PERPETRATED_BY.csv', 'relationships-LOCATED_IN.csv', 'relationships-PUBLISHED_BY.csv', 'relationships-MENTIONS.csv', 'import.sh',
    ]);
  });

  const EVIDENCE_LISTS = 'evidenceSource:string[],evidenceText:string[],evidenceStart:long[],evidenceEnd:long[],evidenceRule:string[],evidenceAttributedTo:string[],evidenceDate:string[]';
  it.each([
    ['nodes-Actor.csv', 'id:ID,:LABEL,name,kind,aliases:string[],sources:string[],origin'],
    ['nodes-Place.csv', 'id:ID,:LABEL,name,kind,aliases:string[],lat:double,lon:double,sources:string[]'],
    ['nodes-Event.csv', `id:ID,:LABEL,name,eventType,date,datePrecision,killedMin:long,killedMax:long,injuredMin:long,injuredMax:long,status,placeQualifier,sources:string[],${EVIDENCE_LISTS}`],
    ['nodes-Source.csv', 'id:ID,:LABEL,name,file,title,published:date,outlet,url,sha256,text'],
    ['relationships-CONDEMNED.csv', ':START_ID,:END_ID,:TYPE,key,source,text,start:long,end:long,rule,date,evidenceDate,attributedTo'],
    ['relationships-OCCURRED_IN.csv', `:START_ID,:END_ID,:TYPE,${EVIDENCE_LISTS}`],
    ['relationships-MENTIONS.csv', ':START_ID,:END_ID,:TYPE'],
  ])('%s has the header %s', (name, expected) => {
    expect(header(name)).toBe(expected);
  });

  it('names every column of the stored model, typed as the Neo4j store types it', () => {
    for (const f of files().filter((x) => x.name.startsWith('nodes-'))) {
      const label = f.name.slice('nodes-'.length, -'.csv'.length) as keyof typeof NODE_COLUMNS;
      const props = header(f.name)!.split(',').slice(2);
      expect(['id', ...props.map((p) => p.split(':')[0])]).toEqual(NODE_COLUMNS[label].map((c) => c.name));
    }
    for (const f of files().filter((x) => x.name.startsWith('relationships-'))) {
      const type = f.name.slice('relationships-'.length, -'.csv'.length) as Parameters<typeof relColumns>[0];
      const want = relColumns(type).map((c) => (NEO4J_ADMIN_TYPE[c.type] ? `${c.name}:${NEO4J_ADMIN_TYPE[c.type]}` : c.name));
      expect(header(f.name)!.split(',').slice(3)).toEqual(want);
    }
  });

  it('every header field follows the neo4j-admin grammar, with exactly one ID (nodes) or START_ID/END_ID/TYPE (relationships)', () => {
    for (const f of files().filter((x) => x.name.endsWith('.csv'))) {
      const fields = header(f.name)!.split(',');
      for (const field of fields) expect(field, `${f.name}: ${field}`).toMatch(NEO4J_HEADER_FIELD);
      const roles = fields.filter((x) => /:(ID|LABEL|START_ID|END_ID|TYPE)$/.test(x)).map((x) => x.split(':').pop());
      expect(roles).toEqual(f.name.startsWith('nodes-') ? ['ID', 'LABEL'] : ['START_ID', 'END_ID', 'TYPE']);
    }
  });

  it('writes typed values: numbers and dates bare, strings quoted, lists joined by U+001F, nulls and empty lists empty', () => {
    const [, ...rows] = parseCsv(file('nodes-Place.csv').content);
    const syria = rows.find((r) => r[0]!.text === 'place:syria')!;
    expect(syria.map((c) => [c.text, c.quoted])).toEqual([
      ['place:syria', true], ['Place', false], ['Syria', true], ['country', true], ['Syria', true], ['35', false], ['38.5', false], ['', false],
    ]);
    const district = rows.find((r) => r[0]!.text === 'place:beta-district')!;
    expect([district[5], district[6]]).toEqual([{ text: '', quoted: false }, { text: '', quoted: false }]);
    const [, ...actors] = parseCsv(file('nodes-Actor.csv').content);
    const coalition = actors.find((r) => r[0]!.text === 'actor:coalition')!;
    expect(coalition[4]).toEqual({ text: `Coalition${ARRAY_DELIMITER}Syrian Coalition`, quoted: true });
    const [, ...events] = parseCsv(file('nodes-Event.csv').content);
    const airstrike = events.find((r) => r[0]!.text === SMALL.airstrike)!;
    expect([airstrike[6], airstrike[7], airstrike[8]]).toEqual([{ text: '12', quoted: false }, { text: '12', quoted: false }, { text: '', quoted: false }]);
    const [, ...sources] = parseCsv(file('nodes-Source.csv').content);
    expect(sources.find((r) => r[0]!.text === SMALL.s1)![5]).toEqual({ text: '2017-10-05', quoted: false });
    const [, ...perpetrated] = parseCsv(file('relationships-PERPETRATED_BY.csv').content);
    const twoSentences = perpetrated.find((r) => r[0]!.text === SMALL.airstrike)!;
    expect(twoSentences[5]!.quoted).toBe(false);
    expect(twoSentences[5]!.text.split(ARRAY_DELIMITER).map(Number)).toEqual(smallGraph().edges.find((e) => e.type === 'PERPETRATED_BY' && e.from === SMALL.airstrike)!.evidence.map((e) => e.start));
  });

  it('writes a claim as one relationship per supporting sentence, keyed source@start-end, dated by the sentence or its report', () => {
    const db = importNeo4jCsv(files(), ARRAY_DELIMITER);
    const condemned = db.rels.filter((r) => r.type === 'CONDEMNED' && r.to === 'actor:russia');
    const edge = smallGraph().edges.find((e) => e.id === 'CONDEMNED:actor:coalition->actor:russia')!;
    expect(condemned.map((r) => [r.props.key, r.props.text, r.props.date ?? null])).toEqual(
      edge.evidence.map((e) => [`${e.source}@${e.start}-${e.end}`, e.text, e.source === SMALL.s1 ? '2017-10-05' : null]),
    );
  });

  it('writes MENTIONS from each report to what it names, as the store does', () => {
    const db = importNeo4jCsv(files(), ARRAY_DELIMITER);
    const mentions = db.rels.filter((r) => r.type === 'MENTIONS').map((r) => `${r.from}->${r.to}`).sort();
    const want = smallGraph().nodes.flatMap((n) => (n.label === 'Source' ? [] : n.sources.map((s) => `${s}->${n.id}`))).sort();
    expect(mentions).toEqual(want);
  });

  it.each([
    ['the small graph', smallGraph],
    ['the adversarial graph', adversarialGraph],
  ])("parsed back by the importer's rules, %s holds the rows toStoredRows gives, and the store reads it back as the document", (_name, make) => {
    const rows = storedRowsFromNeo4j(importNeo4jCsv(toNeo4jCsv(make()), ARRAY_DELIMITER));
    expect(sortRows(rows)).toEqual(expectedRows(make()));
    expect(fromStoredRows(rows, 'csv import')).toEqual(canonicalGraph(make()));
  });

  it('import.sh runs neo4j-admin on exactly the files written, with the delimiter and quoting the files use', () => {
    const script = file('import.sh').content;
    expect(script).toMatch(/^#!\/bin\/sh\n/);
    expect(script).toContain('neo4j-admin database import full');
    expect(script).toContain('--array-delimiter=U+001F');
    expect(script).toContain('--multiline-fields=true');
    expect(script).toContain('--legacy-style-quoting=false');
    const named = [...script.matchAll(/--(?:nodes|relationships)=(\S+)/g)].map((m) => m[1]);
    expect(named.sort()).toEqual(files().filter((f) => f.name.endsWith('.csv')).map((f) => f.name).sort());
  });

  it('keeps multi-line report text and quotes whole in one field', () => {
    const db = importNeo4jCsv(toNeo4jCsv(adversarialGraph()), ARRAY_DELIMITER);
    const source = adversarialGraph().nodes.find((n) => n.label === 'Source' && n.text.includes('\r\n'))!;
    expect(db.nodes.get(source.id)!.props.text).toBe(source.label === 'Source' ? source.text : '');
  });

  it.each<[string, (d: GraphDocument) => void, RegExp]>([
    ['a list item holding the list delimiter', (d) => Object.assign(d.nodes.find((n) => n.id === 'actor:russia')!, { aliases: [`Rus${ARRAY_DELIMITER}sia`] }), /node actor:russia aliases: an item contains U\+001F/],
    ['a label outside the vocabulary', (d) => Object.assign(d.nodes[0]!, { label: 'Actor:Admin' }), /label "Actor:Admin" is not in the model's vocabulary/],
  ])('refuses %s instead of writing it', (_what, mutate, message) => {
    const doc = smallGraph();
    mutate(doc);
    expect(() => toNeo4jCsv(doc)).toThrow(ReportGraphError);
    expect(() => toNeo4jCsv(doc)).toThrow(message);
  });
});
