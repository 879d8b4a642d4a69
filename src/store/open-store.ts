// Opening a store by kind: the embedded Kuzu store in <home>/db (the default), or a Neo4j server.
// Adapters are imported lazily so commands that never touch a store never load Kuzu's native code
// or the Neo4j driver.
import { rm } from 'node:fs/promises';
import { ReportGraphError } from '../errors.ts';
import type { Neo4jConfig, Neo4jDriverLike } from './neo4j-store.ts';
import type { GraphStore, StoreKind } from './types.ts';

export const STORE_KINDS: readonly StoreKind[] = ['embedded', 'neo4j'];

export interface OpenStoreOptions {
  kind: StoreKind;
  /** The reportgraph home (see src/config.ts); the embedded store lives in <home>/db. */
  home: string;
  /** Read-only: queries. Loads need false. */
  readOnly: boolean;
  /** Embedded only: delete the store first (after a version change, or to start clean). */
  rebuild?: boolean;
  /** Embedded only: Kuzu's buffer pool in MiB (default 512). A first load holds its copies in it. */
  bufferMb?: number;
  /** Neo4j settings from flags; the rest come from NEO4J_* variables. */
  neo4j?: Partial<Neo4jConfig>;
  /** Tests: a stand-in for neo4j-driver. */
  neo4jDriverFactory?: (cfg: Neo4jConfig) => Neo4jDriverLike;
  env?: NodeJS.ProcessEnv;
}

export function parseStoreKind(value: string): StoreKind {
  if ((STORE_KINDS as readonly string[]).includes(value)) return value as StoreKind;
  throw new ReportGraphError('E_USAGE', `--store must be one of ${STORE_KINDS.join(', ')}, not "${value}"`);
}

/** --buffer-mb: a whole number of MiB, at least 64 (Kuzu needs some room for its own pages). */
export function parseBufferMb(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 64) throw new ReportGraphError('E_USAGE', `--buffer-mb takes a whole number of MiB, 64 or more, not "${value}"`);
  return n;
}

export async function openStore(opts: OpenStoreOptions): Promise<GraphStore> {
  if (opts.kind === 'neo4j') {
    if (opts.rebuild) throw new ReportGraphError('E_USAGE', '--rebuild applies to the embedded store only; on Neo4j, a load already removes what the document no longer has');
    const { Neo4jStore, neo4jConfig } = await import('./neo4j-store.ts');
    return Neo4jStore.open(neo4jConfig(opts.neo4j, opts.env), opts.neo4jDriverFactory);
  }
  const { KuzuStore, embeddedDbPaths } = await import('./kuzu-store.ts');
  if (opts.rebuild) await rm(embeddedDbPaths(opts.home).dir, { recursive: true, force: true });
  return KuzuStore.open({ home: opts.home, readOnly: opts.readOnly, ...(opts.bufferMb ? { bufferPoolMb: opts.bufferMb } : {}) });
}
