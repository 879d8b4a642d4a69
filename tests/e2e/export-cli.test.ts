// `kg export` as a user runs it, on the home `kg build` makes of the sample reports (graph.json and
// the embedded store): one real run per format, each writing exactly what the exporter gives and
// read back whole (json is the graph, csv and cypher build the database `kg load` builds, GEXF and
// GraphML validate against their schemas); `kg export --query` against the store; which graph a
// plain export reads; the selection flags; and the errors a user meets. Runs that test the
// command's logic rather than the process go through the command in this process, which is much
// faster than starting the CLI for each.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { MultiDirectedGraph } from 'graphology';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerExport } from '../../src/cli/commands/export.ts';
import { ReportGraphError } from '../../src/errors.ts';
import { EXPORT_FORMATS, exportGraph, type ExportFormat } from '../../src/export/export-graph.ts';
import { selectionFromQueryResult } from '../../src/export/from-query-result.ts';
import { ARRAY_DELIMITER } from '../../src/export/to-neo4j-csv.ts';
import { GraphDocument, type GraphDocument as Doc } from '../../src/model/schema.ts';
import { CYPHER_DIR, schemaStatements } from '../../src/store/cypher-files.ts';
import { canonicalGraph, fromStoredRows } from '../../src/store/graph-rows.ts';
import { KuzuStore } from '../../src/store/kuzu-store.ts';
import { Neo4jStore } from '../../src/store/neo4j-store.ts';
import type { StoreCounts } from '../../src/store/types.ts';
import { smallGraph } from '../fixtures/export/graphs.ts';
import { FIXTURES, runKg, SAMPLE_REPORTS } from '../helpers.ts';
import { importNeo4jCsv, parseCsv, parseCypherScript, runCypher, simDbContents, storedRowsFromNeo4j } from '../unit/export/readers.ts';
import { countUnimportable, kgLoadDatabase, NEO4J_CONFIG, runScriptOnKuzu, serverContents, serverHolding, withoutUnimportableLists } from '../unit/export/stores.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kg-export-'));
const home = path.join(tmp, 'home');
const out = (name: string) => path.join(tmp, 'out', name);
const env = { REPORTGRAPH_HOME: home };
let graphText: string;
let graph: Doc;
let storeCounts: StoreCounts;
const HAS_XMLLINT = spawnSync('xmllint', ['--version']).status === 0;

beforeAll(async () => {
  const r = runKg(['build', SAMPLE_REPORTS], { env });
  expect(r.status, r.stderr).toBe(0);
  graphText = readFileSync(path.join(home, 'graph.json'), 'utf8');
  graph = GraphDocument.parse(JSON.parse(graphText));
  mkdirSync(path.join(tmp, 'out'));
  const store = await KuzuStore.open({ home, readOnly: true });
  storeCounts = await store.counts();
  await store.close();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface InProcessRun {
  stdout: string;
  stderr: string;
  error: unknown;
}

/** `kg export <args>` through the command itself, in this process; output captured. */
async function kgExport(args: string[]): Promise<InProcessRun> {
  const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  registerExport(program);
  let stdout = '';
  let stderr = '';
  const outSpy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const errSpy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  let error: unknown = null;
  try {
    await program.parseAsync(['node', 'kg', 'export', ...args]);
  } catch (err) {
    error = err;
  } finally {
    outSpy.mockRestore();
    errSpy.mockRestore();
  }
  return { stdout, stderr, error };
}

/** An in-process export to stdout as json that must succeed: the document and what was said. */
async function jsonExport(args: string[]): Promise<{ doc: Doc; stderr: string }> {
  const r = await kgExport(['--format', 'json', '--out', '-', ...args]);
  expect(r.error).toBeNull();
  return { doc: GraphDocument.parse(JSON.parse(r.stdout)), stderr: r.stderr };
}

const ext = (f: ExportFormat) => ({ json: 'json', graphology: 'graphology.json', gexf: 'gexf', graphml: 'graphml', csv: 'csv', cypher: 'cypher', 'events-csv': 'events.csv' })[f];
const csvFiles = (dir: string) => readdirSync(dir).sort().map((name) => ({ name, content: readFileSync(path.join(dir, name), 'utf8') }));

describe('kg export: one real run per format, from <home>/graph.json', () => {
  it.each([...EXPORT_FORMATS])('--format %s writes exactly what the exporter gives for the graph', (format) => {
    const file = out(`a.${ext(format)}`);
    const r = runKg(['export', '--format', format, '--out', file], { env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`kg export: wrote ${format} to .* from .*graph\\.json\\n  nodes: ${graph.nodes.length} \\(`));
    const neo4jSchema = format === 'cypher' ? schemaStatements(path.join(CYPHER_DIR, 'schema.cypher')) : undefined;
    const want = exportGraph(graph, format, { context: graph, neo4jSchema });
    if (want.kind === 'file') expect(readFileSync(file, 'utf8')).toBe(want.content);
    else expect(csvFiles(file)).toEqual([...want.files].sort((a, b) => (a.name < b.name ? -1 : 1)));
  });

  it('json is the graph document itself, byte for byte', () => {
    expect(readFileSync(out('a.json'), 'utf8')).toBe(graphText);
  });

  it('graphology loads into graphology with every node and relationship', () => {
    const g = MultiDirectedGraph.from(JSON.parse(readFileSync(out('a.graphology.json'), 'utf8')));
    expect([g.order, g.size]).toEqual([graph.nodes.length, graph.edges.length]);
  });

  it('the csv folder imports (by neo4j-admin\'s rules) to the database kg load --store neo4j builds, but for the lists an import cannot hold', async () => {
    const imported = importNeo4jCsv(csvFiles(out('a.csv')), ARRAY_DELIMITER);
    const loaded = await kgLoadDatabase(graph);
    expect(simDbContents(imported)).toEqual(simDbContents(withoutUnimportableLists(loaded)));
    expect(fromStoredRows(storedRowsFromNeo4j(imported), 'csv')).toEqual(canonicalGraph(graph));
  });

  it('after the csv import, kg load --store neo4j creates, deletes and duplicates nothing, and only sets those lists', async () => {
    const fake = serverHolding(importNeo4jCsv(csvFiles(out('a.csv')), ARRAY_DELIMITER));
    const store = await Neo4jStore.open(NEO4J_CONFIG, () => fake);
    expect(await store.readGraph()).toEqual(canonicalGraph(graph));
    const stats = await store.load(graph);
    await store.close();
    const loaded = await kgLoadDatabase(graph);
    expect(stats).toMatchObject({ nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });
    expect(stats.nodesUpdated + stats.relationshipsUpdated).toBe(countUnimportable(loaded));
    expect(simDbContents(serverContents(fake))).toEqual(simDbContents(loaded));
  });

  it('the cypher script builds exactly the database kg load --store neo4j builds', async () => {
    expect(simDbContents(runCypher(parseCypherScript(readFileSync(out('a.cypher'), 'utf8'))))).toEqual(simDbContents(await kgLoadDatabase(graph)));
  });

  it('the cypher script, run statement by statement in a fresh embedded store, gives the counts of the store kg build made', async () => {
    const run = await runScriptOnKuzu(readFileSync(out('a.cypher'), 'utf8'));
    expect(run.skipped).toBe(schemaStatements(path.join(CYPHER_DIR, 'schema.cypher')).length);
    expect(run.counts[0]).toEqual(storeCounts);
    expect(run.graph).toEqual(canonicalGraph(graph));
  });

  it('events-csv has one row per event', () => {
    const rows = parseCsv(readFileSync(out('a.events.csv'), 'utf8'));
    expect(rows.length - 1).toBe(graph.nodes.filter((n) => n.label === 'Event').length);
  });

  it.skipIf(!HAS_XMLLINT).each([
    ['a.gexf', 'gexf-1.3/gexf.xsd'],
    ['a.graphml', 'graphml-1.0/graphml.xsd'],
  ])('%s validates against its published schema', (file, xsd) => {
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', path.join(FIXTURES, 'xsd', xsd), out(file)], { encoding: 'utf8' });
    expect(r.stderr).toMatch(/validates/);
  });
});

describe('kg export --query, --query-file: what a query returns from the store', () => {
  const claimTypes = ['CONDEMNED', 'CALLED_ON'];
  const claimsOf = (d: Doc) => canonicalGraph(d).edges.filter((e) => claimTypes.includes(e.type));

  it('a real run exports the nodes and relationships a Cypher query returns from the embedded store', () => {
    const r = runKg(['export', '--format', 'json', '--out', '-', '--query', 'MATCH (a:Actor)-[r:CONDEMNED|CALLED_ON]->(b) RETURN a, r, b'], { env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`from the embedded store in ${path.join(home, 'db')}`);
    const doc = GraphDocument.parse(JSON.parse(r.stdout));
    expect(claimsOf(graph).length).toBeGreaterThan(0);
    expect(doc.edges).toEqual(claimsOf(graph));
    const ends = new Set(doc.edges.flatMap((e) => [e.from, e.to, ...e.evidence.flatMap((ev) => [ev.source, ev.attributedTo ?? ev.source])]));
    expect(doc.nodes.map((n) => n.id).sort()).toEqual([...ends].sort());
  });

  it('gives what the query result would give as a saved --query-result', async () => {
    const store = await KuzuStore.open({ home, readOnly: true });
    const result = await store.query('MATCH p = (e:Event)-[:OCCURRED_IN]->(:Place) RETURN p ORDER BY e.id LIMIT 3');
    const want = selectionFromQueryResult(result, await store.readGraph()).doc;
    await store.close();
    writeFileSync(out('paths.json'), JSON.stringify(result));
    const viaQuery = await jsonExport(['--home', home, '--query', 'MATCH p = (e:Event)-[:OCCURRED_IN]->(:Place) RETURN p ORDER BY e.id LIMIT 3']);
    const viaSaved = await jsonExport(['--home', home, '--query-result', out('paths.json')]);
    expect(viaQuery.doc).toEqual(want);
    expect(viaSaved.doc.nodes.map((n) => n.id)).toEqual(want.nodes.map((n) => n.id));
    expect(want.edges.map((e) => e.type)).toEqual(['OCCURRED_IN', 'OCCURRED_IN', 'OCCURRED_IN']);
  });

  it("--query-file runs the store's variant of the file with its declared defaults and --param values", async () => {
    const dir = path.join(tmp, 'queries');
    mkdirSync(dir, { recursive: true });
    // The Neo4j form would not parse on Kuzu (type(), startNode()): the embedded store must take the .kuzu.cypher file.
    writeFileSync(path.join(dir, 'claims-by.cypher'), '// @param actor required an actor id\n// @param kind "CONDEMNED" a claim type\nMATCH (a:Actor {id: $actor})-[r]->(b) WHERE type(r) = $kind AND startNode(r) = a RETURN a, r, b;\n');
    writeFileSync(path.join(dir, 'claims-by.kuzu.cypher'), '// @param actor required an actor id\n// @param kind "CONDEMNED" a claim type\nMATCH (a:Actor {id: $actor})-[r]->(b) WHERE label(r) = $kind RETURN a, r, b;\n');
    const actor = claimsOf(graph).find((e) => e.type === 'CONDEMNED')!.from;
    const { doc, stderr } = await jsonExport(['--home', home, '--query-file', path.join(dir, 'claims-by.cypher'), '--param', `actor=${actor}`]);
    expect(stderr).toMatch(/running .*claims-by\.kuzu\.cypher \(the embedded store's variant\)/);
    expect(doc.edges).toEqual(claimsOf(graph).filter((e) => e.from === actor && e.type === 'CONDEMNED'));
    const missing = await kgExport(['--format', 'json', '--out', '-', '--home', home, '--query-file', path.join(dir, 'claims-by.cypher')]);
    expect(String(missing.error)).toMatch(/needs --param actor=… \(an actor id\)/);
  });

  it.each<[string, string[], string, RegExp]>([
    ['a query that writes', ['--query', "CREATE (:Actor {id: 'actor:x'})"], 'E_QUERY_WRITE', /queries are read-only/],
    ['a query Kuzu cannot parse', ['--query', 'MATCH (n RETURN n'], 'E_QUERY_SYNTAX', /not valid Cypher for this store/],
    ['--graph with --query', ['--query', 'MATCH (n) RETURN n', '--graph', 'g.json'], 'E_USAGE', /--graph reads a graph document, --query, --query-file and --store read a store/],
    ['--param without a query', ['--param', 'a=1'], 'E_USAGE', /--param goes with --query or --query-file/],
  ])('fails clearly on %s', async (_what, args, code, message) => {
    const r = await kgExport(['--format', 'json', '--out', '-', '--home', home, ...args]);
    expect(r.error).toBeInstanceOf(ReportGraphError);
    expect((r.error as ReportGraphError).code).toBe(code);
    expect((r.error as ReportGraphError).message).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('says there is no store to query in a home without one', async () => {
    const r = await kgExport(['--format', 'json', '--out', '-', '--home', path.join(tmp, 'empty-home'), '--query', 'MATCH (n) RETURN n']);
    expect((r.error as ReportGraphError).code).toBe('E_STORE_DATABASE');
    expect(String(r.error)).toMatch(/there is no embedded store in .*empty-home.*kg build/);
  });
});

describe('which graph a plain kg export reads', () => {
  const storeOnly = path.join(tmp, 'store-only');
  const both = path.join(tmp, 'both');
  beforeAll(() => {
    cpSync(path.join(home, 'db'), path.join(storeOnly, 'db'), { recursive: true });
    cpSync(path.join(home, 'db'), path.join(both, 'db'), { recursive: true });
    writeFileSync(path.join(both, 'graph.json'), JSON.stringify(smallGraph()));
  });

  it('the embedded store, when the home has no graph.json', async () => {
    const { doc, stderr } = await jsonExport(['--home', storeOnly]);
    expect(stderr).toContain(`from the embedded store in ${path.join(storeOnly, 'db')}`);
    expect(doc).toEqual(canonicalGraph(graph));
  });

  it('graph.json when the home has both (the document the store is loaded from); --store reads the store', async () => {
    expect((await jsonExport(['--home', both])).doc).toEqual(smallGraph());
    expect((await jsonExport(['--home', both, '--store', 'embedded'])).doc).toEqual(canonicalGraph(graph));
  });
});

describe('kg export selections', () => {
  it('--around finds a node by a lexicon alias the reports never used (Daesh is ISIS)', async () => {
    const { doc } = await jsonExport(['--home', home, '--around', 'daesh', '--hops', '1']);
    expect(doc.nodes.map((n) => n.id)).toContain('actor:isis');
  });

  it('--types and --min-evidence narrow to well-attested claims', async () => {
    const { doc } = await jsonExport(['--home', home, '--types', 'condemned,called_on', '--min-evidence', '2']);
    expect(doc.edges.length).toBeGreaterThan(0);
    for (const e of doc.edges) {
      expect(['CONDEMNED', 'CALLED_ON']).toContain(e.type);
      expect(e.evidence.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('--source keeps what one report says', async () => {
    const { doc } = await jsonExport(['--home', home, '--source', '004_e05679d919b79c5b.txt']);
    const sources = doc.nodes.filter((n) => n.label === 'Source');
    expect(sources.map((s) => s.label === 'Source' && s.file)).toEqual(['004_e05679d919b79c5b.txt']);
  });

  it('--query-result exports the nodes and the sentences a saved query returned', async () => {
    const edge = graph.edges.find((e) => e.type === 'CONDEMNED' && e.evidence.length > 1)!;
    const ev = edge.evidence[0]!;
    const result = {
      columns: ['r'],
      rows: [{ r: { $type: 'relationship', type: edge.type, from: edge.from, to: edge.to, properties: { key: `${ev.source}@${ev.start}-${ev.end}`, source: ev.source, start: ev.start, end: ev.end, text: ev.text, rule: ev.rule } } }],
      truncated: false,
    };
    writeFileSync(out('result.json'), JSON.stringify(result));
    const { doc } = await jsonExport(['--home', home, '--query-result', out('result.json')]);
    expect(doc.edges).toEqual([{ ...edge, evidence: [ev] }]);
  });

  it('--home names the home folder instead of REPORTGRAPH_HOME', async () => {
    const before = process.env.REPORTGRAPH_HOME;
    process.env.REPORTGRAPH_HOME = path.join(tmp, 'nowhere');
    try {
      const r = await kgExport(['--home', home, '--format', 'json', '--out', '-']);
      expect(r.error).toBeNull();
      expect(r.stdout).toBe(graphText);
    } finally {
      if (before === undefined) delete process.env.REPORTGRAPH_HOME;
      else process.env.REPORTGRAPH_HOME = before;
    }
  });
});

describe('kg export errors', () => {
  it('a real run fails with exit code 1, the message and its code on stderr, and nothing on stdout', () => {
    const r = runKg(['export', '--format', 'csv', '--out', '-'], { env });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^kg: --format csv writes a folder of files: give --out <folder> \[E_USAGE\]\n$/);
  });

  it.each<[string, string[], RegExp]>([
    ['a csv export into a folder that is not empty', ['--format', 'csv', '--out', path.join(tmp, 'out')], /is not empty; give a new or empty folder/],
    ['an unknown relationship type', ['--format', 'json', '--out', '-', '--types', 'LIKES'], /--types: LIKES not known; use ACCUSED/],
    ['a bad date', ['--format', 'json', '--out', '-', '--since', 'last week'], /--since "last week" is not a date/],
    ['--hops without --around', ['--format', 'json', '--out', '-', '--hops', '2'], /--hops needs --around/],
    ['a missing graph', ['--format', 'json', '--out', '-', '--graph', path.join(tmp, 'none.json')], /cannot read the graph document.*run `kg build <reports>` or `kg extract` first/],
    ['a name no node has', ['--format', 'json', '--out', '-', '--around', 'Atlantis'], /no node is named "Atlantis"/],
    ['two query sources', ['--format', 'json', '--out', '-', '--query', 'MATCH (n) RETURN n', '--query-result', 'r.json'], /give only one of --query, --query-file and --query-result/],
  ])('fails with a clear message on %s', async (_what, args, message) => {
    const r = await kgExport(['--home', home, ...args]);
    expect(r.error).toBeInstanceOf(ReportGraphError);
    expect(String((r.error as Error).message)).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
