// The embedded store: Kuzu in <home>/db, no server. Typed tables from cypher/schema.kuzu.cypher;
// a load compares the document with what is stored (from digests of the last load, else read
// back) and, when anything differs, bulk-copies the document from JSON files into a fresh
// database that replaces the old one; queries run in read-only transactions (or on a read-only
// database).
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Connection, Database, type KuzuValue, type QueryResult as KuzuResult } from 'kuzu';
import { ReportGraphError } from '../errors.ts';
import { homePaths } from '../config.ts';
import type { GraphDocument } from '../model/schema.ts';
import { NODE_LABELS } from '../model/vocab.ts';
import { CYPHER_DIR, namedStatements, schemaStatements, statement } from './cypher-files.ts';
import { eachStoredRow, fromStoredRows, type NodeRow, type RelRow, type StoredRows } from './graph-rows.ts';
import { compareWithDigests, digestsOfRows, fileLines, parseRowDigests, RowDigestWriter, type StoredDigests } from './row-digests.ts';
import { bigintValue, cleanProperties, dateValue, isNodeLabel, propsFromStore, storedNode } from './query-values.ts';
import { queryFailedError, querySyntaxError, queryWriteError, storeLockedError, storeMissingError, storeVersionError } from './store-errors.ts';
import { checkMarker, writeMarker } from './store-marker.ts';
import { isClaimType, labelOfId, NODE_COLUMNS, REL_TYPES, relColumns } from './stored-model.ts';
import type { GraphStore, LoadStats, QueryOptions, QueryResult, QueryValue, StoreCounts, StoredPath, StoredRelationship } from './types.ts';

const SCHEMA_FILE = path.join(CYPHER_DIR, 'schema.kuzu.cypher');
const LOAD_FILE = path.join(CYPHER_DIR, 'load.kuzu.cypher');
export interface EmbeddedOptions {
  /** The reportgraph home; the database lives in <home>/db. */
  home: string;
  /** Open the database read-only (queries); several readers may share it, a writer excludes all others. */
  readOnly: boolean;
  /** Buffer pool for Kuzu, MiB (default 512). */
  bufferPoolMb?: number;
}

export function embeddedDbPaths(home: string): { dir: string; file: string } {
  const dir = homePaths(home).embeddedDb;
  return { dir, file: path.join(dir, 'graph.kuzu') };
}

function kuzuMessage(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).trim();
}

/** Kuzu's errors for a query, as the user's error codes. */
function mapQueryError(err: unknown): ReportGraphError {
  if (err instanceof ReportGraphError) return err;
  const msg = kuzuMessage(err);
  if (/read-only (transaction|database)|Cannot execute write operations/i.test(msg)) return queryWriteError('embedded', undefined, err);
  if (/^(Parser|Binder|Catalog) exception|prepare multiple statements/i.test(msg)) return querySyntaxError('embedded', msg, err);
  if (/interrupted|timeout/i.test(msg)) return queryFailedError(`it ran past the time limit (${msg})`, err);
  return queryFailedError(`${msg}${bufferHint(msg)}`, err);
}

/** Kuzu's "buffer pool is full" names no remedy: say which option gives it more room. */
function bufferHint(msg: string): string {
  return /buffer pool is full/i.test(msg) ? ' (give the embedded store a larger buffer pool: --buffer-mb, e.g. 3072 for 100,000 reports)' : '';
}

/** Statements that read or write files are not queries: refused on the read-only path even though Kuzu would run them. */
const FILE_ACCESS = /\b(COPY|LOAD|INSTALL|ATTACH|DETACH\s+DATABASE|EXPORT|IMPORT|USE)\b/i;

function withoutLiteralsAndComments(cypher: string): string {
  return cypher
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`/g, ' ');
}

/** Kuzu cannot bind an empty list or a list of mixed types (it crashes or coerces): refuse them with a message. */
function checkKuzuParam(name: string, value: unknown): void {
  if (Array.isArray(value)) {
    if (value.length === 0) throw new ReportGraphError('E_USAGE', `parameter ${name} is an empty list, which the embedded store (Kuzu) cannot bind: leave it out of the query or give at least one item`);
    const kinds = new Set(value.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v)));
    kinds.delete('null');
    if (kinds.size > 1) throw new ReportGraphError('E_USAGE', `parameter ${name} mixes ${[...kinds].join(' and ')} items; the embedded store (Kuzu) needs lists of one type`);
    value.forEach((v, i) => checkKuzuParam(`${name}[${i}]`, v));
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) checkKuzuParam(`${name}.${k}`, v);
  } else if (typeof value === 'bigint') {
    throw new ReportGraphError('E_USAGE', `parameter ${name}: pass integers as numbers`);
  }
}

/** A plain value from Kuzu (no node, relationship or path), as a QueryValue. */
function plainValue(v: unknown): QueryValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return bigintValue(v);
  if (v instanceof Date) return dateValue(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
  if (Array.isArray(v)) return v.map(plainValue);
  return null;
}

type Raw = Record<string, unknown>;
const internalKey = (id: unknown): string | null => {
  const o = id as { table?: unknown; offset?: unknown } | null;
  return o && typeof o === 'object' && o.table !== undefined && o.offset !== undefined ? `${String(o.table)}:${String(o.offset)}` : null;
};
const isKuzuNode = (v: Raw) => '_label' in v && '_id' in v && !('_src' in v);
const isKuzuRel = (v: Raw) => '_src' in v && '_dst' in v && '_label' in v;
const isKuzuPath = (v: Raw) => '_nodes' in v && '_rels' in v;

/** Converts Kuzu values to QueryValues, resolving relationship ends (Kuzu's internal ids) to graph ids. */
class KuzuValueConverter {
  /** internal id "table:offset" -> graph id, from every node seen, then from a lookup. */
  readonly ids = new Map<string, string>();
  readonly missing = new Set<string>();

  collect(v: unknown): void {
    if (!v || typeof v !== 'object' || v instanceof Date || v instanceof Uint8Array) return;
    if (Array.isArray(v)) return v.forEach((x) => this.collect(x));
    const o = v as Raw;
    if (isKuzuNode(o)) {
      const key = internalKey(o._id);
      if (key && typeof o.id === 'string') this.ids.set(key, o.id);
      return;
    }
    if (isKuzuRel(o)) {
      for (const end of [o._src, o._dst]) {
        const key = internalKey(end);
        if (key) this.missing.add(key);
      }
      return;
    }
    for (const x of Object.values(o)) this.collect(x);
  }

  unresolved(): string[] {
    return [...this.missing].filter((k) => !this.ids.has(k));
  }

  convert(v: unknown): QueryValue {
    if (!v || typeof v !== 'object' || v instanceof Date || v instanceof Uint8Array || Array.isArray(v)) {
      return Array.isArray(v) ? v.map((x) => this.convert(x)) : plainValue(v);
    }
    const o = v as Raw;
    if (isKuzuPath(o)) {
      const path: StoredPath = {
        $type: 'path',
        nodes: (o._nodes as unknown[]).map((n) => this.convert(n)).filter((n): n is StoredPath['nodes'][number] => isStored(n, 'node')),
        relationships: (o._rels as unknown[]).map((r) => this.convert(r)).filter((r): r is StoredRelationship => isStored(r, 'relationship')),
      };
      return path;
    }
    const props: Record<string, QueryValue> = {};
    for (const [k, x] of Object.entries(o)) if (!k.startsWith('_')) props[k] = this.convert(x);
    if (isKuzuNode(o)) {
      return isNodeLabel(o._label) ? storedNode(o._label, props) : { ...cleanProperties(props), _label: String(o._label) };
    }
    if (isKuzuRel(o)) {
      const rel: StoredRelationship = {
        $type: 'relationship',
        type: String(o._label) as StoredRelationship['type'],
        from: this.ids.get(internalKey(o._src) ?? '') ?? '',
        to: this.ids.get(internalKey(o._dst) ?? '') ?? '',
        properties: cleanProperties(props),
      };
      return rel;
    }
    return props;
  }
}

function isStored(v: QueryValue, type: 'node' | 'relationship'): boolean {
  return !!v && typeof v === 'object' && !Array.isArray(v) && (v as { $type?: string }).$type === type;
}

/** Runs one statement at a time on the connection: Kuzu transactions belong to the connection, so calls must not interleave. */
class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

export class KuzuStore implements GraphStore {
  readonly kind = 'embedded' as const;
  private readonly serial = new Serial();
  private readonly statements = namedStatements(LOAD_FILE);
  private closed = false;

  private constructor(
    private db: Database,
    private conn: Connection,
    readonly dbDir: string,
    readonly readOnly: boolean,
    private readonly bufferBytes: number,
  ) {}

  static async open(opts: EmbeddedOptions): Promise<KuzuStore> {
    const { dir, file } = embeddedDbPaths(opts.home);
    const storage = String(Database.getStorageVersion());
    const exists = existsSync(file);
    if (exists) checkMarker(dir, storage);
    else if (opts.readOnly) throw storeMissingError(dir);
    else {
      mkdirSync(dir, { recursive: true });
      // The marker goes first, so a store is never left without one.
      writeMarker(dir, storage);
    }
    const bufferBytes = (opts.bufferPoolMb ?? 512) * 1024 * 1024;
    return KuzuStore.openAt(dir, bufferBytes, opts.readOnly);
  }

  /** The database in `dir` (a store's, or a store being built beside it), tables created when writable. */
  private static async openAt(dir: string, bufferBytes: number, readOnly: boolean): Promise<KuzuStore> {
    const { db, conn } = await KuzuStore.connect(dir, bufferBytes, readOnly);
    const store = new KuzuStore(db, conn, dir, readOnly, bufferBytes);
    if (!readOnly) for (const s of schemaStatements(SCHEMA_FILE)) await store.exec(s);
    return store;
  }

  private static async connect(dir: string, bufferBytes: number, readOnly: boolean): Promise<{ db: Database; conn: Connection }> {
    // maxDBSize bounds the address space Kuzu reserves (8 TiB by default), so many stores fit in one process.
    const db = new Database(path.join(dir, 'graph.kuzu'), bufferBytes, true, readOnly, 2 ** 40);
    try {
      await db.init();
    } catch (err) {
      const msg = kuzuMessage(err);
      if (/lock/i.test(msg)) throw storeLockedError(dir, err);
      if (/different version|not a valid Kuzu database/i.test(msg)) throw storeVersionError(dir, `cannot be opened by this version of Kuzu (${msg.split('\n')[0]})`, err);
      throw new ReportGraphError('E_STORE_DATABASE', `cannot open the embedded store in ${dir}: ${msg}`, { cause: err });
    }
    return { db, conn: new Connection(db) };
  }

  /** One statement, results read and closed (a result left open when the database closes crashes Kuzu). */
  private async exec(cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, KuzuValue>[]> {
    const prepared = await this.conn.prepare(cypher);
    if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
    const result = await this.conn.execute(prepared, params as Record<string, KuzuValue>);
    const results: KuzuResult[] = Array.isArray(result) ? result : [result];
    try {
      // Sync: several times faster than getAll() on large reads (no hop per row); loads and reads are batch work.
      return results[results.length - 1]!.getAllSync();
    } finally {
      for (const r of results) r.close();
    }
  }

  /** Statements with no parameters Kuzu cannot prepare (transaction control). */
  private async control(cypher: string): Promise<void> {
    const result = await this.conn.query(cypher);
    for (const r of Array.isArray(result) ? result : [result]) r.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new ReportGraphError('E_STORE_DATABASE', `the embedded store in ${this.dbDir} is closed`);
  }

  private async readRows(): Promise<StoredRows> {
    const nodes: NodeRow[] = [];
    for (const label of NODE_LABELS) {
      for (const row of await this.exec(statement(this.statements, `read-${label}`, LOAD_FILE))) {
        const props = propsFromStore(row.n as Raw, NODE_COLUMNS[label], plainValue);
        nodes.push({ label, id: String(props.id), props });
      }
    }
    const rels: RelRow[] = [];
    for (const type of REL_TYPES) {
      for (const row of await this.exec(statement(this.statements, `read-${type}`, LOAD_FILE))) {
        const from = String(row.from);
        const to = String(row.to);
        const props = propsFromStore(row.r as Raw, relColumns(type), plainValue);
        rels.push({ type, from, to, fromLabel: labelOfId(from) ?? 'Actor', toLabel: labelOfId(to) ?? 'Actor', key: isClaimType(type) ? String(props.key ?? '') : '', props });
      }
    }
    return { nodes, rels };
  }

  /**
   * Makes the store hold `doc`. A first load COPYs into the empty tables. A re-load that changes
   * anything builds the new database beside the old one (<home>/db.next, the same COPYs) and
   * swaps the file in, the old store whole until then. Kuzu 0.11 writes a change into tables that
   * hold rows by rewriting them at its next checkpoint (minutes at 10,000 reports for one changed
   * report; superlinear in table size), and kept such changes wrong across sessions (count(r)
   * still counting deleted relationships), so nothing is written into a filled store.
   */
  load(doc: GraphDocument, opts: { onProgress?: (done: number, total: number) => void } = {}): Promise<LoadStats> {
    return this.serial.run(async () => {
      this.assertOpen();
      if (this.readOnly) throw new ReportGraphError('E_USAGE', `the embedded store in ${this.dbDir} was opened read-only; open it for writing to load`);
      rmSync(this.nextDir, { recursive: true, force: true }); // a side build an earlier run left unfinished
      if (await this.isEmpty()) {
        this.forgetDigests();
        return this.writeDigests((digests) => this.loadIntoEmpty(doc, opts.onProgress, digests));
      }
      // Compared as digests only, never as rows with their values: at 100,000 reports those would
      // not fit beside the document in V8's heap.
      const stored = (await this.knownDigests()) ?? digestsOfRows(await this.readRows());
      return this.writeDigests(async (digests) => {
        const stats = compareWithDigests(stored, doc, digests);
        if (Object.values(stats).some((n) => n > 0)) {
          this.forgetDigests();
          await this.replaceWith(doc, opts.onProgress);
        }
        return stats;
      });
    });
  }

  /** Builds `doc` into a fresh database beside this one, then swaps its file in and reopens. */
  private async replaceWith(doc: GraphDocument, onProgress: ((done: number, total: number) => void) | undefined): Promise<void> {
    const next = this.nextDir;
    mkdirSync(next, { recursive: true });
    try {
      const side = await KuzuStore.openAt(next, this.bufferBytes, false);
      try {
        await side.loadIntoEmpty(doc, onProgress);
      } finally {
        await side.close();
      }
      if (existsSync(path.join(next, 'graph.kuzu.wal'))) {
        throw new ReportGraphError('E_STORE_DATABASE', `re-loading the embedded store in ${this.dbDir} failed: the new database in ${next} kept a write-ahead log after closing; the old store is unchanged`);
      }
      // Closing checkpoints the old database (no log left to replay onto the new file); the rename
      // replaces the file in one step, so any other process opens the old store or the new one.
      await this.conn.close();
      await this.db.close();
      try {
        rmSync(path.join(this.dbDir, 'graph.kuzu.wal'), { force: true });
        renameSync(path.join(next, 'graph.kuzu'), path.join(this.dbDir, 'graph.kuzu'));
      } finally {
        ({ db: this.db, conn: this.conn } = await KuzuStore.connect(this.dbDir, this.bufferBytes, false));
      }
    } finally {
      rmSync(next, { recursive: true, force: true });
    }
  }

  /** Where a re-load builds the new database before swapping it in. */
  private get nextDir(): string {
    return `${this.dbDir}.next`;
  }

  private get digestFile(): string {
    return path.join(this.dbDir, 'loaded-rows.jsonl');
  }

  /** Before any write: digests that no longer describe the store must not outlive a failed write. */
  private forgetDigests(): void {
    rmSync(this.digestFile, { force: true });
  }

  /**
   * The rows the last load left, from their digests, when the digest file is whole and the
   * store still holds as many rows per table as it says; null otherwise (read the store instead).
   */
  private async knownDigests(): Promise<StoredDigests | null> {
    if (!existsSync(this.digestFile)) return null;
    let rows: StoredDigests | null;
    try {
      rows = parseRowDigests(fileLines(this.digestFile));
    } catch {
      return null; // unreadable: read the store instead
    }
    if (!rows) return null;
    const stored = await this.countRows();
    const names = new Set([...Object.keys(stored), ...Object.keys(rows.counts)]);
    for (const name of names) if ((stored[name] ?? 0) !== (rows.counts[name] ?? 0)) return null;
    return rows;
  }

  /** Runs `work`, giving it a writer for the rows' digests, whose file is put in place only if `work` succeeds. */
  private async writeDigests<T>(work: (digests: RowDigestWriter) => Promise<T>): Promise<T> {
    const tmp = `${this.digestFile}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    let buf: string[] = [];
    let chars = 0;
    const flush = () => {
      if (buf.length > 0) writeSync(fd, `${buf.join('\n')}\n`);
      buf = [];
      chars = 0;
    };
    const writer = new RowDigestWriter((line) => {
      buf.push(line);
      chars += line.length;
      if (chars > 1 << 20) flush();
    });
    let done = false;
    try {
      const result = await work(writer);
      writer.finish();
      flush();
      done = true;
      return result;
    } finally {
      closeSync(fd);
      if (done) renameSync(tmp, this.digestFile);
      else rmSync(tmp, { force: true });
    }
  }

  private async countRows(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const label of NODE_LABELS) counts[label] = Number((await this.exec(`MATCH (n:${label}) RETURN count(n) AS n`))[0]?.n ?? 0);
    for (const type of REL_TYPES) counts[type] = Number((await this.exec(`MATCH ()-[r:${type}]->() RETURN count(r) AS n`))[0]?.n ?? 0);
    return counts;
  }

  private async isEmpty(): Promise<boolean> {
    for (const label of NODE_LABELS) {
      if ((await this.exec(`MATCH (n:${label}) RETURN n.id LIMIT 1`)).length > 0) return false;
    }
    return true; // no node, so no relationship either
  }

  /**
   * A first load has nothing to compare with: each row goes straight into its table's COPY file
   * as it is made, one file per table (or label pair), so a 100,000-report document is never
   * held a second time as rows, and each table gets one COPY while it is empty.
   */
  private async loadIntoEmpty(doc: GraphDocument, onProgress: ((done: number, total: number) => void) | undefined, digests?: RowDigestWriter): Promise<LoadStats> {
    const stats: LoadStats = { nodesCreated: 0, nodesUpdated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsUpdated: 0, relationshipsDeleted: 0 };
    const tmp = await this.copyFolder();
    const files = new Map<string, { file: string; fd: number; buf: string[]; chars: number; rows: number }>();
    const add = (name: string, row: Record<string, unknown>) => {
      let f = files.get(name);
      if (!f) {
        const file = path.join(tmp, `${String(files.size).padStart(4, '0')}-${name}.json`);
        f = { file, fd: openSync(file, 'w'), buf: [], chars: 0, rows: 0 };
        files.set(name, f);
      }
      const line = JSON.stringify(row);
      f.buf.push(line);
      f.chars += line.length;
      f.rows++;
      if (f.chars > 1 << 22) flush(f);
    };
    const flush = (f: { fd: number; buf: string[]; chars: number }) => {
      if (f.buf.length > 0) writeSync(f.fd, `${f.buf.join('\n')}\n`);
      f.buf = [];
      f.chars = 0;
    };
    try {
      try {
        eachStoredRow(
          doc,
          (n) => {
            add(`copy-${n.label}`, n.props);
            digests?.node(n);
            stats.nodesCreated++;
          },
          (r) => {
            add(`copy-${r.type}-${r.fromLabel}-${r.toLabel}`, { from: r.from, to: r.to, ...r.props });
            digests?.rel(r);
            stats.relationshipsCreated++;
          },
        );
        for (const f of files.values()) flush(f);
      } finally {
        for (const f of files.values()) closeSync(f.fd);
      }
      const total = stats.nodesCreated + stats.relationshipsCreated;
      if (total === 0) return stats;
      // In the order the files were opened, which is the order rows came: node tables before the
      // relationship tables that need their ends.
      let done = 0;
      await this.inTransaction(async () => {
        for (const [name, f] of files) {
          await this.exec(this.copyStatement(name, f.file));
          done += f.rows;
          onProgress?.(done, total);
        }
      });
      return stats;
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }

  /** A fresh temporary folder for COPY files, whose path can go into a COPY statement. */
  private async copyFolder(): Promise<string> {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'reportgraph-load-'));
    // COPY takes a literal path: only this folder's own file names are ever put into a statement.
    if (!/^[\w\-./\\:]+$/.test(tmp)) {
      await rm(tmp, { recursive: true, force: true });
      throw new ReportGraphError('E_STORE_DATABASE', `temporary folder ${tmp} has characters a COPY path cannot hold; set TMPDIR to a plain path`);
    }
    return tmp;
  }

  /** The named COPY statement reading `file`, a path made in copyFolder (never user text). */
  private copyStatement(name: string, file: string): string {
    return statement(this.statements, name, LOAD_FILE).replace('{file}', file.replace(/\\/g, '/'));
  }

  /** Runs `work` in one write transaction: committed whole, or rolled back whole with an error saying so. */
  private async inTransaction(work: () => Promise<void>): Promise<void> {
    await this.control('BEGIN TRANSACTION');
    try {
      await work();
      await this.control('COMMIT');
    } catch (err) {
      // Kuzu rolls a failed statement's transaction back itself; ROLLBACK covers the other cases.
      await this.control('ROLLBACK').catch(() => undefined);
      throw new ReportGraphError('E_STORE_DATABASE', `loading the embedded store in ${this.dbDir} failed and was rolled back: ${kuzuMessage(err)}${bufferHint(kuzuMessage(err))}`, { cause: err });
    }
  }

  query(cypher: string, params: Record<string, unknown> = {}, opts: QueryOptions = {}): Promise<QueryResult> {
    return this.serial.run(async () => {
      this.assertOpen();
      if (opts.write && this.readOnly) throw new ReportGraphError('E_USAGE', `the embedded store in ${this.dbDir} was opened read-only; a write query needs it opened for writing`);
      if (!opts.write && FILE_ACCESS.test(withoutLiteralsAndComments(cypher))) {
        throw queryWriteError('embedded', 'statements that read or write files (COPY, LOAD, INSTALL, ATTACH, EXPORT, IMPORT) are not queries');
      }
      // Kuzu refuses parameters a statement does not use (Neo4j ignores them): pass only the used ones.
      const used = new Set([...withoutLiteralsAndComments(cypher).matchAll(/\$(\w+)/g)].map((m) => m[1]));
      params = Object.fromEntries(Object.entries(params).filter(([k]) => used.has(k)));
      for (const [k, v] of Object.entries(params)) checkKuzuParam(k, v);
      if (!opts.write) await this.control('BEGIN TRANSACTION READ ONLY');
      else if (!this.readOnly) this.forgetDigests(); // the write may change rows the digests describe
      if (opts.timeoutMs) this.conn.setQueryTimeout(opts.timeoutMs);
      let ok = false;
      try {
        const result = await this.runQuery(cypher, params, opts.maxRows);
        ok = true;
        return result;
      } catch (err) {
        throw mapQueryError(err);
      } finally {
        // Kuzu takes no 0 for "no limit": a limit no query reaches stands for none.
        if (opts.timeoutMs) this.conn.setQueryTimeout(2 ** 31 - 1);
        if (!opts.write) await this.control(ok ? 'COMMIT' : 'ROLLBACK').catch(() => undefined);
      }
    });
  }

  private async runQuery(cypher: string, params: Record<string, unknown>, maxRows?: number): Promise<QueryResult> {
    const prepared = await this.conn.prepare(cypher);
    if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
    const result = await this.conn.execute(prepared, params as Record<string, KuzuValue>);
    const results: KuzuResult[] = Array.isArray(result) ? result : [result];
    const raw: Record<string, KuzuValue>[] = [];
    let columns: string[] = [];
    let truncated = false;
    try {
      const last = results[results.length - 1]!;
      columns = last.getColumnNamesSync();
      while (last.hasNext()) {
        if (maxRows !== undefined && raw.length >= maxRows) {
          truncated = true;
          break;
        }
        const row = last.getNextSync();
        if (row) raw.push(row);
      }
    } finally {
      for (const r of results) r.close();
    }
    const conv = new KuzuValueConverter();
    conv.collect(raw);
    await this.resolveIds(conv);
    const rows = raw.map((r) => Object.fromEntries(columns.map((c) => [c, conv.convert(r[c])])));
    return { columns, rows, truncated };
  }

  /** Relationship ends returned without their nodes: look their graph ids up by Kuzu's internal id. */
  private async resolveIds(conv: KuzuValueConverter): Promise<void> {
    const wanted = conv.unresolved();
    if (wanted.length === 0) return;
    const tables = new Map<string, string>();
    for (const t of await this.exec('CALL show_tables() RETURN id, name, type')) if (t.type === 'NODE') tables.set(String(t.id), String(t.name));
    const byTable = new Map<string, number[]>();
    for (const key of wanted) {
      const [table, offset] = key.split(':');
      const list = byTable.get(table!) ?? [];
      list.push(Number(offset));
      byTable.set(table!, list);
    }
    for (const [table, offsets] of byTable) {
      const label = tables.get(table);
      if (!label || !isNodeLabel(label)) continue;
      // The label comes from the fixed list (checked above), the offsets as a parameter.
      for (const row of await this.exec(`MATCH (n:${label}) WHERE offset(id(n)) IN $offsets RETURN offset(id(n)) AS o, n.id AS id`, { offsets })) {
        conv.ids.set(`${table}:${String(row.o)}`, String(row.id));
      }
    }
  }

  readGraph(): Promise<GraphDocument> {
    return this.serial.run(async () => {
      this.assertOpen();
      return fromStoredRows(await this.readRows(), `embedded store in ${this.dbDir}`);
    });
  }

  counts(): Promise<StoreCounts> {
    return this.serial.run(async () => {
      this.assertOpen();
      const counts: StoreCounts = { nodes: {}, relationships: {} };
      for (const label of NODE_LABELS) {
        const [row] = await this.exec(`MATCH (n:${label}) RETURN count(n) AS n`);
        counts.nodes[label] = Number(row?.n ?? 0);
      }
      for (const type of REL_TYPES) {
        const [row] = await this.exec(`MATCH ()-[r:${type}]->() RETURN count(r) AS n`);
        counts.relationships[type] = Number(row?.n ?? 0);
      }
      return counts;
    });
  }

  close(): Promise<void> {
    return this.serial.run(async () => {
      if (this.closed) return;
      this.closed = true;
      await this.conn.close();
      await this.db.close();
    });
  }
}

