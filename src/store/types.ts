// The one interface every store implements (embedded Kuzu, Neo4j), and the shape of what a
// query returns. Values read back from a store are plain JSON-able data, so the CLI, the HTTP API,
// the viewer and the exporters treat both stores alike.
import type { EdgeType, NodeLabel } from '../model/vocab.ts';
import type { GraphDocument } from '../model/schema.ts';

export type StoreKind = 'embedded' | 'neo4j';

/** A node as a query returns it: its graph-model id and label, and its stored properties. */
export interface StoredNode {
  $type: 'node';
  id: string;
  label: NodeLabel;
  properties: Record<string, QueryValue>;
}

/**
 * A relationship as a query returns it. Claim relationships are stored one per supporting
 * sentence, so `properties` holds that sentence's evidence (source, text, start, end, rule, date).
 */
export interface StoredRelationship {
  $type: 'relationship';
  type: EdgeType | 'MENTIONS';
  from: string;
  to: string;
  properties: Record<string, QueryValue>;
}

export interface StoredPath {
  $type: 'path';
  nodes: StoredNode[];
  relationships: StoredRelationship[];
}

export type QueryValue =
  | null
  | boolean
  | number
  | string
  | QueryValue[]
  | { [key: string]: QueryValue }
  | StoredNode
  | StoredRelationship
  | StoredPath;

export interface QueryResult {
  columns: string[];
  rows: Record<string, QueryValue>[];
  /** True when the row limit cut the result short. */
  truncated: boolean;
}

export interface QueryOptions {
  /** Default false: queries run read-only and a write is refused with E_QUERY_WRITE. */
  write?: boolean;
  /** Stop after this many rows (default: no limit from the CLI, a limit from the HTTP API). */
  maxRows?: number;
  /** Give up after this long, in milliseconds. */
  timeoutMs?: number;
}

/**
 * What a load changed. A load makes the store mirror the document: what the store held and the
 * document no longer has is deleted (so a corrected extraction removes a wrong claim).
 */
export interface LoadStats {
  nodesCreated: number;
  nodesUpdated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsUpdated: number;
  relationshipsDeleted: number;
}

export interface StoreCounts {
  nodes: Partial<Record<NodeLabel, number>>;
  relationships: Partial<Record<EdgeType | 'MENTIONS', number>>;
}

export interface LoadOptions {
  onProgress?: (done: number, total: number) => void;
  /** A batch failed with a transient error (a dropped connection, a leader switch) and is being tried again. */
  onRetry?: (message: string) => void;
}

export interface GraphStore {
  readonly kind: StoreKind;
  /** Idempotent: loading the same document twice changes nothing the second time. Afterwards the store holds exactly this document. */
  load(doc: GraphDocument, opts?: LoadOptions): Promise<LoadStats>;
  query(cypher: string, params?: Record<string, unknown>, opts?: QueryOptions): Promise<QueryResult>;
  /** The whole stored graph as a graph document (validated against the model on the way out). */
  readGraph(): Promise<GraphDocument>;
  counts(): Promise<StoreCounts>;
  close(): Promise<void>;
}
