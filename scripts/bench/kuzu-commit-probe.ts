// Which small write makes Kuzu's COMMIT slow on a filled store? Each probe runs in its own
// transaction on a store built by `kg build` (use a copy: the probes write into it) and prints the
// statement's time and the COMMIT's. A one-report re-build spends minutes in COMMIT; this finds why.
//   npx tsx scripts/bench/kuzu-commit-probe.ts <copy-of-home>/db/graph.kuzu [--no-auto-checkpoint] [--checkpoint]
// --no-auto-checkpoint: Kuzu's automatic checkpoint after a commit turned off (the close then checkpoints).
// --checkpoint: a CHECKPOINT after each probe, timed: most writes commit at once and cost minutes
// here instead (the finding that made re-loads build a new database: src/store/kuzu-store.ts).
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection, Database, type KuzuValue, type QueryResult } from 'kuzu';

const db = new Database(process.argv[2]!, 512 * 1024 * 1024, true, false, 2 ** 40);
await db.init();
const conn = new Connection(db);
const q = async (text: string, params: Record<string, unknown> = {}) => {
  const prepared = await conn.prepare(text);
  if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
  const r = await conn.execute(prepared, params as Record<string, KuzuValue>);
  const all: QueryResult[] = Array.isArray(r) ? r : [r];
  const rows = all[all.length - 1]!.getAllSync();
  for (const x of all) x.close();
  return rows;
};
const control = async (text: string) => {
  const r = await conn.query(text);
  for (const x of Array.isArray(r) ? r : [r]) x.close();
};
const file = (name: string, row: unknown) => {
  const f = path.join(os.tmpdir(), `kuzu-probe-${name}.json`);
  writeFileSync(f, `${JSON.stringify(row)}\n`);
  return f;
};

// Rows of the store to write about: a hub actor, an event, one claim and one OCCURRED_IN edge.
const [hub] = await q('MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases, a.sources AS sources, a.origin AS origin ORDER BY size(a.sources) DESC LIMIT 1');
const [claim] = await q('MATCH (a:Actor)-[r:ACCUSED]->(b:Actor) RETURN a.id AS f, b.id AS t, r.key AS k LIMIT 1');
const [occurred] = await q('MATCH (e:Event)-[:OCCURRED_IN]->(p:Place) RETURN e.id AS f, p.id AS t SKIP 10 LIMIT 1');
const [other] = await q('MATCH (e:Event) WHERE NOT EXISTS { MATCH (e)-[:OCCURRED_IN]->(:Place {id: $t}) } RETURN e.id AS id LIMIT 1', { t: occurred!.t });
const [event] = await q('MATCH (e:Event) RETURN e.id AS id SKIP 500 LIMIT 1');
const lists = { evidenceSource: ['source:x'], evidenceText: ['t'], evidenceStart: [0], evidenceEnd: [1], evidenceRule: ['r'], evidenceAttributedTo: [''], evidenceDate: [''] };
const occurredFile = file('occurred', { from: other!.id, to: occurred!.t, ...lists });
const claimFile = file('claim', { from: claim!.f, to: claim!.t, key: 'source:probe@0-1', source: 'source:probe', text: 't', start: 0, end: 1, rule: 'r', date: null, evidenceDate: null, attributedTo: null });

if (process.argv.includes('--no-auto-checkpoint')) await control('CALL auto_checkpoint=false');

const probes: [string, () => Promise<unknown>][] = [
  ['nothing', async () => undefined],
  ['SET a hub actor\'s sources list', () => q('MATCH (a:Actor {id: $id}) SET a.sources = a.sources', { id: hub!.id })],
  ['DELETE one claim (ACCUSED)', () => q('MATCH (a:Actor {id: $f})-[r:ACCUSED]->(b:Actor {id: $t}) WHERE r.key = $k DELETE r', claim!)],
  ['DETACH DELETE one event', () => q('MATCH (e:Event {id: $id}) DETACH DELETE e', { id: event!.id })],
  ['COPY one claim into the filled ACCUSED table (scalar properties)', () => q(`COPY ACCUSED FROM '${claimFile}' (from='Actor', to='Actor')`)],
  ['CREATE one OCCURRED_IN (list properties)', () => q(`MATCH (a:Event {id: $f}), (b:Place {id: $t}) CREATE (a)-[:OCCURRED_IN {evidenceSource: ['source:x'], evidenceText: ['t'], evidenceStart: [0], evidenceEnd: [1], evidenceRule: ['r'], evidenceAttributedTo: [''], evidenceDate: ['']}]->(b)`, occurred!)],
  ['COPY one OCCURRED_IN into the filled table (list properties)', () => q(`COPY OCCURRED_IN FROM '${occurredFile}' (from='Event', to='Place')`)],
];
for (const [name, run] of probes) {
  await control('BEGIN TRANSACTION');
  const t0 = performance.now();
  await run();
  const t1 = performance.now();
  await control('COMMIT');
  const t2 = performance.now();
  // Where the cost of most writes really lands: the checkpoint that folds them into the tables.
  if (process.argv.includes('--checkpoint')) await control('CHECKPOINT');
  process.stdout.write(`${name}: statement ${(t1 - t0).toFixed(0)} ms, COMMIT ${(t2 - t1).toFixed(0)} ms${process.argv.includes('--checkpoint') ? `, CHECKPOINT ${(performance.now() - t2).toFixed(0)} ms` : ''}\n`);
}
const t = performance.now();
await conn.close();
await db.close();
process.stdout.write(`close: ${(performance.now() - t).toFixed(0)} ms\n`);
