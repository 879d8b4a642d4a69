// The JSON API of `kg serve` against a real embedded store holding the sample reports: the graph
// the viewer draws, node and edge details with every evidence sentence, search by alias, the
// Cypher box (read-only, row and time limits), exports, and the server's security promises.
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HOST, startServer } from '../../src/server/http-server.ts';
import type { SourceNode } from '../../src/model/schema.ts';
import { getJson, postJson, sampleServer, type SampleServer } from './sample-server.ts';

let s: SampleServer;
let base: string;

beforeAll(async () => {
  s = await sampleServer({ maxRows: 5, maxBodyBytes: 4096 });
  base = s.app.url;
});
afterAll(() => s?.stop());

describe('GET /api/graph', () => {
  it('holds every node and edge of the store, laid out, with what the filters need', async () => {
    const counts = await s.store.counts();
    const stored = Object.values(counts.nodes).reduce((a, b) => a + (b ?? 0), 0);
    const { status, body } = await getJson(base, '/api/graph');
    expect(status).toBe(200);
    expect(body.nodes).toHaveLength(stored);
    expect(body.edges).toHaveLength(s.doc.edges.length);
    expect(body.attributes).toMatchObject({ nodeCount: stored, edgeCount: s.doc.edges.length });
    const russia = body.nodes.find((n: any) => n.key === 'actor:russia');
    expect(russia.attributes).toMatchObject({ nodeLabel: 'Actor', kind: 'state', name: 'Russia' });
    expect(russia.attributes.aliases).toContain('Russian forces');
    expect(russia.attributes.claims).toBeGreaterThan(0);
    for (const n of body.nodes) {
      expect(Number.isFinite(n.attributes.x) && Number.isFinite(n.attributes.y)).toBe(true);
      expect(n.attributes.text).toBeUndefined();
    }
    // The layout separates nodes: no two share a position.
    expect(new Set(body.nodes.map((n: any) => `${n.attributes.x},${n.attributes.y}`)).size).toBe(body.nodes.length);
    const accused = body.edges.filter((e: any) => e.attributes.relType === 'ACCUSED');
    expect(accused.length).toBeGreaterThan(0);
    for (const e of accused) {
      const edge = s.doc.edges.find((d) => d.id === e.key)!;
      expect(e.attributes.evidenceCount).toBe(edge.evidence.length);
      expect(e.attributes.dates.length).toBeGreaterThan(0);
    }
    expect(body.attributes.reportDates).toEqual([...new Set(s.doc.nodes.filter((n): n is SourceNode => n.label === 'Source').map((n) => n.published).filter(Boolean))].sort());
  });
});

describe('GET /api/node/:id and /api/edge/:id', () => {
  it('gives a node its properties and every sentence behind each of its relationships, quoting its report exactly', async () => {
    const { status, body } = await getJson(base, `/api/node/${encodeURIComponent('actor:russia')}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'actor:russia', label: 'Actor', name: 'Russia', properties: { kind: 'state' } });
    const touching = s.doc.edges.filter((e) => e.from === 'actor:russia' || e.to === 'actor:russia');
    expect(body.edges.map((e: any) => e.id).sort()).toEqual(touching.map((e) => e.id).sort());
    const sentences = body.edges.flatMap((e: any) => e.evidence);
    expect(sentences.length).toBe(touching.reduce((n, e) => n + e.evidence.length, 0));
    for (const ev of sentences) {
      const src = s.doc.nodes.find((n) => n.id === ev.source) as SourceNode;
      expect(src.text.slice(ev.start, ev.end)).toBe(ev.text);
      expect(ev).toMatchObject({ sourceTitle: src.title, outlet: src.outlet, published: src.published, url: src.url });
      expect(src.text.slice(0, ev.start).endsWith(ev.before)).toBe(true);
      expect(src.text.slice(ev.end).startsWith(ev.after)).toBe(true);
    }
  });

  it('gives an edge its ends and its sentences; an unknown id is a JSON 404 that does not echo it', async () => {
    const edge = s.doc.edges.find((e) => e.type === 'ACCUSED')!;
    const { status, body } = await getJson(base, `/api/edge/${encodeURIComponent(edge.id)}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: edge.id, type: 'ACCUSED', from: { id: edge.from }, to: { id: edge.to } });
    expect(body.evidence.map((e: any) => e.text)).toEqual(edge.evidence.map((e) => e.text));

    const missing = await getJson(base, `/api/node/${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('E_NOT_FOUND');
    expect(JSON.stringify(missing.body)).not.toContain('<script>');
  });

  it('keeps report text out of a Source node\'s properties (its length only)', async () => {
    const src = s.doc.nodes.find((n): n is SourceNode => n.label === 'Source')!;
    const { body } = await getJson(base, `/api/node/${encodeURIComponent(src.id)}`);
    expect(body.properties.text).toBeUndefined();
    expect(body.properties.textLength).toBe(src.text.length);
  });
});

describe('GET /api/search', () => {
  it('finds a node by a lexicon alias no report used ("Daesh" finds ISIS)', async () => {
    const isis = s.doc.nodes.find((n) => n.id === 'actor:isis');
    expect(isis && isis.label === 'Actor' && isis.aliases.includes('Daesh')).toBe(false);
    const { body } = await getJson(base, '/api/search?q=Daesh');
    expect(body.hits[0]).toMatchObject({ id: 'actor:isis', name: 'ISIS', exact: true });
  });

  it('finds names and aliases by part, case-insensitively, actors first', async () => {
    const { body } = await getJson(base, '/api/search?q=russian%20occ');
    expect(body.hits.map((h: any) => h.id)).toContain('actor:russia');
    const { body: none } = await getJson(base, '/api/search?q=zzzz-nothing');
    expect(none.hits).toEqual([]);
  });
});

describe('POST /api/query', () => {
  it('runs a read-only query and returns what to draw', async () => {
    const { status, body } = await postJson(base, '/api/query', { query: 'MATCH (a:Actor)-[r:CALLED_ON]->(b:Actor) RETURN a, r, b' });
    expect(status).toBe(200);
    const calledOn = s.doc.edges.filter((e) => e.type === 'CALLED_ON');
    expect(body.edges.sort()).toEqual(calledOn.map((e) => e.id).sort());
    // Exactly what the rows hold: the reports behind the sentences are not drawn.
    expect(body.nodes).toEqual([...new Set(calledOn.flatMap((e) => [e.from, e.to]))].sort());
    expect(body.columns).toEqual(['a', 'r', 'b']);
    expect(body.rows[0].a).toMatchObject({ label: 'Actor' });
  });

  it('allows keywords inside strings, names and properties (r.start is a property, not START)', async () => {
    const { status, body } = await postJson(base, '/api/query', { query: "MATCH (a:Actor)-[r:ACCUSED]->(b:Actor) WHERE a.name <> 'CREATE or DELETE' RETURN r.start AS `set` LIMIT 1" });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(typeof body.rows[0].set).toBe('number');
  });

  it.each([
    ['CREATE', "CREATE (a:Actor {id: 'actor:x', name: 'X'})"],
    ['MERGE', "MERGE (a:Actor {id: 'actor:russia'})"],
    ['SET', "MATCH (a:Actor) SET a.name = 'x'"],
    ['DELETE', 'MATCH (a:Actor) DELETE a'],
    ['DETACH DELETE', 'MATCH (a) DETACH DELETE a'],
    ['REMOVE', 'MATCH (a:Actor) REMOVE a.kind'],
    ['DROP', 'DROP TABLE Actor'],
    ['LOAD CSV', "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row"],
    ['COPY', "COPY Actor FROM '/tmp/x.csv'"],
    ['CALL apoc', "CALL apoc.load.json('http://example.com') YIELD value RETURN value"],
    ['CALL dbms', 'CALL dbms.security.createUser("x", "y", false)'],
    ['CALL db.create', "CALL db.createLabel('X')"],
    ['CALL subquery', 'MATCH (a) CALL { WITH a RETURN a AS b } RETURN b'],
    ['two statements', 'MATCH (a) RETURN a; MATCH (b) RETURN b'],
    ['a keyword after a comment', "MATCH (a) // harmless\nSET a.name = 'x'"],
  ])('refuses %s with a 403 and E_QUERY_WRITE, changing nothing', async (_, query) => {
    const before = await s.store.counts();
    const { status, body } = await postJson(base, '/api/query', { query });
    expect(status).toBe(403);
    expect(body.error.code).toBe('E_QUERY_WRITE');
    expect(body.error.message).toMatch(/read-only/);
    expect(await s.store.counts()).toEqual(before);
  });

  it('stops at the row limit and says so', async () => {
    const { body } = await postJson(base, '/api/query', { query: 'MATCH (n) RETURN n.id AS id' });
    expect(body.rows).toHaveLength(5);
    expect(body.truncated).toBe(true);
    expect(body.maxRows).toBe(5);
  });

  it('gives a syntax error as a 400 with its code', async () => {
    const { status, body } = await postJson(base, '/api/query', { query: 'MATCH (n RETURN' });
    expect(status).toBe(400);
    expect(body.error.code).toBe('E_QUERY_SYNTAX');
  });

  it('refuses a body over the size limit with 413, and a body that is not JSON', async () => {
    const big = await postJson(base, '/api/query', { query: `MATCH (n) RETURN n // ${'x'.repeat(5000)}` });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('E_BODY_TOO_LARGE');
    const form = await getJson(base, '/api/query', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'query=MATCH' });
    expect(form.status).toBe(415);
    const broken = await getJson(base, '/api/query', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"query":' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('E_BAD_JSON');
  });
});

describe('query time limit', () => {
  let t: SampleServer;
  beforeAll(async () => {
    t = await sampleServer({ queryTimeoutMs: 50 });
  });
  afterAll(() => t?.stop());

  it('stops a query that runs past it', async () => {
    const { status, body } = await postJson(t.app.url, '/api/query', { query: 'MATCH (a), (b), (c), (d), (e), (f) WHERE a.id < b.id OR c.id < d.id OR e.id < f.id RETURN count(*) AS n' });
    expect(status).toBe(422);
    expect(body.error.code).toBe('E_QUERY_FAILED');
    expect(body.error.message).toMatch(/time limit/);
  });
});

describe('GET and POST /api/export', () => {
  it('exports the whole graph in the drawing formats', async () => {
    const gexf = await fetch(new URL('/api/export?format=gexf', base));
    expect(gexf.status).toBe(200);
    expect(gexf.headers.get('content-disposition')).toMatch(/attachment; filename="reportgraph.gexf"/);
    expect(await gexf.text()).toMatch(/^<\?xml[\s\S]*<gexf/);
    const bad = await getJson(base, '/api/export?format=csv');
    expect(bad.status).toBe(400);
  });

  it('exports what is on screen: the chosen nodes and edges, with the reports they quote', async () => {
    const edge = s.doc.edges.find((e) => e.type === 'ACCUSED')!;
    const res = await fetch(new URL('/api/export', base), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ format: 'graphology', nodes: [edge.from, edge.to], edges: [edge.id] }) });
    expect(res.status).toBe(200);
    const g = JSON.parse(await res.text());
    expect(g.edges.map((e: any) => e.key)).toEqual([edge.id]);
    const keys = g.nodes.map((n: any) => n.key);
    expect(keys).toEqual(expect.arrayContaining([edge.from, edge.to, ...edge.evidence.map((e) => e.source)]));
    expect(keys.filter((k: string) => k.startsWith('actor:') || k.startsWith('event:') || k.startsWith('place:')).every((k: string) => [edge.from, edge.to].includes(k) || edge.evidence.some((e) => e.attributedTo === k))).toBe(true);
  });
});

describe('security', () => {
  it('listens on 127.0.0.1 by default', () => {
    expect(DEFAULT_HOST).toBe('127.0.0.1');
    expect((s.app.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('sends a Content-Security-Policy without inline script, and nosniff, on every response', async () => {
    for (const p of ['/api/graph', '/api/nope', '/']) {
      const res = await fetch(new URL(p, base));
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });

  it('answers a request naming another host (DNS rebinding) with 421 and nothing else', async () => {
    const { port } = s.app.server.address() as { port: number };
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/graph', headers: { Host: 'evil.example:80' } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(421);
    expect(JSON.parse(answer.body).error.code).toBe('E_HOST');
  });

  it('never sends a secret (a Neo4j password) back in an error message', async () => {
    const password = 's3cret-pass';
    const failing = {
      kind: 'neo4j' as const,
      load: async () => {
        throw new Error('unused');
      },
      query: async () => {
        const { ReportGraphError } = await import('../../src/errors.ts');
        throw new ReportGraphError('E_QUERY_FAILED', `the query failed: could not authenticate neo4j with ${password}`);
      },
      readGraph: async () => s.doc,
      counts: async () => ({ nodes: {}, relationships: {} }),
      close: async () => undefined,
    };
    const app = await startServer({ store: failing, doc: s.doc, viewerDir: null, secrets: [password], port: 0 });
    try {
      const { body } = await postJson(app.url, '/api/query', { query: 'MATCH (n) RETURN n' });
      expect(body.error.code).toBe('E_QUERY_FAILED');
      expect(JSON.stringify(body)).not.toContain(password);
      expect(body.error.message).toContain('***');
    } finally {
      await app.close();
    }
  });

  it('serves only files inside the viewer folder', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-static-'));
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'index.html'), '<!doctype html><title>v</title>');
    writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    const app = await startServer({ store: s.store, doc: s.doc, viewerDir: path.join(dir, 'dist'), port: 0 });
    try {
      const index = await fetch(new URL('/', app.url));
      expect(index.status).toBe(200);
      expect(await index.text()).toContain('<title>v</title>');
      for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
        const res = await fetch(new URL(p, app.url));
        expect(res.status, p).toBe(404);
        expect(await res.text()).not.toContain('secret');
      }
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
