// Faults lose nothing and duplicate nothing: a kg load killed midway completes on the next run;
// a Neo4j that drops the connection mid-batch is retried, and when it stays down the load fails
// with a clear error and the next load completes.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeGraph } from '../../src/model/serialize.ts';
import { canonicalGraph } from '../../src/store/graph-rows.ts';
import type { GraphDocument } from '../../src/model/schema.ts';
import { KuzuStore } from '../../src/store/kuzu-store.ts';
import { Neo4jStore, setNeo4jRetryDelay, NEO4J_BATCH_ATTEMPTS } from '../../src/store/neo4j-store.ts';
import { ReportGraphError } from '../../src/errors.ts';
import { enlargeGraph } from '../../scripts/bench/enlarge-graph.ts';
import { fixtureGraph } from '../store/conformance.ts';
import { FakeNeo4jDriver, neo4jError } from '../store/fake-neo4j-driver.ts';
import { ROOT } from '../helpers.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kg-faults-'));
  setNeo4jRetryDelay(1);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** kg in a child process, awaited without blocking the event loop. */
function runKgAsync(args: string[]): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/kg.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr })));
}

const dropped = () => neo4jError(neo4j.error.SERVICE_UNAVAILABLE, 'Connection was closed by server');
/** What a store gives back for a document (absent evidence dates as null, lists sorted). */
const sorted = (doc: GraphDocument) => serializeGraph(canonicalGraph(doc));

describe('a kg load killed midway (embedded)', () => {
  it('completes on the next run with no duplicate and no loss', async () => {
    const doc = enlargeGraph(fixtureGraph(), 3000);
    const file = path.join(dir, 'big.json');
    await writeFile(file, serializeGraph(doc));
    const home = path.join(dir, 'killed');
    // Kill the load as soon as it says it has started writing, and make sure it really was mid-load.
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/kg.js'), 'load', file, '--home', home], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (/kg load: /.test(stderr)) setTimeout(resolve, 1200);
      });
      child.on('exit', () => resolve());
    });
    child.kill('SIGKILL');
    const end = await exited;
    expect(end.signal, `the load finished before it could be killed; stderr: ${stderr}`).toBe('SIGKILL');
    expect(stderr).not.toMatch(/the store holds/);

    // The next run is the real command line again, on the store the killed one left behind.
    const next = await runKgAsync(['load', file, '--home', home]);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/the store holds: /);
    const store = await KuzuStore.open({ home, readOnly: false });
    try {
      expect(sorted(await store.readGraph())).toBe(sorted(doc));
      const again = await store.load(doc);
      expect(again).toEqual({ nodesCreated: 0, nodesUpdated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsUpdated: 0, relationshipsDeleted: 0 });
    } finally {
      await store.close();
    }
  }, 240_000);
});

describe('a kg load killed midway through a re-load (embedded)', () => {
  it('leaves the store it was replacing whole and readable, and the next run completes', async () => {
    const home = path.join(dir, 'killed-reload');
    const before = fixtureGraph();
    const first = await KuzuStore.open({ home, readOnly: false });
    try {
      await first.load(before);
    } finally {
      await first.close();
    }
    const doc = enlargeGraph(fixtureGraph(), 3000);
    const file = path.join(dir, 'big-reload.json');
    await writeFile(file, serializeGraph(doc));
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/kg.js'), 'load', file, '--home', home], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const exited = new Promise<{ signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (_, signal) => resolve({ signal })));
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (/kg load: /.test(stderr)) setTimeout(resolve, 1500);
      });
      child.on('exit', () => resolve());
    });
    child.kill('SIGKILL');
    expect((await exited).signal, `the re-load finished before it could be killed; stderr: ${stderr}`).toBe('SIGKILL');

    const reader = await KuzuStore.open({ home, readOnly: true });
    try {
      expect(sorted(await reader.readGraph())).toBe(sorted(before));
    } finally {
      await reader.close();
    }
    const next = await runKgAsync(['load', file, '--home', home]);
    expect(next.status, next.stderr).toBe(0);
    const store = await KuzuStore.open({ home, readOnly: true });
    try {
      expect(sorted(await store.readGraph())).toBe(sorted(doc));
    } finally {
      await store.close();
    }
  }, 240_000);
});

describe('a Neo4j connection dropped mid-load (recording fake driver)', () => {
  const CONFIG = { uri: 'neo4j://graph.example:7687', user: 'analyst', password: 'not-in-any-message', database: 'conflict' };

  it.each([
    ['ServiceUnavailable', dropped],
    ['SessionExpired', () => neo4jError(neo4j.error.SESSION_EXPIRED, 'Connection to the cluster member was lost')],
  ])('retries the batch on a new session and loads everything once (%s)', async (_, drop) => {
    const fake = new FakeNeo4jDriver();
    fake.failWrite = (nth) => (nth === 3 || nth === 4 ? drop() : null);
    const store = await Neo4jStore.open(CONFIG, () => fake);
    const retries: string[] = [];
    const doc = fixtureGraph();
    await store.load(doc, { onRetry: (m) => retries.push(m) });
    expect(retries).toHaveLength(2);
    expect(retries[0]).toMatch(/a write batch failed \(Connection .+\); trying again \(2 of \d\)/);
    expect(sorted(await store.readGraph())).toBe(sorted(doc));
    fake.failWrite = null;
    const again = await store.load(doc);
    expect(again.nodesCreated + again.relationshipsCreated + again.nodesDeleted + again.relationshipsDeleted).toBe(0);
  });

  it('gives up with a clear error when the server stays away, and the next load completes', async () => {
    const fake = new FakeNeo4jDriver();
    fake.failWrite = (nth) => (nth >= 2 ? dropped() : null);
    const store = await Neo4jStore.open(CONFIG, () => fake);
    const doc = fixtureGraph();
    const err = await store.load(doc).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(ReportGraphError);
    expect(String((err as Error).message)).toMatch(/Neo4j|neo4j/);
    expect(String((err as Error).message)).not.toContain(CONFIG.password);
    // Exactly NEO4J_BATCH_ATTEMPTS tries of the failing batch, then nothing more was sent.
    const failingBatch = fake.writes().slice(1);
    expect(failingBatch).toHaveLength(NEO4J_BATCH_ATTEMPTS);
    fake.failWrite = null;
    await store.load(doc);
    expect(sorted(await store.readGraph())).toBe(sorted(doc));
  });

  it('after a load killed midway (batches written, then nothing), a new process completes it with no duplicate', async () => {
    const doc = enlargeGraph(fixtureGraph(), 200);
    // What the database holds after one clean load, to compare with.
    const clean = new FakeNeo4jDriver();
    const cleanStore = await Neo4jStore.open(CONFIG, () => clean);
    await cleanStore.load(doc);
    const cleanCounts = await cleanStore.counts();

    const fake = new FakeNeo4jDriver();
    // The process dies on the 4th batch: the three before it are committed, nothing after is sent.
    fake.failWrite = (nth) => (nth >= 4 ? new Error('the process was killed') : null);
    const first = await Neo4jStore.open(CONFIG, () => fake);
    await first.load(doc).then(() => expect.fail('the first load should have died'), () => undefined);
    expect(fake.writes().length).toBeGreaterThanOrEqual(4);
    expect(fake.nodes.size).toBeGreaterThan(0);
    expect(fake.nodes.size + fake.rels.length).toBeLessThan(clean.nodes.size + clean.rels.length);

    fake.failWrite = null;
    const next = await Neo4jStore.open(CONFIG, () => fake);
    await next.load(doc);
    expect(sorted(await next.readGraph())).toBe(sorted(doc));
    expect(await next.counts()).toEqual(cleanCounts);
    const keys = fake.rels.map((r) => JSON.stringify([r.type, r.from, r.to, r.props.key ?? null]));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('does not retry an error that is not transient', async () => {
    const fake = new FakeNeo4jDriver();
    fake.failWrite = (nth) => (nth === 1 ? neo4jError('Neo.ClientError.Statement.SyntaxError', 'Invalid input') : null);
    const store = await Neo4jStore.open(CONFIG, () => fake);
    const retries: string[] = [];
    await expect(store.load(fixtureGraph(), { onRetry: (m) => retries.push(m) })).rejects.toThrow();
    expect(retries).toHaveLength(0);
  });
});
