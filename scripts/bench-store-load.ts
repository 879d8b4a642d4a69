// Measures embedded-store load throughput on a large graph made by copying a graph document
// many times under new ids (default: the fixture graph, 2000 copies). Prints nodes and
// relationships per second for a first load into an empty store, a second load of the same
// document (nothing to write), and a load where one node in twenty changed.
//   npx tsx scripts/bench-store-load.ts [copies] [graph.json]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuUsage } from 'node:process';
import { GraphDocument } from '../src/model/schema.ts';
import { enlargeGraph } from './bench/enlarge-graph.ts';
import { KuzuStore } from '../src/store/kuzu-store.ts';
import { toStoredRows } from '../src/store/graph-rows.ts';

const copies = Number(process.argv[2] ?? 2000);
const source = process.argv[3] ?? path.join(import.meta.dirname, '../tests/fixtures/graph/small-conflict.json');
const base = GraphDocument.parse(JSON.parse(readFileSync(source, 'utf8')));

const doc = enlargeGraph(base, copies);
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
    `${label}: ${seconds.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU; ${written} rows changed` +
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
