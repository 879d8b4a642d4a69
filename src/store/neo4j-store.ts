// The Neo4j store: neo4j-driver 6 against a server, Aura or a cluster. Constraints and indexes from
// cypher/schema.cypher, then batched UNWIND $rows ... MERGE writes from cypher/load.cypher in
// executeWrite (retried on transient errors); queries in READ access mode. Integers go out as Neo4j
// integers and come back as numbers only when exact; no APOC, no dynamic labels, no id(n).
import path from 'node:path';
import { inspect } from 'node:util';
import neo4j from 'neo4j-driver';
import { ReportGraphError } from '../errors.ts';
import type { GraphDocument } from '../model/schema.ts';
import { NODE_LABELS } from '../model/vocab.ts';
import { CYPHER_DIR, namedStatements, schemaStatements, statement } from './cypher-files.ts';
import { fromStoredRows, toStoredRows, type NodeRow, type RelRow, type StoredProps, type StoredRows } from './graph-rows.ts';
import { findStale } from './load-plan.ts';
import { bigintValue, cleanProperties, isNodeLabel, propsFromStore, storedNode } from './query-values.ts';
import { queryFailedError, querySyntaxError, queryWriteError } from './store-errors.ts';
import { isClaimType, labelOfId, NODE_COLUMNS, REL_TYPES, relColumns, type Column } from './stored-model.ts';
import type { GraphStore, LoadOptions, LoadStats, QueryOptions, QueryResult, QueryValue, StoreCounts, StoredNode, StoredPath, StoredRelationship } from './types.ts';

const SCHEMA_FILE = path.join(CYPHER_DIR, 'schema.cypher');
const LOAD_FILE = path.join(CYPHER_DIR, 'load.cypher');
/** Rows per write transaction: a few thousand keeps each transaction small and the round trips few. */
export const NEO4J_BATCH = 2_000;
/** Tries per write batch when the connection drops, and the first pause between them (doubling). */
export const NEO4J_BATCH_ATTEMPTS = 4;
export let NEO4J_RETRY_DELAY_MS = 500;
/** Tests shorten the pause. */
export function setNeo4jRetryDelay(ms: number): void {
  NEO4J_RETRY_DELAY_MS = ms;
}

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database: string;
}

// The part of neo4j-driver the adapter uses, so a recording fake can stand in for it in tests.
export interface Neo4jRecordLike {
  keys: PropertyKey[];
  get(key: string): unknown;
}
export interface Neo4jResultLike extends PromiseLike<{ records: Neo4jRecordLike[] }> {
  keys(): Promise<PropertyKey[]>;
}
export interface Neo4jTxLike {
  run(query: string, parameters?: Record<string, unknown>): Neo4jResultLike;
}
export interface Neo4jSessionLike {
  executeRead<T>(work: (tx: Neo4jTxLike) => Promise<T>, config?: { timeout?: number }): Promise<T>;
  executeWrite<T>(work: (tx: Neo4jTxLike) => Promise<T>, config?: { timeout?: number }): Promise<T>;
  close(): Promise<void>;
}
export interface Neo4jDriverLike {
  session(config: { database: string; defaultAccessMode: 'READ' | 'WRITE' }): Neo4jSessionLike;
  verifyConnectivity(config?: { database?: string }): Promise<unknown>;
  close(): Promise<void>;
}

/** Connection settings from flags, else NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE. */
export function neo4jConfig(flags: Partial<Neo4jConfig> = {}, env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  const given = flags.uri ?? env.NEO4J_URI;
  if (!given) {
    throw new ReportGraphError('E_USAGE', 'the neo4j store needs a server: set NEO4J_URI (e.g. neo4j://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io) or pass --neo4j-uri');
  }
  // Credentials written into the address (neo4j://user:secret@host) are taken out of it, so the
  // address can be shown in messages without them.
  const { uri, user, password } = splitCredentials(given);
  return {
    uri,
    user: flags.user ?? env.NEO4J_USER ?? user ?? 'neo4j',
    password: flags.password ?? env.NEO4J_PASSWORD ?? password ?? '',
    database: flags.database ?? env.NEO4J_DATABASE ?? 'neo4j',
  };
}

function splitCredentials(uri: string): { uri: string; user?: string; password?: string } {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^@/?#]*)@(.*)$/i.exec(uri);
  if (!m) return { uri };
  const [, scheme, userinfo, rest] = m as unknown as [string, string, string, string];
  const colon = userinfo.indexOf(':');
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  return colon < 0
    ? { uri: `${scheme}${rest}`, user: decode(userinfo) }
    : { uri: `${scheme}${rest}`, user: decode(userinfo.slice(0, colon)), password: decode(userinfo.slice(colon + 1)) };
}

/** A message about this server with its password, should a driver ever echo it, blanked out. */
function withoutSecret(cfg: Neo4jConfig, message: string): string {
  return cfg.password.length >= 3 ? message.split(cfg.password).join('***') : message;
}

/**
 * The driver's error, kept as the cause for whoever debugs, unless it carries the password
 * anywhere (message, stack, fields): then a copy with the password blanked out.
 */
function safeCause(cfg: Neo4jConfig | null, err: unknown): unknown {
  if (!cfg || cfg.password.length < 3 || !inspect(err, { depth: 6 }).includes(cfg.password)) return err;
  const copy = new Error(withoutSecret(cfg, err instanceof Error ? err.message : String(err)));
  copy.name = err instanceof Error ? err.name : 'Error';
  copy.stack = withoutSecret(cfg, err instanceof Error ? String(err.stack) : copy.message);
  const code = errorCode(err);
  if (code) Object.assign(copy, { code: withoutSecret(cfg, code) });
  return copy;
}

function errorCode(err: unknown): string {
  const e = err as { code?: unknown; gqlStatus?: unknown } | null;
  return typeof e?.code === 'string' ? e.code : '';
}

function errorMessage(cfg: Neo4jConfig | null, err: unknown): string {
  const msg = rawErrorMessage(err);
  return cfg ? withoutSecret(cfg, msg) : msg;
}

function rawErrorMessage(err: unknown): string {
  // The driver's discovery errors end with a dump of its routing table: keep the sentence.
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.replace(/\s*Known routing table:.*$/, '').trim();
}

/** Connection-level errors (unreachable, credentials, database), the same for loads and queries; null for others. */
function connectionError(cfg: Neo4jConfig, err: unknown): ReportGraphError | null {
  if (err instanceof ReportGraphError) return err;
  const code = errorCode(err);
  const msg = errorMessage(cfg, err);
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ENOTFOUND|Could not perform discovery|Failed to connect/i.test(msg)) {
    return new ReportGraphError(
      'E_STORE_UNREACHABLE',
      `cannot reach Neo4j at ${cfg.uri} (${msg}). Is the server running, and is NEO4J_URI (or --neo4j-uri) right? Local servers are usually neo4j://localhost:7687, Aura neo4j+s://<id>.databases.neo4j.io`,
      { cause: safeCause(cfg, err) },
    );
  }
  if (code.startsWith('Neo.ClientError.Security.')) {
    return new ReportGraphError(
      'E_STORE_AUTH',
      `Neo4j at ${cfg.uri} refused user "${cfg.user}"${cfg.password ? '' : ' with no password'} (${msg}): set NEO4J_USER and NEO4J_PASSWORD (or --neo4j-user / --neo4j-password) to an account of that server`,
      { cause: safeCause(cfg, err) },
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound' || /database does not exist/i.test(msg)) {
    return new ReportGraphError(
      'E_STORE_DATABASE',
      `Neo4j at ${cfg.uri} has no database "${cfg.database}": create it (CREATE DATABASE \`${cfg.database}\`, on Enterprise or Aura) or set NEO4J_DATABASE (or --neo4j-database) to one that exists; the default is neo4j`,
      { cause: safeCause(cfg, err) },
    );
  }
  return null;
}

function mapQueryError(cfg: Neo4jConfig, err: unknown): ReportGraphError {
  const conn = connectionError(cfg, err);
  if (conn) return conn;
  const code = errorCode(err);
  const msg = errorMessage(cfg, err);
  if (code === 'Neo.ClientError.Statement.SyntaxError') return querySyntaxError('neo4j', msg, safeCause(cfg, err));
  if (code === 'Neo.ClientError.Statement.ParameterMissing') return new ReportGraphError('E_USAGE', `${msg}: give it with --param name=value`, { cause: safeCause(cfg, err) });
  if (code === 'Neo.ClientError.Statement.AccessMode' || code === 'Neo.ClientError.Cluster.NotALeader' || /in read access mode/i.test(msg)) {
    return queryWriteError('neo4j', undefined, safeCause(cfg, err));
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) return queryFailedError(`it ran past the time limit (${msg})`, safeCause(cfg, err));
  return queryFailedError(code ? `${msg} [${code}]` : msg, safeCause(cfg, err));
}

function mapLoadError(cfg: Neo4jConfig, err: unknown): ReportGraphError {
  return connectionError(cfg, err) ?? new ReportGraphError('E_STORE_DATABASE', `loading Neo4j at ${cfg.uri} (database ${cfg.database}) failed: ${errorMessage(cfg, err)}`, { cause: safeCause(cfg, err) });
}

/** Stored properties as Neo4j parameters: nulls left out (Neo4j stores none), integers as Neo4j integers, dates as Neo4j dates. */
export function neo4jProps(props: StoredProps, columns: readonly Column[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) {
    const v = props[c.name];
    if (v === null || v === undefined) continue;
    if (c.type === 'int') out[c.name] = neo4j.int(v as number);
    else if (c.type === 'int[]') out[c.name] = (v as number[]).map((n) => neo4j.int(n));
    else if (c.type === 'date') {
      const [y, m, d] = String(v).split('-').map(Number);
      out[c.name] = new neo4j.types.Date(neo4j.int(y!), neo4j.int(m!), neo4j.int(d!));
    } else out[c.name] = v;
  }
  return out;
}

/** A user's parameter as Neo4j expects it: whole numbers as integers (so `LIMIT $n` works), the rest as given. */
export function neo4jParam(v: unknown): unknown {
  if (typeof v === 'number' && Number.isInteger(v)) return neo4j.int(v);
  if (Array.isArray(v)) return v.map(neo4jParam);
  if (v && typeof v === 'object' && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, neo4jParam(x)]));
  return v;
}

/** A scalar from Neo4j as a plain value: integers exact or as strings, temporal values as ISO strings. */
function neo4jScalar(v: unknown): unknown {
  if (neo4j.isInt(v)) return v.inSafeRange() ? v.toNumber() : v.toString();
  if (typeof v === 'bigint') return bigintValue(v);
  if (neo4j.isDate(v) || neo4j.isDateTime(v) || neo4j.isLocalDateTime(v) || neo4j.isTime(v) || neo4j.isLocalTime(v) || neo4j.isDuration(v)) return v.toString();
  return v;
}

/** Converts Neo4j values to QueryValues; relationship ends are element ids, resolved to graph ids. */
class Neo4jValueConverter {
  readonly ids = new Map<string, string>();
  readonly wanted = new Set<string>();

  collect(v: unknown): void {
    if (neo4j.isNode(v)) {
      if (typeof v.properties.id === 'string') this.ids.set(v.elementId, v.properties.id);
    } else if (neo4j.isRelationship(v)) {
      this.wanted.add(v.startNodeElementId);
      this.wanted.add(v.endNodeElementId);
    } else if (neo4j.isPath(v)) {
      this.collect(v.start);
      for (const s of v.segments) this.collect(s.end);
    } else if (Array.isArray(v)) v.forEach((x) => this.collect(x));
    else if (v && typeof v === 'object' && !neo4j.isInt(v)) Object.values(v).forEach((x) => this.collect(x));
  }

  unresolved(): string[] {
    return [...this.wanted].filter((e) => !this.ids.has(e));
  }

  convert(v: unknown): QueryValue {
    if (v === null || v === undefined) return null;
    if (neo4j.isNode(v)) {
      const label = v.labels.find(isNodeLabel);
      const props = this.map(v.properties);
      return label ? storedNode(label, props) : { ...cleanProperties(props), _labels: v.labels };
    }
    if (neo4j.isRelationship(v)) return this.relationship(v);
    if (neo4j.isPath(v)) {
      const path: StoredPath = {
        $type: 'path',
        nodes: [v.start, ...v.segments.map((s) => s.end)].map((n) => this.convert(n) as StoredNode),
        relationships: v.segments.map((s) => this.relationship(s.relationship)),
      };
      return path;
    }
    if (neo4j.isPoint(v)) return { srid: neo4jScalar(v.srid) as number, x: v.x, y: v.y, ...(v.z === undefined ? {} : { z: v.z }) };
    const scalar = neo4jScalar(v);
    if (scalar !== v) return scalar as QueryValue;
    if (Array.isArray(v)) return v.map((x) => this.convert(x));
    if (typeof v === 'object') return this.map(v as Record<string, unknown>);
    return v as QueryValue;
  }

  private relationship(r: { type: string; startNodeElementId: string; endNodeElementId: string; properties: Record<string, unknown> }): StoredRelationship {
    return {
      $type: 'relationship',
      type: r.type as StoredRelationship['type'],
      from: this.ids.get(r.startNodeElementId) ?? '',
      to: this.ids.get(r.endNodeElementId) ?? '',
      properties: cleanProperties(this.map(r.properties)),
    };
  }

  private map(o: Record<string, unknown>): Record<string, QueryValue> {
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, this.convert(x)]));
  }
}

interface UpsertCounts {
  created: number;
  updated: number;
}

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private readonly statements = namedStatements(LOAD_FILE);

  private constructor(
    private readonly driver: Neo4jDriverLike,
    readonly config: Neo4jConfig,
  ) {}

  /** Connects and checks the server, the credentials and the database before anything else runs. */
  static async open(config: Neo4jConfig, driverFactory?: (cfg: Neo4jConfig) => Neo4jDriverLike): Promise<Neo4jStore> {
    let driver: Neo4jDriverLike;
    try {
      driver = driverFactory
        ? driverFactory(config)
        : (neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), { userAgent: 'reportgraph' }) as unknown as Neo4jDriverLike);
    } catch (err) {
      throw new ReportGraphError('E_USAGE', `NEO4J_URI "${config.uri}" is not a Neo4j address (${errorMessage(config, err)}): use neo4j://host:7687, neo4j+s://host (Aura), bolt://host:7687 or bolt+s://host`, { cause: safeCause(config, err) });
    }
    const store = new Neo4jStore(driver, config);
    try {
      await driver.verifyConnectivity({ database: config.database });
      await store.read(async (tx) => (await tx.run('RETURN 1 AS ok')).records);
    } catch (err) {
      await driver.close().catch(() => undefined);
      throw mapLoadError(config, err);
    }
    return store;
  }

  private async withSession<T>(mode: 'READ' | 'WRITE', work: (s: Neo4jSessionLike) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: mode });
    try {
      return await work(session);
    } finally {
      await session.close();
    }
  }

  private read<T>(work: (tx: Neo4jTxLike) => Promise<T>): Promise<T> {
    return this.withSession('READ', (s) => s.executeRead(work));
  }

  private async records(name: string, params: Record<string, unknown> = {}): Promise<Neo4jRecordLike[]> {
    const text = statement(this.statements, name, LOAD_FILE);
    return this.read(async (tx) => (await tx.run(text, params)).records);
  }

  /**
   * One batch in one write transaction. The driver's executeWrite already retries transient errors
   * inside one session; a connection that drops for longer surfaces here, and the batch (MERGEs
   * keyed by id and evidence, so safe to repeat) is tried again on a new session a few times.
   */
  private async write(text: string, params: Record<string, unknown>, onRetry?: (message: string) => void): Promise<UpsertCounts> {
    for (let attempt = 1; ; attempt++) {
      try {
        const records = await this.withSession('WRITE', (s) => s.executeWrite(async (tx) => (await tx.run(text, params)).records));
        const num = (k: string) => records.reduce((n, r) => (r.keys.includes(k) ? n + Number(neo4jScalar(r.get(k))) : n), 0);
        return { created: num('created'), updated: num('updated') };
      } catch (err) {
        if (attempt >= NEO4J_BATCH_ATTEMPTS || !neo4j.isRetryableError(err as Error)) throw err;
        onRetry?.(`a write batch failed (${errorMessage(this.config, err)}); trying again (${attempt + 1} of ${NEO4J_BATCH_ATTEMPTS})`);
        await new Promise((r) => setTimeout(r, NEO4J_RETRY_DELAY_MS * 2 ** (attempt - 1)));
      }
    }
  }

  async load(doc: GraphDocument, opts: LoadOptions = {}): Promise<LoadStats> {
    const wanted = toStoredRows(doc);
    try {
      for (const s of schemaStatements(SCHEMA_FILE)) await this.withSession('WRITE', (session) => session.executeWrite(async (tx) => (await tx.run(s)).records));
      const storedIds: Pick<NodeRow, 'label' | 'id'>[] = [];
      for (const label of NODE_LABELS) for (const r of await this.records(`ids-${label}`)) storedIds.push({ label, id: String(r.get('id')) });
      const storedKeys: Pick<RelRow, 'type' | 'from' | 'to' | 'key'>[] = [];
      for (const type of REL_TYPES) {
        for (const r of await this.records(`keys-${type}`)) storedKeys.push({ type, from: String(r.get('from')), to: String(r.get('to')), key: String(r.get('key') ?? '') });
      }
      const stale = findStale(storedIds, storedKeys, wanted);
      const stats: LoadStats = { nodesCreated: 0, nodesUpdated: 0, nodesDeleted: stale.nodes.length, relationshipsCreated: 0, relationshipsUpdated: 0, relationshipsDeleted: stale.rels.length };
      const total = stale.relsToDelete.length + stale.nodes.length + wanted.nodes.length + wanted.rels.length;
      let done = 0;
      const tick = (n: number) => {
        done += n;
        opts.onProgress?.(done, total);
      };

      for (const type of REL_TYPES) {
        const rows = stale.relsToDelete.filter((r) => r.type === type).map((r) => ({ from: r.from, to: r.to, key: r.key }));
        for (const batch of batches(rows)) {
          await this.write(statement(this.statements, `delete-${type}`, LOAD_FILE), { rows: batch }, opts.onRetry);
          tick(batch.length);
        }
      }
      for (const label of NODE_LABELS) {
        const ids = stale.nodes.filter((n) => n.label === label).map((n) => n.id);
        for (const batch of batches(ids)) {
          await this.write(statement(this.statements, `delete-${label}`, LOAD_FILE), { ids: batch }, opts.onRetry);
          tick(batch.length);
        }
      }
      for (const label of NODE_LABELS) {
        const rows = wanted.nodes.filter((n) => n.label === label).map((n) => ({ id: n.id, props: neo4jProps(n.props, NODE_COLUMNS[label]) }));
        for (const batch of batches(rows)) {
          const c = await this.write(statement(this.statements, `upsert-${label}`, LOAD_FILE), { rows: batch }, opts.onRetry);
          stats.nodesCreated += c.created;
          stats.nodesUpdated += c.updated;
          tick(batch.length);
        }
      }
      for (const type of REL_TYPES) {
        const rows = wanted.rels.filter((r) => r.type === type).map((r) => ({ from: r.from, to: r.to, key: r.key, props: neo4jProps(r.props, relColumns(type)) }));
        for (const batch of batches(rows)) {
          const c = await this.write(statement(this.statements, `upsert-${type}`, LOAD_FILE), { rows: batch }, opts.onRetry);
          stats.relationshipsCreated += c.created;
          stats.relationshipsUpdated += c.updated;
          tick(batch.length);
        }
      }
      return stats;
    } catch (err) {
      throw mapLoadError(this.config, err);
    }
  }

  async query(cypher: string, params: Record<string, unknown> = {}, opts: QueryOptions = {}): Promise<QueryResult> {
    const neoParams = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, neo4jParam(v)]));
    const txConfig = opts.timeoutMs ? { timeout: opts.timeoutMs } : undefined;
    const work = async (tx: Neo4jTxLike): Promise<QueryResult> => {
      const result = tx.run(cypher, neoParams);
      const { records } = await result;
      const columns = (await result.keys()).map(String);
      const kept = opts.maxRows === undefined ? records : records.slice(0, opts.maxRows);
      const conv = new Neo4jValueConverter();
      for (const r of kept) for (const c of columns) conv.collect(r.get(c));
      const missing = conv.unresolved();
      if (missing.length > 0) {
        const lookup = await tx.run('MATCH (n) WHERE elementId(n) IN $ids RETURN elementId(n) AS e, n.id AS id', { ids: missing });
        for (const r of (await lookup).records) conv.ids.set(String(r.get('e')), String(r.get('id')));
      }
      const rows = kept.map((r) => Object.fromEntries(columns.map((c) => [c, conv.convert(r.get(c))])));
      return { columns, rows, truncated: kept.length < records.length };
    };
    try {
      return await this.withSession(opts.write ? 'WRITE' : 'READ', (s) => (opts.write ? s.executeWrite(work, txConfig) : s.executeRead(work, txConfig)));
    } catch (err) {
      throw mapQueryError(this.config, err);
    }
  }

  private async readRows(): Promise<StoredRows> {
    const nodes: NodeRow[] = [];
    for (const label of NODE_LABELS) {
      for (const r of await this.records(`read-${label}`)) {
        const node = r.get('n') as { properties: Record<string, unknown> };
        const props = propsFromStore(node.properties, NODE_COLUMNS[label], neo4jScalar);
        nodes.push({ label, id: String(props.id), props });
      }
    }
    const rels: RelRow[] = [];
    for (const type of REL_TYPES) {
      for (const r of await this.records(`read-${type}`)) {
        const from = String(r.get('from'));
        const to = String(r.get('to'));
        const rel = r.get('r') as { properties: Record<string, unknown> };
        const props = propsFromStore(rel.properties, relColumns(type), neo4jScalar);
        rels.push({ type, from, to, fromLabel: labelOfId(from) ?? 'Actor', toLabel: labelOfId(to) ?? 'Actor', key: isClaimType(type) ? String(props.key ?? '') : '', props });
      }
    }
    return { nodes, rels };
  }

  async readGraph(): Promise<GraphDocument> {
    try {
      return fromStoredRows(await this.readRows(), `Neo4j at ${this.config.uri} (database ${this.config.database})`);
    } catch (err) {
      throw connectionError(this.config, err) ?? safeCause(this.config, err);
    }
  }

  async counts(): Promise<StoreCounts> {
    const counts: StoreCounts = { nodes: {}, relationships: {} };
    try {
      await this.read(async (tx) => {
        for (const label of NODE_LABELS) {
          const { records } = await tx.run(`MATCH (n:${label}) RETURN count(n) AS n`);
          counts.nodes[label] = Number(neo4jScalar(records[0]?.get('n') ?? 0));
        }
        for (const type of REL_TYPES) {
          const { records } = await tx.run(`MATCH ()-[r:${type}]->() RETURN count(r) AS n`);
          counts.relationships[type] = Number(neo4jScalar(records[0]?.get('n') ?? 0));
        }
      });
    } catch (err) {
      throw mapLoadError(this.config, err);
    }
    return counts;
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

function* batches<T>(rows: readonly T[], size = NEO4J_BATCH): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
