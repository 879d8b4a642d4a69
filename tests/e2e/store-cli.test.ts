// kg load and kg query as a user runs them: idempotent loads that say what they changed, the
// three output formats, parameters, the home folder, and the errors a user meets, each with
// its code and what to do.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markerPath } from '../../src/store/store-marker.ts';
import { FIXTURE_GRAPH } from '../store/conformance.ts';
import { runKg, type CliRun } from '../helpers.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kg-store-cli-'));
const home = path.join(tmp, 'home');
let first: CliRun;
let second: CliRun;

beforeAll(() => {
  first = runKg(['load', FIXTURE_GRAPH, '--home', home]);
  second = runKg(['load', FIXTURE_GRAPH, '--home', home]);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('kg load', () => {
  it('loads a graph document into the embedded store in <home>/db and says what it created', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain(`into the embedded store in ${path.join(home, 'db')}`);
    expect(first.stderr).toMatch(/nodes: 16 created, 0 updated, 0 deleted/);
    expect(first.stderr).toMatch(/relationships: 47 created, 0 updated, 0 deleted/);
    expect(first.stderr).toMatch(/the store holds: Actor 6, Place 3, Event 4, Source 3; ACCUSED 6, CONDEMNED 4, CALLED_ON 1, DENIED 1, OCCURRED_IN 4, PERPETRATED_BY 5, LOCATED_IN 2, PUBLISHED_BY 2, AFFILIATED_WITH 1, MENTIONS 21/);
  });

  it('changes nothing when loaded again', () => {
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/nodes: 0 created, 0 updated, 0 deleted\n\s+relationships: 0 created, 0 updated, 0 deleted/);
  });

  it.each([
    ['a missing document', ['load', path.join(tmp, 'nope.json')], 'E_INPUT_MISSING', /nope\.json does not exist: write one with `kg extract/],
    ['an invalid document', ['load', path.join(tmp, 'bad.json')], 'E_GRAPH_INVALID', /bad\.json: invalid graph document/],
  ])('fails clearly on %s', (_, args, code, message) => {
    writeFileSync(path.join(tmp, 'bad.json'), JSON.stringify({ version: 1, nodes: [{ id: 'actor:x', label: 'Actor' }], edges: [] }));
    const r = runKg(args, { cwd: tmp });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(`[${code}]`);
  });
});

describe('kg query', () => {
  it('prints a table by default, and the row count on stderr', () => {
    const r = runKg(['query', 'MATCH (a:Actor) RETURN a.name AS name, size(a.aliases) AS aliases ORDER BY name LIMIT $n', '--param', 'n=2', '--home', home]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(['name               | aliases', '-------------------+--------', 'Council of Nations |       1', 'General Marek      |       2', ''].join('\n'));
    expect(r.stderr).toBe('2 rows\n');
  });

  it('prints JSON and CSV, with string parameters as given', () => {
    const q = 'MATCH (s:Source)<-[:PUBLISHED_BY]-(x) WHERE x.id = $src RETURN x.title AS title, x.published AS published, x.url AS url';
    const src = JSON.parse(readFileSync(FIXTURE_GRAPH, 'utf8')).nodes.find((n: { title?: string }) => n.title === 'Airstrike on Brin').id as string;
    const json = runKg(['query', q.replace('(s:Source)<-[:PUBLISHED_BY]-(x)', '(x:Source)-[:PUBLISHED_BY]->(s)'), '--param', `src=${src}`, '--home', home, '--format', 'json']);
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([{ title: 'Airstrike on Brin', published: '2021-04-20', url: null }]);
    const csv = runKg(['query', 'MATCH (e:Event) RETURN e.name AS name, e.killedMax AS killedMax ORDER BY name', '--home', home, '--format', 'csv']);
    expect(csv.stdout).toBe(['name,killedMax', 'airstrike in Brin on 2021-04-14,9', 'execution in Brin,', 'shelling in Kessel on 2021-03-02,', 'siege in Kessel,40', ''].join('\r\n'));
  });

  it('runs a query file in the store’s variant, with its defaults, honouring REPORTGRAPH_HOME', () => {
    const r = runKg(['query', '--file', 'cypher/queries/actor-ego-network.cypher', '--param', 'actor=actor:general-marek', '--format', 'json'], { env: { REPORTGRAPH_HOME: home } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/running cypher\/queries\/actor-ego-network\.kuzu\.cypher/);
    // Kuzu may return the union's halves in either order: compare the outgoing half, then the incoming.
    const rows = JSON.parse(r.stdout) as { direction: string; relationship: string; name: string }[];
    const half = (d: string) => rows.filter((x) => x.direction === d).map((x) => `${x.relationship} ${x.name}`);
    expect([...half('out'), ...half('in')]).toEqual(['AFFILIATED_WITH Valdoria', 'PERPETRATED_BY airstrike in Brin on 2021-04-14']);
    expect(rows).toHaveLength(2);
  });

  it.each([
    ['a write', ['query', "MATCH (a:Actor) SET a.name = 'x'"], 'E_QUERY_WRITE', /queries are read-only/],
    ['a syntax error', ['query', 'MATCH (a:Actor RETURN a'], 'E_QUERY_SYNTAX', /not valid Cypher for this store/],
    ['a missing parameter', ['query', '--file', 'cypher/queries/shortest-path.cypher'], 'E_USAGE', /needs --param from=… .* and --param to=…/],
    ['a query and a file at once', ['query', 'RETURN 1', '--file', 'cypher/queries/shortest-path.cypher'], 'E_USAGE', /not both/],
  ])('fails clearly on %s', (_, args, code, message) => {
    const r = runKg([...args, '--home', home]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(`[${code}]`);
  });
});

describe('store errors from the command line', () => {
  it.each([
    ['no store built yet', ['query', 'RETURN 1', '--home', path.join(tmp, 'fresh')], {}, 'E_STORE_DATABASE', /no embedded store in .*fresh\/db: build one with `kg build/],
    ['neo4j without a server address', ['query', 'RETURN 1', '--store', 'neo4j'], { NEO4J_URI: '' }, 'E_USAGE', /set NEO4J_URI/],
    ['neo4j unreachable', ['load', FIXTURE_GRAPH, '--store', 'neo4j'], { NEO4J_URI: 'bolt://127.0.0.1:1' }, 'E_STORE_UNREACHABLE', /cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1/],
  ])('%s', (_, args, env, code, message) => {
    const r = runKg(args, { env: env as NodeJS.ProcessEnv });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(`[${code}]`);
  });

  it('says an older store must be rebuilt, and kg load --rebuild does it', () => {
    const other = path.join(tmp, 'old');
    expect(runKg(['load', FIXTURE_GRAPH, '--home', other]).status).toBe(0);
    writeFileSync(markerPath(path.join(other, 'db')), JSON.stringify({ store: 'reportgraph-embedded', format: 0, graphVersion: 1, kuzuStorageVersion: '39' }));
    const q = runKg(['query', 'MATCH (a:Actor) RETURN count(a) AS n', '--home', other]);
    expect(q.status).toBe(1);
    expect(q.stderr).toMatch(/built by an older version of reportgraph.*kg load --rebuild/s);
    expect(q.stderr).toContain('[E_STORE_VERSION]');
    const rebuilt = runKg(['load', FIXTURE_GRAPH, '--home', other, '--rebuild']);
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stderr).toMatch(/nodes: 16 created/);
  });
});
