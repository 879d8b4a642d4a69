// A recording stand-in for neo4j-driver: it records every statement with its parameters and
// access mode, and answers reportgraph's own fixed statements (cypher/schema.cypher,
// cypher/load.cypher, the counts and connectivity checks) from an in-memory graph, with the
// semantics those statements have on a server (MERGE by id or key, SET n = props, DETACH DELETE,
// READ sessions refusing writes). Values are kept as the driver sends them (Neo4j integers and
// dates) and returned as real driver objects (Node, Relationship, Integer), so conversions are
// exercised. Any other statement goes to `onQuery`, or fails like an unknown procedure would.
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { CYPHER_DIR, namedStatements, schemaStatements } from '../../src/store/cypher-files.ts';
import type { Neo4jConfig, Neo4jDriverLike, Neo4jRecordLike, Neo4jResultLike, Neo4jSessionLike, Neo4jTxLike } from '../../src/store/neo4j-store.ts';
import { isClaimType, REL_PAIRS, type RelType } from '../../src/store/stored-model.ts';
import type { NodeLabel } from '../../src/model/vocab.ts';

export interface Call {
  mode: 'READ' | 'WRITE';
  /** executeRead / executeWrite, as the adapter chose. */
  via: 'executeRead' | 'executeWrite';
  database: string;
  query: string;
  /** The statement's name in cypher/load.cypher, 'schema', or null for any other statement. */
  name: string | null;
  params: Record<string, unknown>;
}

interface FakeNode {
  label: NodeLabel;
  props: Record<string, unknown>;
  elementId: string;
}
interface FakeRel {
  type: RelType;
  from: string;
  to: string;
  props: Record<string, unknown>;
  elementId: string;
}

export class FakeRecord implements Neo4jRecordLike {
  constructor(private readonly values: Record<string, unknown>) {}
  get keys(): PropertyKey[] {
    return Object.keys(this.values);
  }
  get(key: string): unknown {
    if (!(key in this.values)) throw new Error(`record has no field ${key}`);
    return this.values[key];
  }
}

export function neo4jError(code: string, message: string): Error {
  const err = new neo4j.Neo4jError(message, code as never, '50N42', 'error: general processing exception');
  return err;
}

/** Equality as Cypher's `=` on stored values: Neo4j integers and dates compared by value. */
function same(a: unknown, b: unknown): boolean {
  if (neo4j.isInt(a) || neo4j.isInt(b)) return neo4j.isInt(a) && neo4j.isInt(b) && a.equals(b);
  if (neo4j.isDate(a) || neo4j.isDate(b)) return neo4j.isDate(a) && neo4j.isDate(b) && a.toString() === b.toString();
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return same(ka, kb) && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

const LOAD_STATEMENTS = namedStatements(path.join(CYPHER_DIR, 'load.cypher'));
const SCHEMA = new Set(schemaStatements(path.join(CYPHER_DIR, 'schema.cypher')));
const BY_TEXT = new Map([...LOAD_STATEMENTS.entries()].map(([name, text]) => [text, name]));

export class FakeNeo4jDriver implements Neo4jDriverLike {
  readonly calls: Call[] = [];
  readonly nodes = new Map<string, FakeNode>();
  rels: FakeRel[] = [];
  closed = false;
  /** Fail connecting (verifyConnectivity) with this error. */
  connectError: Error | null = null;
  /** Answers statements the fake does not know; return records, or throw. */
  onQuery: ((query: string, params: Record<string, unknown>, mode: 'READ' | 'WRITE') => Record<string, unknown>[]) | null = null;
  /**
   * Fail the nth data write (1-based, schema statements not counted) with the error returned, as a
   * server that drops the connection mid-load would; nothing of that batch is applied.
   */
  failWrite: ((nth: number) => Error | null) | null = null;
  private dataWrites = 0;
  private nextId = 0;

  constructor(readonly config?: Neo4jConfig) {}

  /** Statements run, without the schema ones, as [name or query, params]. */
  writes(): Call[] {
    return this.calls.filter((c) => c.name !== 'schema' && c.via === 'executeWrite');
  }

  session(config: { database: string; defaultAccessMode: 'READ' | 'WRITE' }): Neo4jSessionLike {
    const run = (via: Call['via']) => async <T>(work: (tx: Neo4jTxLike) => Promise<T>): Promise<T> => {
      const mode = via === 'executeWrite' ? 'WRITE' : 'READ';
      const tx: Neo4jTxLike = { run: (query, params = {}) => this.run(mode, via, config.database, query, params) };
      return work(tx);
    };
    return { executeRead: run('executeRead'), executeWrite: run('executeWrite'), close: async () => undefined };
  }

  async verifyConnectivity(): Promise<unknown> {
    if (this.connectError) throw this.connectError;
    return {};
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private run(mode: 'READ' | 'WRITE', via: Call['via'], database: string, query: string, params: Record<string, unknown>): Neo4jResultLike {
    const name = SCHEMA.has(query) ? 'schema' : (BY_TEXT.get(query) ?? null);
    this.calls.push({ mode, via, database, query, name, params });
    let records: FakeRecord[];
    let error: unknown = null;
    try {
      const injected = via === 'executeWrite' && name !== 'schema' && this.failWrite ? this.failWrite(++this.dataWrites) : null;
      if (injected) throw injected;
      records = this.answer(mode, name, query, params).map((r) => new FakeRecord(r));
    } catch (err) {
      records = [];
      error = err;
    }
    const keys = records[0]?.keys ?? [];
    const promise = error ? Promise.reject(error) : Promise.resolve({ records });
    promise.catch(() => undefined);
    return { then: (ok, bad) => promise.then(ok, bad), keys: async () => keys };
  }

  private answer(mode: 'READ' | 'WRITE', name: string | null, query: string, params: Record<string, unknown>): Record<string, unknown>[] {
    if (name === 'schema') {
      if (mode === 'READ') throw neo4jError('Neo.ClientError.Statement.AccessMode', 'Schema operations are not allowed for AccessMode.READ');
      return [];
    }
    if (name) {
      const [verb, what] = [name.slice(0, name.indexOf('-')), name.slice(name.indexOf('-') + 1)];
      if ((verb === 'upsert' || verb === 'delete') && mode === 'READ') throw neo4jError('Neo.ClientError.Statement.AccessMode', 'Writing in read access mode not allowed');
      const isLabel = /^[A-Z][a-z]+$/.test(what);
      if (verb === 'upsert') return isLabel ? this.upsertNodes(what as NodeLabel, params.rows as NodeRowParam[]) : this.upsertRels(what as RelType, params.rows as RelRowParam[]);
      if (verb === 'delete') return isLabel ? this.deleteNodes(what as NodeLabel, params.ids as string[]) : this.deleteRels(what as RelType, params.rows as RelRowParam[]);
      if (verb === 'ids') return [...this.nodes.values()].filter((n) => n.label === what).map((n) => ({ id: n.props.id }));
      if (verb === 'keys') return this.rels.filter((r) => r.type === what).map((r) => ({ from: r.from, to: r.to, key: isClaimType(r.type) ? r.props.key : '' }));
      if (verb === 'read' && isLabel) return [...this.nodes.values()].filter((n) => n.label === what).map((n) => ({ n: this.node(n) }));
      if (verb === 'read') return this.rels.filter((r) => r.type === what).map((r) => ({ from: r.from, to: r.to, r: this.rel(r) }));
    }
    if (query === 'RETURN 1 AS ok') return [{ ok: neo4j.int(1) }];
    const countNodes = /^MATCH \(n:(\w+)\) RETURN count\(n\) AS n$/.exec(query);
    if (countNodes) return [{ n: neo4j.int([...this.nodes.values()].filter((n) => n.label === countNodes[1]).length) }];
    const countRels = /^MATCH \(\)-\[r:(\w+)\]->\(\) RETURN count\(r\) AS n$/.exec(query);
    if (countRels) return [{ n: neo4j.int(this.rels.filter((r) => r.type === countRels[1]).length) }];
    if (query.startsWith('MATCH (n) WHERE elementId(n) IN $ids')) {
      const ids = new Set(params.ids as string[]);
      return [...this.nodes.values()].filter((n) => ids.has(n.elementId)).map((n) => ({ e: n.elementId, id: n.props.id }));
    }
    if (this.onQuery) return this.onQuery(query, params, mode);
    throw neo4jError('Neo.ClientError.Statement.SyntaxError', `the fake driver does not run: ${query.slice(0, 60)}`);
  }

  node(n: FakeNode) {
    return new neo4j.types.Node(neo4j.int(Number(n.elementId.split(':')[1])), [n.label], n.props, n.elementId);
  }

  rel(r: FakeRel) {
    const a = this.nodes.get(r.from)!;
    const b = this.nodes.get(r.to)!;
    return new neo4j.types.Relationship(neo4j.int(0), neo4j.int(0), neo4j.int(0), r.type, r.props, r.elementId, a.elementId, b.elementId);
  }

  private newElementId(): string {
    return `4:${this.nextId++}`;
  }

  private findNode(id: string, labels: readonly NodeLabel[]): FakeNode | undefined {
    const n = this.nodes.get(id);
    return n && labels.includes(n.label) ? n : undefined;
  }

  private upsertNodes(label: NodeLabel, rows: NodeRowParam[]) {
    let created = 0;
    let updated = 0;
    for (const row of rows) {
      const old = this.nodes.get(row.id);
      if (old && same(old.props, row.props)) continue;
      if (old) {
        old.props = { ...row.props };
        updated++;
      } else {
        this.nodes.set(row.id, { label, props: { ...row.props }, elementId: this.newElementId() });
        created++;
      }
    }
    return [{ created: neo4j.int(created), updated: neo4j.int(updated) }];
  }

  private upsertRels(type: RelType, rows: RelRowParam[]) {
    const fromLabels = REL_PAIRS[type].map(([f]) => f);
    const toLabels = REL_PAIRS[type].map(([, t]) => t);
    let created = 0;
    let updated = 0;
    for (const row of rows) {
      // MATCH drops a row whose end is missing, as on the server.
      if (!this.findNode(row.from, fromLabels) || !this.findNode(row.to, toLabels)) continue;
      const old = this.rels.find((r) => r.type === type && r.from === row.from && r.to === row.to && (!isClaimType(type) || r.props.key === row.key));
      const props = type === 'MENTIONS' ? {} : { ...row.props };
      if (old && (type === 'MENTIONS' || same(old.props, props))) continue;
      if (old) {
        old.props = props;
        updated++;
      } else {
        this.rels.push({ type, from: row.from, to: row.to, props, elementId: `5:${this.nextId++}` });
        created++;
      }
    }
    return [{ created: neo4j.int(created), updated: neo4j.int(updated) }];
  }

  private deleteNodes(label: NodeLabel, ids: string[]) {
    let deleted = 0;
    for (const id of ids) {
      if (this.nodes.get(id)?.label !== label) continue;
      this.nodes.delete(id);
      this.rels = this.rels.filter((r) => r.from !== id && r.to !== id);
      deleted++;
    }
    return [{ deleted: neo4j.int(deleted) }];
  }

  private deleteRels(type: RelType, rows: RelRowParam[]) {
    const before = this.rels.length;
    const gone = (r: FakeRel) => rows.some((row) => r.type === type && r.from === row.from && r.to === row.to && (!isClaimType(type) || r.props.key === row.key));
    this.rels = this.rels.filter((r) => !gone(r));
    return [{ deleted: neo4j.int(before - this.rels.length) }];
  }
}

interface NodeRowParam {
  id: string;
  props: Record<string, unknown>;
}
interface RelRowParam {
  from: string;
  to: string;
  key: string;
  props: Record<string, unknown>;
}
