// The Neo4j adapter against a recording fake driver: the conformance suite (load, idempotence,
// round trip, deletions) through the fake's emulation of our statements, then the exact
// statements and parameters sent, batching, access modes, value conversions and error messages.
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { GraphDocument, type GraphDocument as Doc } from '../../src/model/schema.ts';
import { CYPHER_DIR, namedStatements, schemaStatements } from '../../src/store/cypher-files.ts';
import { NEO4J_BATCH, neo4jConfig, Neo4jStore, type Neo4jConfig } from '../../src/store/neo4j-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { editedFixture, fixtureGraph, storeConformance } from './conformance.ts';
import { FakeNeo4jDriver, neo4jError, type Call } from './fake-neo4j-driver.ts';

const CONFIG: Neo4jConfig = { uri: 'neo4j://graph.example:7687', user: 'analyst', password: 'secret', database: 'conflict' };
const LOAD = namedStatements(path.join(CYPHER_DIR, 'load.cypher'));
const SCHEMA = schemaStatements(path.join(CYPHER_DIR, 'schema.cypher'));

async function fakeStore(fake = new FakeNeo4jDriver()): Promise<{ fake: FakeNeo4jDriver; store: Neo4jStore }> {
  const store = await Neo4jStore.open(CONFIG, () => fake);
  return { fake, store };
}

storeConformance({
  name: 'neo4j (recording fake driver)',
  runsCypher: false,
  open: async () => (await fakeStore()).store,
});

const byName = (calls: Call[], name: string) => calls.filter((c) => c.name === name);
const FIXTURE = fixtureGraph();
const sourceByTitle = (title: string) => FIXTURE.nodes.find((n) => n.label === 'Source' && n.title === title)!.id;
const S1 = sourceByTitle('Kessel shelled, rights group says');
const S2 = sourceByTitle('Airstrike on Brin');
const S3 = sourceByTitle('Statement on the siege of Kessel');
/** The evidence of the fixture's sentence that opens with these words. */
function sentence(opening: string) {
  for (const e of FIXTURE.edges) for (const ev of e.evidence) if (ev.text.startsWith(opening)) return ev;
  throw new Error(`no sentence ${opening}`);
}

describe('neo4j adapter: statements and parameters', () => {
  it('creates the constraints and indexes of cypher/schema.cypher first, each in a write transaction', async () => {
    const { fake, store } = await fakeStore();
    await store.load(fixtureGraph());
    const schema = fake.calls.filter((c) => c.name === 'schema');
    expect(schema.map((c) => c.query)).toEqual(SCHEMA);
    expect(schema.every((c) => c.via === 'executeWrite' && c.mode === 'WRITE' && c.database === 'conflict')).toBe(true);
    expect(SCHEMA.filter((s) => /CREATE CONSTRAINT \w+ IF NOT EXISTS FOR \(n:(Actor|Place|Event|Source)\) REQUIRE n\.id IS UNIQUE/.test(s))).toHaveLength(4);
    expect(SCHEMA.some((s) => /FULLTEXT INDEX \w+ IF NOT EXISTS FOR \(n:Actor\|Place\|Event\|Source\) ON EACH \[n\.name, n\.aliases\]/.test(s))).toBe(true);
    await store.close();
    expect(fake.closed).toBe(true);
  });

  it('sends each label and type with its named statement from cypher/load.cypher, in model order', async () => {
    const { fake, store } = await fakeStore();
    await store.load(fixtureGraph());
    const upserts = fake.calls.filter((c) => c.name?.startsWith('upsert-')).map((c) => c.name);
    expect(upserts).toEqual(['upsert-Actor', 'upsert-Place', 'upsert-Event', 'upsert-Source', 'upsert-ACCUSED', 'upsert-CONDEMNED', 'upsert-CALLED_ON', 'upsert-DENIED', 'upsert-OCCURRED_IN', 'upsert-PERPETRATED_BY', 'upsert-LOCATED_IN', 'upsert-PUBLISHED_BY', 'upsert-AFFILIATED_WITH', 'upsert-MENTIONS']);
    for (const c of fake.calls.filter((x) => x.name?.startsWith('upsert-'))) {
      expect(c.query).toBe(LOAD.get(c.name!));
      expect([c.via, c.mode, c.database]).toEqual(['executeWrite', 'WRITE', 'conflict']);
    }
    for (const c of fake.calls.filter((x) => /^(ids|keys)-/.test(x.name ?? ''))) expect([c.via, c.mode]).toEqual(['executeRead', 'READ']);
  });

  it('sends node properties without nulls, integers as Neo4j integers and publication dates as Neo4j dates', async () => {
    const { fake, store } = await fakeStore();
    await store.load(fixtureGraph());
    const actors = byName(fake.calls, 'upsert-Actor')[0]!.params.rows as { id: string }[];
    expect(actors.find((a) => a.id === 'actor:valdoria')).toEqual({
      id: 'actor:valdoria',
      props: { id: 'actor:valdoria', name: 'Valdoria', kind: 'state', aliases: ['Valdoria', 'Valdorian forces'], sources: [S2, S1, S3], origin: 'lexicon' },
    });
    const events = byName(fake.calls, 'upsert-Event')[0]!.params.rows as { id: string; props: Record<string, unknown> }[];
    const shelling = events.find((e) => e.props.eventType === 'shelling')!.props;
    expect(shelling.killedMin).toEqual(neo4j.int(12));
    expect(neo4j.isInt(shelling.killedMin)).toBe(true);
    expect('killedMax' in shelling).toBe(false);
    expect('placeQualifier' in shelling).toBe(false);
    expect(shelling.evidenceStart).toEqual([neo4j.int(0), neo4j.int(79)]);
    expect(shelling.evidenceAttributedTo).toEqual(['', '']);
    const sources = byName(fake.calls, 'upsert-Source')[0]!.params.rows as { props: Record<string, unknown> }[];
    const dated = sources.find((s) => s.props.title === 'Kessel shelled, rights group says')!.props;
    expect(neo4j.isDate(dated.published)).toBe(true);
    expect(String(dated.published)).toBe('2021-03-05');
    expect('url' in dated).toBe(false);
    const kessel = (byName(fake.calls, 'upsert-Place')[0]!.params.rows as { props: Record<string, unknown> }[]).find((p) => p.props.name === 'Kessel')!.props;
    expect(kessel.lat).toBe(47.1234);
    expect(neo4j.isInt(kessel.lat)).toBe(false);
  });

  it('sends one claim row per sentence, keyed by its evidence, dated by the sentence or else the report', async () => {
    const { fake, store } = await fakeStore();
    await store.load(fixtureGraph());
    const rows = byName(fake.calls, 'upsert-ACCUSED')[0]!.params.rows as { from: string; to: string; key: string; props: Record<string, unknown> }[];
    const key = (opening: string) => {
      const e = sentence(opening);
      return `${e.source}@${e.start}-${e.end}`;
    };
    expect(rows.map((r) => [r.from, r.to, r.key, r.props.date, r.props.evidenceDate ?? null])).toEqual([
      ['actor:ostrava-front', 'actor:valdoria', key('The Ostrava Front accused'), '2021-04-20', null],
      ['actor:rights-watch-north', 'actor:valdoria', key('In April'), '2021-04', '2021-04'],
      ['actor:rights-watch-north', 'actor:valdoria', key('Rights Watch North accused'), '2021-03-02', '2021-03-02'],
      ['actor:valdoria', 'actor:ostrava-front', key('Valdoria accused the Ostrava'), '2021-04-20', null],
      ['actor:valdoria', 'actor:ostrava-front', key('Valdoria denied'), '2021-03-05', null],
      ['actor:valdoria', 'actor:rights-watch-north', key('Valdoria accused Rights'), '2020', '2020'],
    ]);
    const first = sentence('The Ostrava Front accused');
    expect(rows[0]!.props).toEqual({
      key: key('The Ostrava Front accused'),
      source: S2,
      text: 'The Ostrava Front accused Valdoria of war crimes.',
      start: neo4j.int(first.start),
      end: neo4j.int(first.end),
      rule: 'cue:accuse',
      date: '2021-04-20',
    });
    const mentions = byName(fake.calls, 'upsert-MENTIONS')[0]!.params.rows as unknown[];
    expect(mentions).toContainEqual({ from: S1, to: 'actor:river-news', key: '', props: {} });
    expect(mentions).toHaveLength(21);
  });

  it('writes in batches of NEO4J_BATCH rows', async () => {
    const n = NEO4J_BATCH * 2 + 7;
    const nodes = Array.from({ length: n }, (_, i) => ({ id: `actor:a${String(i).padStart(5, '0')}`, label: 'Actor' as const, name: `A${i}`, kind: 'other' as const, aliases: [], sources: [], origin: 'discovered' as const }));
    const doc: Doc = GraphDocument.parse({ version: 1, nodes, edges: [] });
    const { fake, store } = await fakeStore();
    const stats = await store.load(doc);
    expect(byName(fake.calls, 'upsert-Actor').map((c) => (c.params.rows as unknown[]).length)).toEqual([NEO4J_BATCH, NEO4J_BATCH, 7]);
    expect(stats.nodesCreated).toBe(n);
  });

  it('deletes only what the document no longer has; a deleted node takes its relationships with it', async () => {
    const { fake, store } = await fakeStore();
    await store.load(fixtureGraph());
    fake.calls.length = 0;
    await store.load(editedFixture());
    const deletes = fake.calls.filter((c) => c.name?.startsWith('delete-'));
    expect(deletes.map((c) => [c.name, c.params])).toEqual([
      ['delete-ACCUSED', { rows: [{ from: 'actor:rights-watch-north', to: 'actor:valdoria', key: `${S1}@0-${sentence('Rights Watch North accused').end}` }] }],
      ['delete-Actor', { ids: ['actor:river-news'] }],
    ]);
  });

  it('sends nothing but MERGEs that match when the same document is loaded twice', async () => {
    const { fake, store } = await fakeStore();
    await store.load(fixtureGraph());
    fake.calls.length = 0;
    const stats = await store.load(fixtureGraph());
    expect(fake.calls.some((c) => c.name?.startsWith('delete-'))).toBe(false);
    expect(stats).toMatchObject({ nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 });
  });
});

describe('neo4j adapter: queries', () => {
  it('runs in READ access mode with parameters typed for Neo4j, and converts every kind of value', async () => {
    const fake = new FakeNeo4jDriver();
    const { store } = await fakeStore(fake);
    await store.load(fixtureGraph());
    const valdoria = fake.node(fake.nodes.get('actor:valdoria')!);
    const marek = fake.node(fake.nodes.get('actor:general-marek')!);
    const affiliated = fake.rels.find((r) => r.type === 'AFFILIATED_WITH')!;
    const rel = fake.rel(affiliated);
    fake.onQuery = () => [
      {
        node: valdoria,
        rel,
        path: new neo4j.types.Path(marek, valdoria, [new neo4j.types.PathSegment(marek, rel, valdoria)]),
        small: neo4j.int(42),
        huge: neo4j.int('9007199254740993'),
        day: new neo4j.types.Date(neo4j.int(2021), neo4j.int(3), neo4j.int(5)),
        when: new neo4j.types.DateTime(neo4j.int(2021), neo4j.int(3), neo4j.int(5), neo4j.int(10), neo4j.int(0), neo4j.int(0), neo4j.int(0), neo4j.int(0)),
        list: [neo4j.int(1), 'two', null],
        map: { n: neo4j.int(3) },
        none: null,
      },
    ];
    const r = await store.query('MATCH (n) RETURN *', { limit: 5, share: 0.5, ids: [1, 2], name: 'x' });
    const call = fake.calls.find((c) => c.query === 'MATCH (n) RETURN *')!;
    expect([call.via, call.mode]).toEqual(['executeRead', 'READ']);
    expect(call.params).toEqual({ limit: neo4j.int(5), share: 0.5, ids: [neo4j.int(1), neo4j.int(2)], name: 'x' });
    const row = r.rows[0]!;
    expect(row.node).toMatchObject({ $type: 'node', id: 'actor:valdoria', label: 'Actor', properties: { name: 'Valdoria', kind: 'state' } });
    expect(row.rel).toEqual({ $type: 'relationship', type: 'AFFILIATED_WITH', from: 'actor:general-marek', to: 'actor:valdoria', properties: expect.objectContaining({ evidenceStart: [sentence('General Marek of').start], evidenceText: [sentence('General Marek of').text] }) });
    expect(row.path).toMatchObject({ $type: 'path', nodes: [{ id: 'actor:general-marek' }, { id: 'actor:valdoria' }], relationships: [{ type: 'AFFILIATED_WITH', from: 'actor:general-marek', to: 'actor:valdoria' }] });
    expect([row.small, row.huge, row.day, row.when, row.list, row.map, row.none]).toEqual([42, '9007199254740993', '2021-03-05', '2021-03-05T10:00:00Z', [1, 'two', null], { n: 3 }, null]);
  });

  it('resolves relationship ends it was not given with one element-id lookup in the same transaction', async () => {
    const fake = new FakeNeo4jDriver();
    const { store } = await fakeStore(fake);
    await store.load(fixtureGraph());
    const rel = fake.rel(fake.rels.find((x) => x.type === 'CALLED_ON')!);
    fake.onQuery = () => [{ r: rel }];
    fake.calls.length = 0;
    const r = await store.query('MATCH ()-[r:CALLED_ON]->() RETURN r');
    expect(r.rows[0]!.r).toMatchObject({ from: 'actor:rights-watch-north', to: 'actor:council-of-nations' });
    expect(fake.calls.map((c) => [c.query.split(' WHERE ')[0], c.via])).toEqual([
      ['MATCH ()-[r:CALLED_ON]->() RETURN r', 'executeRead'],
      ['MATCH (n)', 'executeRead'],
    ]);
    expect(fake.calls[1]!.params).toEqual({ ids: [rel.startNodeElementId, rel.endNodeElementId] });
  });

  it('uses a write transaction only when asked to write, and cuts at maxRows', async () => {
    const { fake, store } = await fakeStore();
    fake.onQuery = () => [{ n: neo4j.int(1) }, { n: neo4j.int(2) }, { n: neo4j.int(3) }];
    const r = await store.query('UNWIND [1,2,3] AS n RETURN n', {}, { maxRows: 2 });
    expect(r).toEqual({ columns: ['n'], rows: [{ n: 1 }, { n: 2 }], truncated: true });
    await store.query('CREATE (x:Note) RETURN 1 AS n', {}, { write: true });
    expect(fake.calls.at(-1)).toMatchObject({ via: 'executeWrite', mode: 'WRITE' });
  });
});

describe('neo4j adapter: errors a user meets', () => {
  it.each([
    ['the server is down', 'ServiceUnavailable', 'Could not perform discovery. No routing servers available.', 'E_STORE_UNREACHABLE', /cannot reach Neo4j at neo4j:\/\/graph\.example:7687.*NEO4J_URI/],
    ['the password is wrong', 'Neo.ClientError.Security.Unauthorized', 'The client is unauthorized due to authentication failure.', 'E_STORE_AUTH', /refused user "analyst".*NEO4J_USER and NEO4J_PASSWORD/],
    ['the database does not exist', 'Neo.ClientError.Database.DatabaseNotFound', 'Database does not exist. Database name: conflict.', 'E_STORE_DATABASE', /no database "conflict".*CREATE DATABASE.*NEO4J_DATABASE/],
  ])('when %s, opening fails with a message saying what to do', async (_, code, message, want, text) => {
    const fake = new FakeNeo4jDriver();
    fake.connectError = neo4jError(code, message);
    await expect(Neo4jStore.open(CONFIG, () => fake)).rejects.toMatchObject({ code: want, message: expect.stringMatching(text) });
    expect(fake.closed).toBe(true);
  });

  it.each([
    ['a syntax error', 'Neo.ClientError.Statement.SyntaxError', "Invalid input 'RETRN'", 'E_QUERY_SYNTAX'],
    ['a write in a read transaction', 'Neo.ClientError.Statement.AccessMode', 'Writing in read access mode not allowed.', 'E_QUERY_WRITE'],
    ['a missing parameter', 'Neo.ClientError.Statement.ParameterMissing', 'Expected parameter(s): actor', 'E_USAGE'],
    ['a timeout', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'The transaction has been terminated.', 'E_QUERY_FAILED'],
    ['a lost connection', 'ServiceUnavailable', 'Connection was closed by server', 'E_STORE_UNREACHABLE'],
  ])('a query that meets %s fails with its code', async (_, code, message, want) => {
    const { fake, store } = await fakeStore();
    fake.onQuery = () => {
      throw neo4jError(code, message);
    };
    await expect(store.query('MATCH (n) RETURN n')).rejects.toMatchObject({ code: want });
  });

  it('names an address that is not a Neo4j one', async () => {
    await expect(Neo4jStore.open({ ...CONFIG, uri: 'http://localhost:7474' })).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringMatching(/not a Neo4j address.*neo4j:\/\//) });
  });

  it('reports a real refused connection as unreachable (real driver, closed port)', async () => {
    await expect(Neo4jStore.open({ ...CONFIG, uri: 'bolt://127.0.0.1:1' })).rejects.toMatchObject({ code: 'E_STORE_UNREACHABLE', message: expect.stringMatching(/ECONNREFUSED|Failed to connect/) });
  });
});

describe('neo4j settings', () => {
  it('reads NEO4J_* variables, flags win, user and database have defaults', () => {
    expect(neo4jConfig({}, { NEO4J_URI: 'neo4j://h:7687', NEO4J_PASSWORD: 'p' })).toEqual({ uri: 'neo4j://h:7687', user: 'neo4j', password: 'p', database: 'neo4j' });
    expect(neo4jConfig({ database: 'reports', user: 'me' }, { NEO4J_URI: 'neo4j://h:7687', NEO4J_USER: 'u', NEO4J_DATABASE: 'd' })).toMatchObject({ user: 'me', database: 'reports' });
  });

  it('asks for a server address when there is none', async () => {
    expect(() => neo4jConfig({}, {})).toThrow(/set NEO4J_URI/);
    await expect(openStore({ kind: 'neo4j', home: '/nowhere', readOnly: true, env: {} })).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(openStore({ kind: 'neo4j', home: '/nowhere', readOnly: false, rebuild: true, env: {} })).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringMatching(/embedded store only/) });
  });
});
