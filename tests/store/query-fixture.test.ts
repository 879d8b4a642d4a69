// Every query in cypher/queries/ on the embedded store loaded with the hand-made fixture: each
// answer asserted exactly as worked out by hand, and the TypeScript reckoning the sample-report
// test relies on checked against the same hand answers.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CYPHER_DIR, prepareQueryFile } from '../../src/store/cypher-files.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { GraphStore } from '../../src/store/types.ts';
import { fixtureGraph } from './conformance.ts';
import { FIXTURE_CASES, SHORTEST_PATH_CASES } from './fixture-answers.ts';
import * as answers from './query-answers.ts';
import { REFERENCE } from './query-answers.ts';

const QUERIES = path.join(CYPHER_DIR, 'queries');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kg-query-fixture-'));
let store: GraphStore;

beforeAll(async () => {
  const writer = await openStore({ kind: 'embedded', home: tmp, readOnly: false });
  await writer.load(fixtureGraph());
  await writer.close();
  store = await openStore({ kind: 'embedded', home: tmp, readOnly: true });
});
afterAll(async () => {
  await store?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function run(name: string, given: Record<string, unknown>) {
  const q = prepareQueryFile(path.join(QUERIES, `${name}.cypher`), 'embedded', given);
  return { q, result: await store.query(q.text, q.params) };
}

describe('cypher/queries on the fixture graph (embedded store)', () => {
  it('has a worked answer for every query file', () => {
    const files = readdirSync(QUERIES).filter((f) => f.endsWith('.cypher') && !f.endsWith('.kuzu.cypher')).map((f) => f.replace(/\.cypher$/, ''));
    expect(new Set([...FIXTURE_CASES.map((c) => c.name), 'shortest-path'])).toEqual(new Set(files));
  });

  /**
   * Kuzu runs the two halves of a UNION ALL (actor-ego-network.kuzu.cypher) in either order; each
   * half keeps its own ORDER BY. Rows with a direction column are put outgoing half first, each
   * half's order untouched; other rows are left as they came.
   */
  const halvesInOrder = (rows: Record<string, unknown>[]) =>
    rows.length > 0 && 'direction' in rows[0]! ? [...rows.filter((r) => r.direction === 'out'), ...rows.filter((r) => r.direction !== 'out')] : rows;

  it.each(FIXTURE_CASES.map((c) => [`${c.name} ${JSON.stringify(c.params)}`, c] as const))('%s gives the worked answer', async (_, c) => {
    const { result } = await run(c.name, c.params);
    const rows = c.ordered ? halvesInOrder(result.rows) : answers.sortRows(result.rows, c.sortBy!);
    expect(rows).toEqual(c.rows);
    if (c.rows[0]) expect(result.columns).toEqual(Object.keys(c.rows[0]));
  });

  it.each(FIXTURE_CASES.map((c) => [`${c.name} ${JSON.stringify(c.params)}`, c] as const))('the TypeScript reckoning of %s agrees with the worked answer', (_, c) => {
    const { params } = prepareQueryFile(path.join(QUERIES, `${c.name}.cypher`), 'embedded', c.params);
    const got = REFERENCE[c.name]!(fixtureGraph(), params);
    expect(c.ordered ? got : answers.sortRows(got, c.sortBy!)).toEqual(c.rows);
  });

  it.each(SHORTEST_PATH_CASES.map((c) => [`${c.params.from} to ${c.params.to}`, c] as const))('shortest-path from %s', async (_, c) => {
    const { result } = await run('shortest-path', c.params);
    if (c.hops === null) {
      expect(result.rows).toEqual([]);
      return;
    }
    expect(result.rows).toHaveLength(1);
    const row = result.rows[0]!;
    expect(row.hops).toBe(c.hops);
    expect(row.names).toEqual(c.names);
    const rels = row.relationships as string[];
    expect(rels[0]).toBe(c.first);
    expect(c.lastOneOf).toContain(rels[1]);
    const p = row.path as { nodes: { id: string }[]; relationships: { type: string }[] };
    expect(p.nodes.map((n) => n.id)).toEqual([c.params.from, 'actor:valdoria', c.params.to]);
    expect(answers.isPathInGraph(fixtureGraph(), p.nodes.map((n) => n.id), rels)).toBe(true);
  });

  it('asks for a required parameter by name instead of running without it', () => {
    expect(() => prepareQueryFile(path.join(QUERIES, 'actor-ego-network.cypher'), 'embedded', {})).toThrow(/needs --param actor=… \(the actor's id/);
  });
});
