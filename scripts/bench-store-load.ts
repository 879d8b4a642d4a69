// Measures embedded-store load throughput on a large graph made by copying a graph document
// many times under new ids (default: the fixture graph, 2000 copies). Prints nodes and
// relationships per second for a first load into an empty store, a second load of the same
// document (nothing to write), and a load where one node in twenty changed.
//   npx tsx scripts/bench-store-load.ts [copies] [graph.json]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuUsage } from 'node:process';
import { edgeId } from '../src/model/ids.ts';
import { GraphDocument, type GraphNode } from '../src/model/schema.ts';
import { KuzuStore } from '../src/store/kuzu-store.ts';
import { toStoredRows } from '../src/store/graph-rows.ts';

const copies = Number(process.argv[2] ?? 2000);
const source = process.argv[3] ?? path.join(import.meta.dirname, '../tests/fixtures/graph/small-conflict.json');
const base = GraphDocument.parse(JSON.parse(readFileSync(source, 'utf8')));

/** The document `copies` times over: every id gets a copy number, so no two copies share a node. */
function enlarge(n: number): GraphDocument {
  const id = (x: string, k: number) => `${x}-c${k}`;
  const nodes: GraphNode[] = [];
  const edges: GraphDocument['edges'] = [];
  for (let k = 0; k < n; k++) {
    const ev = <T extends { source: string; attributedTo?: string | null }>(e: T): T => ({ ...e, source: id(e.source, k), ...(e.attributedTo ? { attributedTo: id(e.attributedTo, k) } : {}) });
    for (const node of base.nodes) {
      if (node.label === 'Source') nodes.push({ ...node, id: id(node.id, k) });
      else if (node.label === 'Event') nodes.push({ ...node, id: id(node.id, k), sources: node.sources.map((s) => id(s, k)), evidence: node.evidence.map(ev) });
      else nodes.push({ ...node, id: id(node.id, k), sources: node.sources.map((s) => id(s, k)) });
    }
    for (const e of base.edges) {
      edges.push({ ...e, id: edgeId(e.type, id(e.from, k), id(e.to, k)), from: id(e.from, k), to: id(e.to, k), evidence: e.evidence.map(ev) });
    }
  }
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { version: 1, nodes: nodes.sort(byId), edges: edges.sort(byId) };
}

const doc = enlarge(copies);
const rows = toStoredRows(doc);
const nodeCount = rows.nodes.length;
const relCount = rows.rels.length;
console.log(`graph: ${copies} copies of ${path.basename(source)}: ${nodeCount} nodes, ${relCount} relationships (${nodeCount + relCount} rows)`);

const home = mkdtempSync(path.join(os.tmpdir(), 'kg-bench-'));
const store = await KuzuStore.open({ home, readOnly: false });
async function timed(label: string, d: GraphDocument, rowsWritten: (s: Awaited<ReturnType<typeof store.load>>) => number) {
  const cpu0 = cpuUsage();
  const t0 = performance.now();
  const stats = await store.load(d);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuUsage(cpu0);
  const written = rowsWritten(stats);
  console.log(
    `${label}: ${seconds.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU; ${written} rows written` +
      `, ${Math.round((nodeCount + relCount) / seconds)} rows/s of the document; ${JSON.stringify(stats)}`,
  );
}
try {
  await timed('first load (empty store)', doc, (s) => s.nodesCreated + s.relationshipsCreated);
  await timed('second load (same document)', doc, (s) => s.nodesCreated + s.nodesUpdated + s.relationshipsCreated + s.relationshipsUpdated);
  const edited = structuredClone(doc);
  edited.nodes.forEach((n, i) => {
    if (i % 20 === 0 && (n.label === 'Actor' || n.label === 'Place')) n.aliases = [...n.aliases, `${n.name} (alt)`].sort();
  });
  await timed('third load (1 node in 20 changed)', edited, (s) => s.nodesUpdated + s.relationshipsCreated + s.relationshipsUpdated);
} finally {
  await store.close();
  rmSync(home, { recursive: true, force: true });
}
