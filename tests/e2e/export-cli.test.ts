// `kg export` as a user runs it, on the graph `kg extract` makes of the sample reports: every
// format written from the home folder's graph.json, byte-identical on a second run, read back
// whole (json equals the graph, csv and cypher rebuild it, GEXF and GraphML validate against their
// schemas), the selection flags, a saved query result, and clear errors for what cannot be done.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphDocument, type GraphDocument as Doc } from '../../src/model/schema.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../src/export/export-graph.ts';
import { ARRAY_DELIMITER } from '../../src/export/to-neo4j-csv.ts';
import { FIXTURES, runKg, SAMPLE_REPORTS } from '../helpers.ts';
import { documentFromNeo4j, importNeo4jCsv, parseCsv, parseCypherScript, runCypher, withoutNullEvidenceKeys } from '../unit/export/readers.ts';

const home = mkdtempSync(path.join(os.tmpdir(), 'kg-export-'));
const out = (name: string) => path.join(home, 'out', name);
const env = { REPORTGRAPH_HOME: home };
let graphText: string;
let graph: Doc;
const HAS_XMLLINT = spawnSync('xmllint', ['--version']).status === 0;

beforeAll(() => {
  const r = runKg(['extract', SAMPLE_REPORTS, '--out', path.join(home, 'graph.json')]);
  expect(r.status, r.stderr).toBe(0);
  graphText = readFileSync(path.join(home, 'graph.json'), 'utf8');
  graph = GraphDocument.parse(JSON.parse(graphText));
  mkdirSync(path.join(home, 'out'));
});

const ext = (f: ExportFormat) => ({ json: 'json', graphology: 'graphology.json', gexf: 'gexf', graphml: 'graphml', csv: 'csv', cypher: 'cypher', 'events-csv': 'events.csv' })[f];

function readOutput(f: ExportFormat, p: string): string {
  if (f !== 'csv') return readFileSync(p, 'utf8');
  return readdirSync(p).sort().map((name) => `== ${name}\n${readFileSync(path.join(p, name), 'utf8')}`).join('\n');
}

describe('kg export (every format, whole graph)', () => {
  it.each([...EXPORT_FORMATS])('--format %s writes from <home>/graph.json', (format) => {
    const r = runKg(['export', '--format', format, '--out', out(`a.${ext(format)}`)], { env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`kg export: wrote ${format} to .*\\n  nodes: ${graph.nodes.length} \\(`));
  });

  // Every exporter is byte-stable in the unit tests; here the CLI path, for a file and a folder.
  it.each<ExportFormat>(['gexf', 'csv'])('--format %s gives the same bytes on a second run', (format) => {
    const again = out(`b.${ext(format)}`);
    expect(runKg(['export', '--format', format, '--out', again], { env }).status).toBe(0);
    expect(readOutput(format, again)).toBe(readOutput(format, out(`a.${ext(format)}`)));
  });

  it('json is the graph document itself, byte for byte', () => {
    expect(readFileSync(out('a.json'), 'utf8')).toBe(graphText);
  });

  it('graphology loads into graphology with every node and relationship', () => {
    const g = MultiDirectedGraph.from(JSON.parse(readFileSync(out('a.graphology.json'), 'utf8')));
    expect([g.order, g.size]).toEqual([graph.nodes.length, graph.edges.length]);
  });

  it('the csv folder imports to the same graph', () => {
    const dir = out('a.csv');
    const files = readdirSync(dir).map((name) => ({ name, content: readFileSync(path.join(dir, name), 'utf8') }));
    expect(documentFromNeo4j(importNeo4jCsv(files, ARRAY_DELIMITER))).toEqual(withoutNullEvidenceKeys(graph));
  });

  it('the cypher script rebuilds the same graph', () => {
    expect(documentFromNeo4j(runCypher(parseCypherScript(readFileSync(out('a.cypher'), 'utf8'))))).toEqual(withoutNullEvidenceKeys(graph));
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

describe('kg export selections', () => {
  const json = (args: string[]) => {
    const r = runKg(['export', '--format', 'json', '--out', '-', ...args], { env });
    expect(r.status, r.stderr).toBe(0);
    return GraphDocument.parse(JSON.parse(r.stdout));
  };

  it('--around finds a node by a lexicon alias the reports never used (Daesh is ISIS)', () => {
    const d = json(['--around', 'daesh', '--hops', '1']);
    expect(d.nodes.map((n) => n.id)).toContain('actor:isis');
  });

  it('--types and --min-evidence narrow to well-attested claims', () => {
    const d = json(['--types', 'condemned,called_on', '--min-evidence', '2']);
    expect(d.edges.length).toBeGreaterThan(0);
    for (const e of d.edges) {
      expect(['CONDEMNED', 'CALLED_ON']).toContain(e.type);
      expect(e.evidence.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('--source keeps what one report says', () => {
    const d = json(['--source', '004_e05679d919b79c5b.txt']);
    const sources = d.nodes.filter((n) => n.label === 'Source');
    expect(sources.map((s) => s.label === 'Source' && s.file)).toEqual(['004_e05679d919b79c5b.txt']);
  });

  it('--query-result exports the nodes and the sentences a saved query returned', () => {
    const edge = graph.edges.find((e) => e.type === 'CONDEMNED' && e.evidence.length > 1)!;
    const ev = edge.evidence[0]!;
    const result = {
      columns: ['r'],
      rows: [{ r: { $type: 'relationship', type: edge.type, from: edge.from, to: edge.to, properties: { source: ev.source, start: ev.start, end: ev.end, text: ev.text, rule: ev.rule } } }],
      truncated: false,
    };
    const file = out('result.json');
    writeFileSync(file, JSON.stringify(result));
    const d = json(['--query-result', file]);
    expect(d.edges).toEqual([{ ...edge, evidence: [ev] }]);
  });

  it('--home names the home folder instead of REPORTGRAPH_HOME', () => {
    const r = runKg(['export', '--home', home, '--format', 'json', '--out', '-'], { env: { REPORTGRAPH_HOME: path.join(home, 'nowhere') } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(graphText);
  });
});

describe('kg export errors', () => {
  it.each<[string, string[], RegExp]>([
    ['--query before a store is connected', ['--format', 'json', '--out', '-', '--query', 'MATCH (n) RETURN n'], /--query needs a graph store.*--query-result <file>.*\[E_EXPORT\]/],
    ['--query-file likewise', ['--format', 'json', '--out', '-', '--query-file', 'q.cypher'], /--query-file needs a graph store/],
    ['a csv export to stdout', ['--format', 'csv', '--out', '-'], /writes a folder of files: give --out <folder> \[E_USAGE\]/],
    ['a csv export into a folder that is not empty', ['--format', 'csv', '--out', path.join(home, 'out')], /is not empty; give a new or empty folder/],
    ['an unknown relationship type', ['--format', 'json', '--out', '-', '--types', 'LIKES'], /--types: LIKES not known; use ACCUSED/],
    ['a bad date', ['--format', 'json', '--out', '-', '--since', 'last week'], /--since "last week" is not a date/],
    ['--hops without --around', ['--format', 'json', '--out', '-', '--hops', '2'], /--hops needs --around/],
    ['a missing graph', ['--format', 'json', '--out', '-', '--graph', path.join(home, 'none.json')], /cannot read the graph document.*run `kg extract` first/],
    ['a name no node has', ['--format', 'json', '--out', '-', '--around', 'Atlantis'], /no node is named "Atlantis" \[E_EXPORT\]/],
  ])('fails with a clear message on %s', (_what, args, message) => {
    const r = runKg(['export', ...args], { env });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
