// The Neo4j adapter against a real server, when NEO4J_URI is set (with NEO4J_USER,
// NEO4J_PASSWORD and NEO4J_DATABASE): the conformance suite, loading twice, and every query in
// cypher/queries/ with its worked answer on the fixture. It empties reportgraph's labels in that
// database first: point it at a database for testing. Without NEO4J_URI it says so and skips.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CYPHER_DIR, prepareQueryFile } from '../../src/store/cypher-files.ts';
import { neo4jConfig, Neo4jStore } from '../../src/store/neo4j-store.ts';
import type { GraphStore } from '../../src/store/types.ts';
import { expectedCounts, fixtureGraph, storeConformance } from './conformance.ts';
import { FIXTURE_CASES, SHORTEST_PATH_CASES } from './fixture-answers.ts';
import { sortRows } from './query-answers.ts';

const LIVE = !!process.env.NEO4J_URI;
const EMPTY = { version: 1 as const, nodes: [], edges: [] };

/** A live store with none of reportgraph's nodes left in it (a load of the empty document deletes them). */
async function emptyLiveStore(): Promise<GraphStore> {
  const store = await Neo4jStore.open(neo4jConfig());
  await store.load(EMPTY);
  return store;
}

describe.skipIf(!LIVE)('Neo4j live', () => {
  storeConformance({ name: `neo4j live (${process.env.NEO4J_URI})`, runsCypher: true, open: emptyLiveStore });

  describe('queries on the fixture', () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await emptyLiveStore();
      await store.load(fixtureGraph());
    });
    afterAll(async () => {
      await store?.load(EMPTY);
      await store?.close();
    });

    it('loads twice with the counts unchanged', async () => {
      const stats = await store.load(fixtureGraph());
      expect(stats).toMatchObject({ nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 });
      expect(await store.counts()).toEqual(expectedCounts(fixtureGraph()));
    });

    it.each(FIXTURE_CASES.map((c) => [`${c.name} ${JSON.stringify(c.params)}`, c] as const))('%s gives the worked answer', async (_, c) => {
      const q = prepareQueryFile(path.join(CYPHER_DIR, 'queries', `${c.name}.cypher`), 'neo4j', c.params);
      const { rows } = await store.query(q.text, q.params);
      expect(c.ordered ? rows : sortRows(rows, c.sortBy!)).toEqual(c.rows);
    });

    it.each(SHORTEST_PATH_CASES.map((c) => [`${c.params.from} to ${c.params.to}`, c] as const))('shortest-path from %s', async (_, c) => {
      const q = prepareQueryFile(path.join(CYPHER_DIR, 'queries', 'shortest-path.cypher'), 'neo4j', c.params);
      const { rows } = await store.query(q.text, q.params);
      if (c.hops === null) return expect(rows).toEqual([]);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ hops: c.hops, names: c.names });
      expect((rows[0]!.relationships as string[])[0]).toBe(c.first);
    });
  });
});

if (!LIVE) console.log('Neo4j live suite skipped: NEO4J_URI is not set (set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE to run it against a server)');

describe.runIf(!LIVE)('Neo4j live (skipped)', () => {
  it.skip('NEO4J_URI is not set: set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD (and NEO4J_DATABASE, a database for testing) to run the live Neo4j suite', () => {});
});
