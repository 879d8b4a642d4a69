// Every query in cypher/queries/ against the embedded store built from the sample reports with
// `kg build`, each answer compared with the same answer computed in TypeScript from the graph
// document the build wrote. The extractor changes, so the answers are not written down here:
// they are reckoned independently from whatever graph the samples give today.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphDocument } from '../../src/model/schema.ts';
import { CYPHER_DIR, prepareQueryFile } from '../../src/store/cypher-files.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { GraphStore } from '../../src/store/types.ts';
import { distancesFrom, isPathInGraph, REFERENCE, sortRows, type Row } from '../store/query-answers.ts';
import { runKg, SAMPLE_REPORTS, type CliRun } from '../helpers.ts';

const QUERIES = path.join(CYPHER_DIR, 'queries');
const home = mkdtempSync(path.join(os.tmpdir(), 'kg-query-samples-'));
let build: CliRun;
let doc: GraphDocument;
let store: GraphStore;

beforeAll(async () => {
  build = runKg(['build', SAMPLE_REPORTS, '--home', home]);
  doc = GraphDocument.parse(JSON.parse(readFileSync(path.join(home, 'graph.json'), 'utf8')));
  store = await openStore({ kind: 'embedded', home, readOnly: true });
});
afterAll(async () => {
  await store?.close();
  rmSync(home, { recursive: true, force: true });
});

/** Parameters for the queries that need some: the busiest actor, the source with the most sentences. */
function sampleParams(): Record<string, unknown> {
  const degree = new Map<string, number>();
  for (const e of doc.edges) for (const id of [e.from, e.to]) if (id.startsWith('actor:')) degree.set(id, (degree.get(id) ?? 0) + e.evidence.length + 1);
  const actor = [...degree.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  const perSource = new Map<string, number>();
  for (const e of doc.edges) for (const ev of e.evidence) perSource.set(ev.source, (perSource.get(ev.source) ?? 0) + 1);
  const source = [...perSource.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  return { actor, source };
}

async function run(name: string, given: Record<string, unknown>) {
  const q = prepareQueryFile(path.join(QUERIES, `${name}.cypher`), 'embedded', given);
  return { params: q.params, result: await store.query(q.text, q.params) };
}

/** Queries whose Kuzu variant is a UNION that Kuzu cannot sort as a whole: compared as sorted sets of rows. */
const UNORDERED: Record<string, string[]> = {
  'source-claims': ['start', 'relationship', 'subject', 'object', 'sentence'],
  'actor-ego-network': ['direction', 'relationship', 'name', 'id'],
};

describe('cypher/queries on the sample reports (embedded store built by kg build)', () => {
  it('builds the store from the sample reports', () => {
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).toMatch(/kg build: 5 reports read/);
    expect(build.stderr).toMatch(/nodes: \d+ created, 0 updated, 0 deleted/);
  });

  const names = readdirSync(QUERIES).filter((f) => f.endsWith('.cypher') && !f.endsWith('.kuzu.cypher')).map((f) => f.replace(/\.cypher$/, ''));

  it('has a TypeScript reckoning for every query file (shortest-path is checked by shape)', () => {
    expect(new Set([...Object.keys(REFERENCE), 'shortest-path'])).toEqual(new Set(names));
  });

  it.each(Object.keys(REFERENCE))('%s gives the answer reckoned from graph.json', async (name) => {
    const { params, result } = await run(name, sampleParams());
    const want: Row[] = REFERENCE[name]!(doc, params);
    const keys = UNORDERED[name];
    expect(keys ? sortRows(result.rows, keys) : result.rows).toEqual(keys ? sortRows(want, keys) : want);
  });

  it('the samples exercise the queries: events, perpetrators, an ego network and a source’s claims are not empty', async () => {
    for (const name of ['events-by-place', 'casualties-by-perpetrator', 'actor-ego-network', 'source-claims']) {
      expect((await run(name, sampleParams())).result.rows.length, name).toBeGreaterThan(0);
    }
  });

  it('shortest-path finds a path as short as a breadth-first search does, made of real relationships', async () => {
    const actors = doc.nodes.filter((n) => n.label === 'Actor').map((n) => n.id);
    const pairs: [string, string, number][] = [];
    for (const a of actors) for (const [b, d] of distancesFrom(doc, a)) if (b.startsWith('actor:') && b > a && d > 0) pairs.push([a, b, d]);
    expect(pairs.length).toBeGreaterThan(0);
    pairs.sort((x, y) => y[2] - x[2] || (x[0] + x[1] < y[0] + y[1] ? -1 : 1));
    for (const [from, to, d] of [pairs[0]!, pairs[pairs.length - 1]!]) {
      const { result } = await run('shortest-path', { from, to });
      expect(result.rows).toHaveLength(1);
      const row = result.rows[0]!;
      expect(row.hops).toBe(d);
      const p = row.path as { nodes: { id: string; properties: { name?: unknown } }[] };
      expect(p.nodes.map((n) => n.id)[0]).toBe(from);
      expect(p.nodes.map((n) => n.id).at(-1)).toBe(to);
      expect(row.names).toEqual(p.nodes.map((n) => n.properties.name));
      expect(isPathInGraph(doc, p.nodes.map((n) => n.id), row.relationships as string[])).toBe(true);
    }
  });

  it('kg query --file prints the same answer as JSON, and as a table with the query’s columns', () => {
    const file = path.join(QUERIES, 'events-by-place.cypher');
    const json = runKg(['query', '--file', file, '--home', home, '--format', 'json']);
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(REFERENCE['events-by-place']!(doc, { limit: 100 }));
    const table = runKg(['query', '--file', file, '--home', home]);
    expect(table.stdout.split('\n')[0]).toMatch(/^place\s+\| kind\s+\| events \| withKilled \| killedMin \| killedMax \|/);
    expect(table.stderr).toMatch(/^\d+ rows?/m);
  });
});
