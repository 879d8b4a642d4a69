// Stores for the export tests: what `kg load --store neo4j` leaves in a database (the Neo4j
// adapter's own load, kept by the recording fake driver), a fake server already holding a
// database, and the cypher export run statement by statement against a fresh embedded (Kuzu) store.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GraphDocument } from '../../../src/model/schema.ts';
import type { NodeLabel } from '../../../src/model/vocab.ts';
import { KuzuStore } from '../../../src/store/kuzu-store.ts';
import { Neo4jStore, type Neo4jConfig } from '../../../src/store/neo4j-store.ts';
import { NODE_COLUMNS, relColumns, type RelType } from '../../../src/store/stored-model.ts';
import type { StoreCounts } from '../../../src/store/types.ts';
import { FakeNeo4jDriver } from '../../store/fake-neo4j-driver.ts';
import { kuzuStatement, parseCypherScript, type SimDb, type SimValue } from './readers.ts';

export const NEO4J_CONFIG: Neo4jConfig = { uri: 'neo4j://graph.example:7687', user: 'analyst', password: 'secret', database: 'reports' };

/** The database a fake server holds, as a SimDb. */
export function serverContents(fake: FakeNeo4jDriver): SimDb {
  return {
    nodes: new Map([...fake.nodes.entries()].map(([id, n]) => [id, { label: n.label, props: n.props as Record<string, SimValue> }])),
    rels: fake.rels.map((r) => ({ type: r.type, from: r.from, to: r.to, props: r.props as Record<string, SimValue> })),
  };
}

/** What `kg load --store neo4j` leaves in an empty database. */
export async function kgLoadDatabase(doc: GraphDocument): Promise<SimDb> {
  const fake = new FakeNeo4jDriver();
  const store = await Neo4jStore.open(NEO4J_CONFIG, () => fake);
  await store.load(doc);
  await store.close();
  return serverContents(fake);
}

/** neo4j-admin reads an empty field as no value, so it cannot import an empty list, nor a list of one ''. */
export function unimportable(v: unknown): boolean {
  return Array.isArray(v) && (v.length === 0 || (v.length === 1 && v[0] === ''));
}

/** A database as neo4j-admin would hold it: those lists absent. */
export function withoutUnimportableLists(db: SimDb): SimDb {
  const keep = (props: Record<string, SimValue>) => Object.fromEntries(Object.entries(props).filter(([, v]) => !unimportable(v)));
  return {
    nodes: new Map([...db.nodes.entries()].map(([id, n]) => [id, { ...n, props: keep(n.props) }])),
    rels: db.rels.map((r) => ({ ...r, props: keep(r.props) })),
  };
}

/** How many nodes and relationships hold a list neo4j-admin cannot import. */
export function countUnimportable(db: SimDb): number {
  const has = (props: Record<string, SimValue>) => Object.values(props).some(unimportable);
  return [...db.nodes.values()].filter((n) => has(n.props)).length + db.rels.filter((r) => has(r.props)).length;
}

/** A fake server already holding `db`, as after an import or a script run. */
export function serverHolding(db: SimDb): FakeNeo4jDriver {
  const fake = new FakeNeo4jDriver();
  let n = 0;
  for (const [id, node] of db.nodes) fake.nodes.set(id, { label: node.label as NodeLabel, props: node.props, elementId: `9:${n++}` });
  for (const r of db.rels) fake.rels.push({ type: r.type as RelType, from: r.from, to: r.to, props: r.props, elementId: `9:${n++}` });
  return fake;
}

const columnsOf = (labelOrType: string) => (labelOrType in NODE_COLUMNS ? NODE_COLUMNS[labelOrType as NodeLabel] : relColumns(labelOrType as RelType));

export interface ScriptRun {
  /** Counts after each pass over the script. */
  counts: StoreCounts[];
  graph: GraphDocument;
  /** Statements Kuzu has no use for (constraints and indexes: its tables have primary keys). */
  skipped: number;
}

/**
 * The cypher export run statement by statement, `passes` times, against a fresh embedded store.
 * Each statement is parsed with Neo4j's rules and run in Kuzu's dialect with its values as
 * parameters (see kuzuStatement in readers.ts for why).
 */
export async function runScriptOnKuzu(script: string, passes = 1): Promise<ScriptRun> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'kg-script-'));
  const store = await KuzuStore.open({ home, readOnly: false});
  try {
    const statements = parseCypherScript(script);
    const counts: StoreCounts[] = [];
    let skipped = 0;
    for (let pass = 0; pass < passes; pass++) {
      skipped = 0;
      for (const s of statements) {
        if (s.kind === 'schema') {
          skipped++;
          continue;
        }
        const { text, params } = kuzuStatement(s, columnsOf);
        await store.query(text, params, { write: true });
      }
      counts.push(await store.counts());
    }
    return { counts, graph: await store.readGraph(), skipped };
  } finally {
    await store.close();
    rmSync(home, { recursive: true, force: true });
  }
}

/** `kg load` of a document into a fresh embedded store: its counts and what it reads back. */
export async function loadIntoFreshStore(doc: GraphDocument): Promise<{ counts: StoreCounts; graph: GraphDocument }> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'kg-load-'));
  const store = await KuzuStore.open({ home, readOnly: false});
  try {
    await store.load(doc);
    return { counts: await store.counts(), graph: await store.readGraph() };
  } finally {
    await store.close();
    rmSync(home, { recursive: true, force: true });
  }
}
