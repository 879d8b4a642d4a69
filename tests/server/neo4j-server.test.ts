// `kg serve --store neo4j` through the Neo4j adapter on the recording fake driver: the viewer's
// graph comes from the server's database, a Cypher box query runs in a READ transaction, and a
// refused query never reaches Neo4j at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ReportGraphServer } from '../../src/server/http-server.ts';
import { Neo4jStore } from '../../src/store/neo4j-store.ts';
import { fixtureGraph } from '../store/conformance.ts';
import { FakeNeo4jDriver } from '../store/fake-neo4j-driver.ts';
import { getJson, postJson } from './sample-server.ts';

const fake = new FakeNeo4jDriver();
let store: Neo4jStore;
let app: ReportGraphServer;

beforeAll(async () => {
  store = await Neo4jStore.open({ uri: 'neo4j://graph.example:7687', user: 'analyst', password: 'pw-neo4j-9', database: 'conflict' }, () => fake);
  await store.load(fixtureGraph());
  app = await startServer({ store, doc: await store.readGraph(), viewerDir: null, secrets: ['pw-neo4j-9'], port: 0, limits: { maxRows: 7, queryTimeoutMs: 1234 } });
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

describe('the server over Neo4j', () => {
  it('serves the graph the database holds', async () => {
    const { body } = await getJson(app.url, '/api/graph');
    expect(body.nodes.map((n: any) => n.key).sort()).toEqual(fixtureGraph().nodes.map((n) => n.id).sort());
  });

  it('runs a Cypher box query in a READ transaction, drawing what it returns', async () => {
    const rel = fake.rel(fake.rels.find((x) => x.type === 'CALLED_ON')!);
    fake.onQuery = (query) => (query.startsWith('MATCH (a:Actor)') ? [{ r: rel }] : []);
    fake.calls.length = 0;
    const { status, body } = await postJson(app.url, '/api/query', { query: 'MATCH (a:Actor)-[r:CALLED_ON]->(b:Actor) RETURN r' });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.edges).toEqual(['CALLED_ON:actor:rights-watch-north->actor:council-of-nations']);
    const call = fake.calls.find((c) => c.query.startsWith('MATCH (a:Actor)'))!;
    expect([call.via, call.mode]).toEqual(['executeRead', 'READ']);
    expect(fake.calls.every((c) => c.mode === 'READ')).toBe(true);
  });

  it.each(["MERGE (a:Actor {id: 'x'})", "CALL apoc.load.json('http://example.com')", "LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r", 'CALL dbms.killQueries([])'])(
    'never sends %s to Neo4j',
    async (query) => {
      fake.calls.length = 0;
      const { status, body } = await postJson(app.url, '/api/query', { query });
      expect(status).toBe(403);
      expect(body.error.code).toBe('E_QUERY_WRITE');
      expect(fake.calls).toEqual([]);
    },
  );
});
