// The store conformance suite: what every GraphStore must do, run against each adapter (embedded
// Kuzu for real; Neo4j through the recording fake driver, and live when NEO4J_URI is set).
// Load, idempotent re-load, exact round trip, updates and deletions, counts; and, for stores that
// run Cypher, typed values, read-only refusal, syntax errors and row limits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortGraph } from '../../src/model/graph-builder.ts';
import { GraphDocument, type ActorNode, type GraphDocument as Doc } from '../../src/model/schema.ts';
import { NODE_LABELS } from '../../src/model/vocab.ts';
import { canonicalGraph } from '../../src/store/graph-rows.ts';
import { isClaimType, REL_TYPES } from '../../src/store/stored-model.ts';
import type { GraphStore, StoreCounts } from '../../src/store/types.ts';
import { FIXTURES } from '../helpers.ts';

export const FIXTURE_GRAPH = path.join(FIXTURES, 'graph/small-conflict.json');

export function fixtureGraph(): Doc {
  return GraphDocument.parse(JSON.parse(readFileSync(FIXTURE_GRAPH, 'utf8')));
}

/** What a store should hold for a document, counted from the document alone. */
export function expectedCounts(doc: Doc): StoreCounts {
  const counts: StoreCounts = { nodes: {}, relationships: {} };
  for (const l of NODE_LABELS) counts.nodes[l] = doc.nodes.filter((n) => n.label === l).length;
  for (const t of REL_TYPES) counts.relationships[t] = 0;
  for (const e of doc.edges) counts.relationships[e.type]! += isClaimType(e.type) ? Math.max(1, e.evidence.length) : 1;
  counts.relationships.MENTIONS = doc.nodes.reduce((n, node) => n + (node.label === 'Source' ? 0 : node.sources.length), 0);
  return counts;
}

/**
 * The fixture changed the way a corrected extraction changes a graph: an alias added, one
 * accusation sentence dropped, one rule renamed, an actor and its edge gone, a new actor with a
 * claim that has no evidence yet.
 */
export function editedFixture(): Doc {
  const doc = structuredClone(fixtureGraph());
  const valdoria = doc.nodes.find((n) => n.id === 'actor:valdoria') as ActorNode;
  valdoria.aliases = [...valdoria.aliases, 'Valdorian army'].sort();
  const accused = doc.edges.find((e) => e.id === 'ACCUSED:actor:rights-watch-north->actor:valdoria')!;
  accused.evidence = accused.evidence.slice(0, 1);
  const called = doc.edges.find((e) => e.id === 'CALLED_ON:actor:rights-watch-north->actor:council-of-nations')!;
  called.evidence = called.evidence.map((e) => ({ ...e, rule: 'cue:call-on-v2' }));
  doc.nodes = doc.nodes.filter((n) => n.id !== 'actor:river-news');
  doc.edges = doc.edges.filter((e) => e.to !== 'actor:river-news');
  const s2 = doc.nodes.find((n) => n.label === 'Source' && n.published === '2021-04-20')!.id;
  doc.nodes.push({ id: 'actor:observer-group', label: 'Actor', name: 'Observer Group', kind: 'civil_society', aliases: ['Observer Group'], sources: [s2], origin: 'discovered' });
  doc.edges.push({ id: 'CALLED_ON:actor:observer-group->actor:valdoria', type: 'CALLED_ON', from: 'actor:observer-group', to: 'actor:valdoria', evidence: [] });
  return GraphDocument.parse(sortGraph(doc));
}

export interface ConformanceTarget {
  name: string;
  /** A store with nothing of ours in it, open for writing. */
  open(): Promise<GraphStore>;
  /** Whether the store runs arbitrary Cypher (the fake driver runs only reportgraph's own statements). */
  runsCypher: boolean;
}

export function storeConformance(target: ConformanceTarget): void {
  describe(`GraphStore conformance: ${target.name}`, () => {
    let store: GraphStore;
    const doc = fixtureGraph();

    beforeAll(async () => {
      store = await target.open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('loads a document, creating every node and one relationship per claim sentence, structural edge and node source', async () => {
      const want = expectedCounts(doc);
      const stats = await store.load(doc);
      const rels = Object.values(want.relationships).reduce((a, b) => a + b!, 0);
      expect(stats).toEqual({ nodesCreated: doc.nodes.length, nodesUpdated: 0, nodesDeleted: 0, relationshipsCreated: rels, relationshipsUpdated: 0, relationshipsDeleted: 0 });
      expect(await store.counts()).toEqual(want);
    });

    it('gives the document back exactly (readGraph round trip)', async () => {
      expect(await store.readGraph()).toEqual(canonicalGraph(doc));
    });

    it('is idempotent: a second load of the same document changes nothing', async () => {
      const before = await store.counts();
      const stats = await store.load(doc);
      expect(stats).toEqual({ nodesCreated: 0, nodesUpdated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsUpdated: 0, relationshipsDeleted: 0 });
      expect(await store.counts()).toEqual(before);
    });

    it('mirrors an edited document: reports what it created, updated and deleted', async () => {
      const edited = editedFixture();
      const stats = await store.load(edited);
      expect(stats).toEqual({ nodesCreated: 1, nodesUpdated: 1, nodesDeleted: 1, relationshipsCreated: 2, relationshipsUpdated: 1, relationshipsDeleted: 3 });
      expect(await store.counts()).toEqual(expectedCounts(edited));
      expect(await store.readGraph()).toEqual(canonicalGraph(edited));
    });

    it('goes back to the original document when it is loaded again', async () => {
      const stats = await store.load(doc);
      expect(stats).toEqual({ nodesCreated: 1, nodesUpdated: 1, nodesDeleted: 1, relationshipsCreated: 3, relationshipsUpdated: 1, relationshipsDeleted: 2 });
      expect(await store.readGraph()).toEqual(canonicalGraph(doc));
    });

    it('reports progress up to the total', async () => {
      const seen: [number, number][] = [];
      await store.load(editedFixture(), { onProgress: (d, t) => seen.push([d, t]) });
      expect(seen.length).toBeGreaterThan(0);
      const [done, total] = seen[seen.length - 1]!;
      expect(done).toBe(total);
      for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
      await store.load(doc);
    });

    describe.runIf(target.runsCypher)('queries', () => {
      it('returns nodes as StoredNode with their properties, lists as lists and no nulls', async () => {
        const r = await store.query('MATCH (a:Actor {id: $id}) RETURN a', { id: 'actor:valdoria' });
        expect(r.columns).toEqual(['a']);
        expect(r.rows).toEqual([
          {
            a: {
              $type: 'node',
              id: 'actor:valdoria',
              label: 'Actor',
              properties: {
                id: 'actor:valdoria',
                name: 'Valdoria',
                kind: 'state',
                aliases: ['Valdoria', 'Valdorian forces'],
                sources: doc.nodes.filter((n) => n.label === 'Source').map((n) => n.id),
                origin: 'lexicon',
              },
            },
          },
        ]);
      });

      it('returns dates as ISO days, integers as numbers and nulls as null', async () => {
        const src = doc.nodes.find((n) => n.label === 'Source' && n.published === '2021-03-05')!;
        const s = await store.query('MATCH (s:Source {id: $id}) RETURN s.published AS published, s.url AS url', { id: src.id });
        expect(s.rows).toEqual([{ published: '2021-03-05', url: null }]);
        const e = await store.query("MATCH (e:Event {eventType: 'shelling'}) RETURN e.killedMin AS killedMin, e.killedMax AS killedMax, e.evidenceStart AS evidenceStart");
        expect(e.rows).toEqual([{ killedMin: 12, killedMax: null, evidenceStart: [0, 79] }]);
      });

      it('returns a relationship with its ends as graph ids, even without its nodes', async () => {
        const edge = doc.edges.find((e) => e.id === 'CALLED_ON:actor:rights-watch-north->actor:council-of-nations')!;
        const ev = edge.evidence[0]!;
        const src = doc.nodes.find((n) => n.id === ev.source);
        const r = await store.query('MATCH ()-[r:CALLED_ON]->() RETURN r');
        expect(r.rows).toEqual([
          {
            r: {
              $type: 'relationship',
              type: 'CALLED_ON',
              from: 'actor:rights-watch-north',
              to: 'actor:council-of-nations',
              properties: {
                key: `${ev.source}@${ev.start}-${ev.end}`,
                source: ev.source,
                text: ev.text,
                start: ev.start,
                end: ev.end,
                rule: ev.rule,
                date: src?.label === 'Source' ? src.published : null,
              },
            },
          },
        ]);
      });

      it('returns paths as nodes and relationships', async () => {
        const r = await store.query('MATCH p = (a:Actor)-[:AFFILIATED_WITH]->(b:Actor) RETURN p');
        const p = r.rows[0]!.p as { $type: string; nodes: { id: string }[]; relationships: { type: string; from: string; to: string }[] };
        expect(p.$type).toBe('path');
        expect(p.nodes.map((n) => n.id)).toEqual(['actor:general-marek', 'actor:valdoria']);
        expect(p.relationships.map((x) => [x.type, x.from, x.to])).toEqual([['AFFILIATED_WITH', 'actor:general-marek', 'actor:valdoria']]);
      });

      it('takes whole-number parameters as integers (LIMIT $n) and stops at maxRows', async () => {
        const all = await store.query('MATCH (a:Actor) RETURN a.id AS id ORDER BY id');
        expect(all.truncated).toBe(false);
        expect(all.rows).toHaveLength(6);
        const limited = await store.query('MATCH (a:Actor) RETURN a.id AS id ORDER BY id LIMIT $n', { n: 2 });
        expect(limited.rows).toEqual(all.rows.slice(0, 2));
        const cut = await store.query('MATCH (a:Actor) RETURN a.id AS id ORDER BY id', {}, { maxRows: 3 });
        expect(cut).toEqual({ columns: ['id'], rows: all.rows.slice(0, 3), truncated: true });
      });

      it('ignores parameters the query does not use', async () => {
        expect((await store.query('MATCH (a:Actor) RETURN count(a) AS n', { unused: 'x', limit: 3 })).rows).toEqual([{ n: 6 }]);
      });

      it('refuses a write with E_QUERY_WRITE and leaves the store as it was', async () => {
        const before = await store.counts();
        await expect(store.query("CREATE (a:Actor {id: 'actor:intruder', name: 'Intruder'})")).rejects.toMatchObject({ code: 'E_QUERY_WRITE' });
        await expect(store.query("MATCH (a:Actor {id: 'actor:valdoria'}) SET a.name = 'Renamed'")).rejects.toMatchObject({ code: 'E_QUERY_WRITE' });
        expect(await store.counts()).toEqual(before);
        expect((await store.query("MATCH (a:Actor {id: 'actor:valdoria'}) RETURN a.name AS n")).rows).toEqual([{ n: 'Valdoria' }]);
      });

      it('reports a syntax error with E_QUERY_SYNTAX and stays usable', async () => {
        await expect(store.query('MATCH (a:Actor RETURN a')).rejects.toMatchObject({ code: 'E_QUERY_SYNTAX' });
        expect((await store.query('MATCH (a:Actor) RETURN count(a) AS n')).rows).toEqual([{ n: 6 }]);
      });
    });
  });
}
