// Every format read back by an independent reader gives the graph that was exported: json by the
// model's validator, graphology by graphology itself, GEXF by graphology's GEXF parser, GraphML by
// graphology's GraphML parser, the csv folder by a neo4j-admin-style importer and the cypher script
// by a Cypher parser with MERGE semantics, each of those two read back as the Neo4j store reads a
// database (fromStoredRows). Run on a small graph and on the adversarial one (quotes,
// backslashes, line breaks, markup, Cypher injection, backticks, Arabic, emoji, padded and formula
// strings), so every string survives every format.
import { MultiDirectedGraph as Graph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { GraphDocument } from '../../../src/model/schema.ts';
import type { GraphDocument as Doc } from '../../../src/model/schema.ts';
import { toJson } from '../../../src/export/to-json.ts';
import { documentFromGraphology, toGraphology } from '../../../src/export/to-graphology.ts';
import { toGexf } from '../../../src/export/to-gexf.ts';
import { toGraphml } from '../../../src/export/to-graphml.ts';
import { ARRAY_DELIMITER, toNeo4jCsv } from '../../../src/export/to-neo4j-csv.ts';
import { toCypher } from '../../../src/export/to-cypher.ts';
import { fromXmlNameToken } from '../../../src/export/xml-text.ts';
import { adversarialGraph, NASTY, ODD_ID, smallGraph } from '../../fixtures/export/graphs.ts';
import { canonicalGraph, fromStoredRows } from '../../../src/store/graph-rows.ts';
import { documentFromAttributeGraph, importNeo4jCsv, parseCypherScript, runCypher, storedRowsFromNeo4j, type UnicodePass } from './readers.ts';

const GRAPHS: [string, () => Doc][] = [
  ['the small graph', smallGraph],
  ['the adversarial graph', adversarialGraph],
];

type Reader = (doc: Doc) => Doc;

const READERS: [string, Reader][] = [
  ['json', (doc) => GraphDocument.parse(JSON.parse(toJson(doc)))],
  ['graphology', (doc) => documentFromGraphology(Graph.from(JSON.parse(toGraphology(doc))).export() as Parameters<typeof documentFromGraphology>[0])],
  ['gexf (graphology-gexf)', (doc) => documentFromAttributeGraph(parseGexf(Graph, toGexf(doc)))],
  ['graphml (graphology-graphml)', (doc) => documentFromAttributeGraph(parseGraphml(Graph, toGraphml(doc)), { decodeId: fromXmlNameToken, listsAreJson: true })],
  ['csv (neo4j-admin import)', (doc) => fromStoredRows(storedRowsFromNeo4j(importNeo4jCsv(toNeo4jCsv(doc), ARRAY_DELIMITER)), 'csv')],
  ['cypher (MERGE script)', (doc) => fromStoredRows(storedRowsFromNeo4j(runCypher(parseCypherScript(toCypher(doc)))), 'cypher')],
];

/** A store keeps no difference between an absent and a null date or attribution on an evidence item (canonicalGraph). */
const comparable = (format: string, doc: Doc) => (format.startsWith('csv') || format.startsWith('cypher') ? canonicalGraph(doc) : doc);

describe.each(GRAPHS)('%s', (_name, make) => {
  it.each(READERS)('round-trips through %s: same nodes, relationships and evidence', (format, read) => {
    const doc = make();
    expect(comparable(format, read(doc))).toEqual(comparable(format, doc));
  });

  it.each(READERS)('%s: exporting twice gives the same bytes', (format) => {
    const write = {
      json: toJson,
      graphology: toGraphology,
      gexf: toGexf,
      graphml: toGraphml,
      csv: (d: Doc) => JSON.stringify(toNeo4jCsv(d)),
      cypher: toCypher,
    }[format.split(' ')[0] as 'json'];
    expect(write(make())).toBe(write(make()));
  });
});

describe('the adversarial strings', () => {
  it('are all in the fixture, in names, aliases, report text and evidence', () => {
    const doc = adversarialGraph();
    const odd = doc.nodes.find((n) => n.id === ODD_ID);
    expect(odd && odd.label === 'Actor' ? odd.aliases : []).toEqual([...NASTY].sort());
    for (const s of NASTY) {
      expect(doc.nodes.some((n) => n.name === s)).toBe(true);
      expect(doc.edges.some((e) => e.evidence.some((ev) => ev.text.includes(s)))).toBe(true);
    }
  });

  it.each<UnicodePass>(['none', 'java', 'naive'])('parse back from the cypher script the same whether the server expands \\u escapes early or not (%s)', (mode) => {
    const doc = adversarialGraph();
    expect(fromStoredRows(storedRowsFromNeo4j(runCypher(parseCypherScript(toCypher(doc), mode))), 'cypher')).toEqual(canonicalGraph(doc));
  });

  it('never leave a Cypher string: the script has exactly one statement per line and only the statements written', () => {
    const doc = adversarialGraph();
    const script = toCypher(doc);
    const lines = script.split('\n').filter((l) => l && !l.startsWith('//'));
    const statements = parseCypherScript(script);
    expect(statements).toHaveLength(lines.length);
    for (const line of lines) expect(parseCypherScript(line)).toHaveLength(1);
    expect(statements.filter((s) => s.kind === 'node')).toHaveLength(doc.nodes.length);
    // Outside string literals the script holds no word of an injected payload.
    const outside = script.replace(/'(?:[^'\\]|\\.)*'/g, "''").replace(/`[^`]*`/g, '``');
    expect(outside).not.toMatch(/DETACH|DELETE|Robert|HYPERLINK|\$param/);
  });
});
