// Times every query file of cypher/queries on an existing embedded store, opened read-only, twice
// each (the first run reads from disk, the second finds pages in Kuzu's buffer pool). Prints one
// JSON line: milliseconds per file, and the rows each returned (at most 1,000, as the viewer asks).
// Files that need an actor, two actors or a Source get the busiest actors and the first Source.
//   npx tsx scripts/bench/time-queries.ts <home> [buffer-mb]
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { KuzuStore } from '../../src/store/kuzu-store.ts';
import { prepareQueryFile, queryVariant, readQueryFile } from '../../src/store/cypher-files.ts';

const [home, bufferMb] = process.argv.slice(2);
if (!home) throw new Error('usage: time-queries.ts <home> [buffer-mb]');
const store = await KuzuStore.open({ home, readOnly: true, bufferPoolMb: bufferMb ? Number(bufferMb) : undefined });
// Required parameters from the graph itself: the two actors with most sources, and a Source.
const hubs = (await store.query('MATCH (a:Actor) RETURN a.id AS id ORDER BY size(a.sources) DESC, a.id LIMIT 2')).rows.map((r) => String(r.id));
const [source] = (await store.query('MATCH (s:Source) RETURN s.id AS id ORDER BY s.id LIMIT 1')).rows.map((r) => String(r.id));
const given = { actor: hubs[0], from: hubs[0], to: hubs[1], source };
const dir = path.resolve(import.meta.dirname, '../../cypher/queries');
const out: Record<string, { firstMs: number; againMs: number; rows: number } | { error: string }> = {};
try {
  for (const f of (await readdir(dir)).filter((x) => x.endsWith('.cypher') && !x.endsWith('.kuzu.cypher')).sort()) {
    const file = path.join(dir, f);
    // Only the parameters a file requires: `from` and `to` are actors in one file, months in another.
    const required = readQueryFile(queryVariant(file, 'embedded')).params.filter((p) => p.default === undefined).map((p) => p.name);
    const q = prepareQueryFile(file, 'embedded', Object.fromEntries(required.map((n) => [n, given[n as keyof typeof given]])));
    const times: number[] = [];
    let rows = 0;
    try {
      for (let i = 0; i < 2; i++) {
        const t = performance.now();
        rows = (await store.query(q.text, q.params, { maxRows: 1000 })).rows.length;
        times.push(Math.round(performance.now() - t));
      }
      out[f] = { firstMs: times[0]!, againMs: times[1]!, rows };
    } catch (err) {
      out[f] = { error: (err as Error).message };
    }
  }
} finally {
  await store.close();
}
process.stdout.write(`${JSON.stringify(out)}\n`);
