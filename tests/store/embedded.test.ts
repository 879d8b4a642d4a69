// The embedded (Kuzu) store: the conformance suite for real, then what only it has: a read-only
// database, the version marker, one writing process at a time, and guards for what Kuzu cannot do.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDbPaths, KuzuStore } from '../../src/store/kuzu-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { markerPath } from '../../src/store/store-marker.ts';
import { canonicalGraph, toStoredRows } from '../../src/store/graph-rows.ts';
import { planLoad } from '../../src/store/load-plan.ts';
import { loadLexicon } from '../../src/lexicon/load-lexicon.ts';
import { extractInputs } from '../../src/pipeline.ts';
import { ROOT } from '../helpers.ts';
import { fixtureGraph, storeConformance } from './conformance.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kg-embedded-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

storeConformance({
  name: 'embedded (Kuzu)',
  runsCypher: true,
  open: () => KuzuStore.open({ home: path.join(tmp, 'conformance'), readOnly: false }),
});

describe('embedded store specifics', () => {
  const home = path.join(tmp, 'specifics');
  const { dir, file } = embeddedDbPaths(home);

  beforeAll(async () => {
    const s = await openStore({ kind: 'embedded', home, readOnly: false });
    await s.load(fixtureGraph());
    await s.close();
  });

  it('lives in <home>/db with a version marker beside the database', () => {
    expect(file).toBe(path.join(home, 'db', 'graph.kuzu'));
    expect(JSON.parse(readFileSync(markerPath(dir), 'utf8'))).toMatchObject({ store: 'reportgraph-embedded', format: 1, graphVersion: 1 });
  });

  it('opens read-only for queries, and refuses to load there', async () => {
    const s = await openStore({ kind: 'embedded', home, readOnly: true });
    try {
      expect(await s.readGraph()).toEqual(canonicalGraph(fixtureGraph()));
      await expect(s.load(fixtureGraph())).rejects.toMatchObject({ code: 'E_USAGE' });
      await expect(s.query("CREATE (a:Actor {id: 'actor:x'})")).rejects.toMatchObject({ code: 'E_QUERY_WRITE' });
    } finally {
      await s.close();
    }
  });

  it('says there is no store yet when a query comes before any load', async () => {
    await expect(openStore({ kind: 'embedded', home: path.join(tmp, 'nothing-here'), readOnly: true })).rejects.toMatchObject({
      code: 'E_STORE_DATABASE',
      message: expect.stringMatching(/no embedded store in .*kg build/),
    });
  });

  it.each([
    ['no marker', null, /older version of reportgraph \(it has no store.json/],
    ['an older store format', { store: 'reportgraph-embedded', format: 0, graphVersion: 1, kuzuStorageVersion: 'x' }, /older version of reportgraph \(store format 0/],
    ['a newer store format', { store: 'reportgraph-embedded', format: 99, graphVersion: 1, kuzuStorageVersion: 'x' }, /newer version of reportgraph/],
    ['another Kuzu storage format', { store: 'reportgraph-embedded', format: 1, graphVersion: 1, kuzuStorageVersion: '1' }, /another Kuzu storage format/],
  ])('refuses a store with %s, saying how to rebuild it', async (_, marker, message) => {
    const saved = readFileSync(markerPath(dir), 'utf8');
    try {
      if (marker) writeFileSync(markerPath(dir), JSON.stringify(marker));
      else rmSync(markerPath(dir));
      const err = await openStore({ kind: 'embedded', home, readOnly: true }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toMatchObject({ code: 'E_STORE_VERSION', message: expect.stringMatching(message) });
      expect((err as Error).message).toMatch(/kg load --rebuild/);
    } finally {
      writeFileSync(markerPath(dir), saved);
    }
  });

  it('a first load (rows streamed into one COPY per table) stores what a load over another graph stores, with the counts of the plan', async () => {
    const { graph } = await extractInputs([path.join(ROOT, 'data/reports')], await loadLexicon());
    const fresh = await openStore({ kind: 'embedded', home: path.join(tmp, 'first-load'), readOnly: false });
    const over = await openStore({ kind: 'embedded', home: path.join(tmp, 'load-over'), readOnly: false });
    try {
      const stats = await fresh.load(graph);
      expect(stats).toEqual(planLoad({ nodes: [], rels: [] }, toStoredRows(graph)).stats);
      expect(stats.relationshipsCreated).toBeGreaterThan(graph.edges.length); // one row per claim sentence and per MENTIONS
      await over.load(fixtureGraph());
      await over.load(graph);
      const stored = await fresh.readGraph();
      expect(stored).toEqual(canonicalGraph(graph));
      expect(await over.readGraph()).toEqual(stored);
      expect(await fresh.counts()).toEqual(await over.counts());
      expect(await fresh.load(graph)).toMatchObject({ nodesCreated: 0, nodesUpdated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });
    } finally {
      await fresh.close();
      await over.close();
    }
  });

  it('a re-load after a small change (some reports added, then removed) stores what a fresh load stores, both ways', async () => {
    const lexicon = await loadLexicon();
    const reports = path.join(ROOT, 'data/reports');
    const files = readdirSync(reports).filter((f) => !f.startsWith('.') && f !== 'README.md').sort();
    const all = (await extractInputs([reports], lexicon)).graph;
    const fewer = (await extractInputs(files.slice(1).map((f) => path.join(reports, f)), lexicon)).graph;
    const s = await KuzuStore.open({ home: path.join(tmp, 'small-change'), readOnly: false });
    try {
      await s.load(fewer);
      const grown = await s.load(all);
      expect(grown.nodesCreated).toBeGreaterThan(0);
      expect(grown.relationshipsCreated).toBeGreaterThan(0);
      expect(await s.readGraph()).toEqual(canonicalGraph(all));
      const shrunk = await s.load(fewer);
      expect(shrunk.nodesDeleted + shrunk.relationshipsDeleted).toBeGreaterThan(0);
      expect(await s.readGraph()).toEqual(canonicalGraph(fewer));
      await s.load(all);
      expect(await s.readGraph()).toEqual(canonicalGraph(all));
      expect(await s.load(all)).toMatchObject({ nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });
      // count(r) too: Kuzu's deletes in a filled store left deleted relationships counted.
      const fresh = await KuzuStore.open({ home: path.join(tmp, 'small-change-fresh'), readOnly: false });
      try {
        await fresh.load(all);
        expect(await s.counts()).toEqual(await fresh.counts());
      } finally {
        await fresh.close();
      }
    } finally {
      await s.close();
    }
  });

  it('re-loads in a new process each time stay exact, count(r) included, and leave no side build or log behind', async () => {
    const lexicon = await loadLexicon();
    const reports = path.join(ROOT, 'data/reports');
    const files = readdirSync(reports).filter((f) => !f.startsWith('.') && f !== 'README.md').sort();
    const all = (await extractInputs([reports], lexicon)).graph;
    const docs = [all];
    for (let i = 0; i < 3; i++) docs.push((await extractInputs(files.filter((_, j) => j !== i).map((f) => path.join(reports, f)), lexicon)).graph, all);
    const home = path.join(tmp, 'sessions');
    const { dir: db } = embeddedDbPaths(home);
    mkdirSync(`${db}.next`, { recursive: true });
    writeFileSync(path.join(`${db}.next`, 'graph.kuzu'), 'what a killed re-load left');
    for (const doc of docs) {
      const s = await KuzuStore.open({ home, readOnly: false });
      try {
        await s.load(doc);
      } finally {
        await s.close();
      }
      const rows = toStoredRows(doc);
      const want: Record<string, number> = {};
      for (const n of rows.nodes) want[n.label] = (want[n.label] ?? 0) + 1;
      for (const r of rows.rels) want[r.type] = (want[r.type] ?? 0) + 1;
      const reader = await KuzuStore.open({ home, readOnly: true });
      try {
        expect(await reader.readGraph()).toEqual(canonicalGraph(doc));
        const { nodes, relationships } = await reader.counts();
        for (const [name, n] of Object.entries({ ...nodes, ...relationships })) expect(n, name).toBe(want[name] ?? 0);
      } finally {
        await reader.close();
      }
      expect(existsSync(`${db}.next`)).toBe(false);
      expect(existsSync(path.join(db, 'graph.kuzu.wal'))).toBe(false);
    }
  });

  it('plans a re-load from digests of what it loaded; a write query drops them, and stale ones are noticed by their counts', async () => {
    const lexicon = await loadLexicon();
    const reports = path.join(ROOT, 'data/reports');
    const files = readdirSync(reports).filter((f) => !f.startsWith('.') && f !== 'README.md').sort();
    const all = (await extractInputs([reports], lexicon)).graph;
    const fewer = (await extractInputs(files.slice(1).map((f) => path.join(reports, f)), lexicon)).graph;
    const home = path.join(tmp, 'digests');
    const digests = path.join(embeddedDbPaths(home).dir, 'loaded-rows.jsonl');
    const s = await KuzuStore.open({ home, readOnly: false });
    try {
      await s.load(fewer);
      expect(existsSync(digests)).toBe(true);
      await s.load(all);
      expect(await s.readGraph()).toEqual(canonicalGraph(all));
      const saved = readFileSync(digests, 'utf8');
      await s.query('MATCH (n:Source) WITH n ORDER BY n.id LIMIT 1 DETACH DELETE n', {}, { write: true });
      expect(existsSync(digests)).toBe(false);
      writeFileSync(digests, saved); // digests that no longer match the store
      const stats = await s.load(all);
      expect(stats.nodesCreated).toBeGreaterThan(0); // the deleted Source came back
      expect(await s.readGraph()).toEqual(canonicalGraph(all));
      expect(await s.load(all)).toMatchObject({ nodesCreated: 0, nodesUpdated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });
    } finally {
      await s.close();
    }
  });

  it('rebuilds from scratch with rebuild: true', async () => {
    const other = path.join(tmp, 'rebuild');
    const first = await openStore({ kind: 'embedded', home: other, readOnly: false });
    await first.load(fixtureGraph());
    await first.close();
    writeFileSync(markerPath(embeddedDbPaths(other).dir), '{}');
    const s = await openStore({ kind: 'embedded', home: other, readOnly: false, rebuild: true });
    try {
      expect((await s.load(fixtureGraph())).nodesCreated).toBe(fixtureGraph().nodes.length);
    } finally {
      await s.close();
    }
  });

  it('refuses a second process with E_STORE_LOCKED while one writes', async () => {
    // Another process opens the store for writing and holds it until told to stop.
    const holder = spawn(process.execPath, ['--import', 'tsx', '-e', `
      const { KuzuStore } = await import(${JSON.stringify(path.join(ROOT, 'src/store/kuzu-store.ts'))});
      const s = await KuzuStore.open({ home: ${JSON.stringify(home)}, readOnly: false });
      console.log('holding');
      process.stdin.on('data', async () => { await s.close(); process.exit(0); });
    `], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (d: Buffer) => d.toString().includes('holding') && resolve());
        holder.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
      });
      for (const readOnly of [true, false]) {
        await expect(openStore({ kind: 'embedded', home, readOnly })).rejects.toMatchObject({
          code: 'E_STORE_LOCKED',
          message: expect.stringMatching(/in use by another process.*wait for it to finish/),
        });
      }
    } finally {
      holder.stdin.write('stop\n');
      await new Promise((r) => holder.on('exit', r));
    }
    const s = await openStore({ kind: 'embedded', home, readOnly: true });
    await s.close();
  });

  describe('queries Kuzu would mishandle', () => {
    let s: Awaited<ReturnType<typeof openStore>>;
    beforeAll(async () => {
      s = await openStore({ kind: 'embedded', home, readOnly: true });
    });
    afterAll(() => s.close());

    it.each([
      ["COPY (MATCH (a:Actor) RETURN a.id) TO '/tmp/out.csv'"],
      ["LOAD FROM '/etc/passwd' RETURN *"],
      ['INSTALL httpfs'],
    ])('refuses statements that touch files: %s', async (q) => {
      await expect(s.query(q)).rejects.toMatchObject({ code: 'E_QUERY_WRITE' });
    });

    it('does not mistake those words inside strings for statements', async () => {
      const r = await s.query("MATCH (a:Actor) WHERE a.name <> 'COPY LOAD' RETURN count(a) AS n");
      expect(r.rows).toEqual([{ n: 6 }]);
    });

    it.each([
      ['an empty list', { ids: [] }, /empty list/],
      ['a list of mixed types', { ids: ['a', 1] }, /mixes string and number/],
    ])('refuses %s as a parameter with a message instead of crashing Kuzu', async (_, params, message) => {
      await expect(s.query('MATCH (a:Actor) WHERE a.id IN $ids RETURN a.id', params)).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringMatching(message) });
    });

    it('stops a query at its time limit, and the next query runs without one', async () => {
      // 16^6 rows, each with a string built: seconds of work, stopped after 100 ms.
      const heavy = "MATCH (a), (b), (c), (d), (e), (f) WHERE a.id + b.id + c.id + d.id + e.id + f.id <> '' RETURN count(*) AS n";
      await expect(s.query(heavy, {}, { timeoutMs: 100 })).rejects.toMatchObject({
        code: 'E_QUERY_FAILED',
        message: expect.stringMatching(/time limit/),
      });
      expect((await s.query('UNWIND range(1, 3) AS x MATCH (a:Actor) RETURN count(*) AS n')).rows).toEqual([{ n: 18 }]);
    });

    it('refuses several statements at once as a syntax error', async () => {
      await expect(s.query('MATCH (a:Actor) RETURN a.id; MATCH (b:Place) RETURN b.id')).rejects.toMatchObject({ code: 'E_QUERY_SYNTAX' });
    });
  });
});
