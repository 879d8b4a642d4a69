// The csv export is what `neo4j-admin database import full` reads: one nodes file per label and one
// relationships file per type, headers in its grammar with typed columns, strings quoted so the
// importer keeps their spaces, lists split by U+001F, claims one row per sentence, and import.sh
// naming exactly the files written.
import { describe, expect, it } from 'vitest';
import { ReportGraphError } from '../../../src/errors.ts';
import { ARRAY_DELIMITER, toNeo4jCsv } from '../../../src/export/to-neo4j-csv.ts';
import { adversarialGraph, SMALL, smallGraph } from '../../fixtures/export/graphs.ts';
import { NEO4J_HEADER_FIELD, importNeo4jCsv, parseCsv } from './readers.ts';

const files = () => toNeo4jCsv(smallGraph());
const file = (name: string) => files().find((f) => f.name === name)!;
const header = (name: string) => file(name).content.split('\n')[0];

describe('csv export for neo4j-admin', () => {
  it('writes one nodes file per label and one relationships file per type present, plus import.sh', () => {
    expect(files().map((f) => f.name)).toEqual([
      'nodes-Actor.csv', 'nodes-Place.csv', 'nodes-Event.csv', 'nodes-Source.csv',
      'relationships-ACCUSED.csv', 'relationships-CONDEMNED.csv', 'relationships-CALLED_ON.csv', 'relationships-OCCURRED_IN.csv',
      'relationships-PERPETRATED_BY.csv', 'relationships-LOCATED_IN.csv', 'relationships-PUBLISHED_BY.csv', 'import.sh',
    ]);
  });

  it.each([
    ['nodes-Actor.csv', 'id:ID,:LABEL,name,kind,aliases:string[],sources:string[],origin'],
    ['nodes-Place.csv', 'id:ID,:LABEL,name,kind,aliases:string[],lat:double,lon:double,sources:string[]'],
    ['nodes-Event.csv', 'id:ID,:LABEL,name,eventType,date,datePrecision,killedMin:int,killedMax:int,injuredMin:int,injuredMax:int,status,placeQualifier,sources:string[],evidence,evidenceCount:int'],
    ['nodes-Source.csv', 'id:ID,:LABEL,name,file,title,published,outlet,url,sha256,text'],
    ['relationships-CONDEMNED.csv', ':START_ID,:END_ID,:TYPE,source,start:int,end:int,text,rule,date,attributedTo'],
    ['relationships-OCCURRED_IN.csv', ':START_ID,:END_ID,:TYPE,evidence,evidenceCount:int'],
  ])('%s has the header %s', (name, expected) => {
    expect(header(name)).toBe(expected);
  });

  it('every header field follows the neo4j-admin grammar, with exactly one ID (nodes) or START_ID/END_ID/TYPE (relationships)', () => {
    for (const f of files().filter((x) => x.name.endsWith('.csv'))) {
      const fields = header(f.name)!.split(',');
      for (const field of fields) expect(field, `${f.name}: ${field}`).toMatch(NEO4J_HEADER_FIELD);
      const roles = fields.filter((x) => /:(ID|LABEL|START_ID|END_ID|TYPE)$/.test(x)).map((x) => x.split(':').pop());
      expect(roles).toEqual(f.name.startsWith('nodes-') ? ['ID', 'LABEL'] : ['START_ID', 'END_ID', 'TYPE']);
    }
  });

  it('writes typed values: ints and doubles bare, strings quoted, lists joined by U+001F, nulls empty', () => {
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
  });

  it('writes a claim as one relationship per supporting sentence, with that sentence as properties', () => {
    const db = importNeo4jCsv(files(), ARRAY_DELIMITER);
    const condemned = db.rels.filter((r) => r.type === 'CONDEMNED' && r.to === 'actor:russia');
    const edge = smallGraph().edges.find((e) => e.id === 'CONDEMNED:actor:coalition->actor:russia')!;
    expect(condemned).toHaveLength(edge.evidence.length);
    expect(condemned.map((r) => r.props)).toEqual(edge.evidence.map((e) => ({ source: e.source, start: e.start, end: e.end, text: e.text, rule: e.rule })));
    const perpetrated = db.rels.filter((r) => r.type === 'PERPETRATED_BY' && r.from === SMALL.airstrike);
    expect(perpetrated).toHaveLength(1);
    expect(perpetrated[0]!.props.evidenceCount).toBe(2);
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

  it('refuses a list item holding the list delimiter instead of splitting it', () => {
    const doc = smallGraph();
    const actor = doc.nodes.find((n) => n.id === 'actor:russia')!;
    if (actor.label === 'Actor') actor.aliases = [`Rus${ARRAY_DELIMITER}sia`];
    expect(() => toNeo4jCsv(doc)).toThrow(ReportGraphError);
    expect(() => toNeo4jCsv(doc)).toThrow(/node actor:russia aliases: an item contains U\+001F/);
  });
});
