// What a store holds, row by row as digests: one line per row (identity and a hash of its
// values), then one line of counts per table. The embedded store keeps this beside its database
// after every load, so the next load compares the document with it instead of reading every row
// back (seconds at 10,000 reports); the counts let it notice a store changed behind its back.
import { hash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { z } from 'zod';
import { eachStoredRow, relIdentity, type NodeRow, type RelRow, type StoredProps, type StoredRows } from './graph-rows.ts';
import type { GraphDocument } from '../model/schema.ts';
import type { LoadStats } from './types.ts';
import { NODE_COLUMNS, relColumns, type Column } from './stored-model.ts';
import { NODE_LABELS } from '../model/vocab.ts';
import { REL_TYPES } from './stored-model.ts';

export const ROW_DIGESTS_FORMAT = 1;

function digest(props: StoredProps, columns: readonly Column[]): string {
  if (columns.length === 0) return '-'; // MENTIONS: nothing to hash, and most of the rows
  return hash('sha1', JSON.stringify(columns.map((c) => props[c.name] ?? null)), 'base64').slice(0, 22);
}

/** A row's digest; kept on the row, so planning and writing the digest file hash each row once. */
export const nodeDigest = (n: NodeRow): string => (n.digest ??= digest(n.props, NODE_COLUMNS[n.label]));
export const relDigest = (r: RelRow): string => (r.digest ??= digest(r.props, relColumns(r.type)));

const NodeLine = z.tuple([z.enum(NODE_LABELS), z.string(), z.string()]);
const RelLine = z.tuple([z.enum(REL_TYPES), z.string(), z.string(), z.string(), z.string(), z.enum(NODE_LABELS), z.enum(NODE_LABELS)]);
const CountsLine = z.object({ format: z.literal(ROW_DIGESTS_FORMAT), counts: z.record(z.string(), z.number().int().nonnegative()) });

/** Writes the lines for a store's rows, counting as it goes; `finish` gives the closing counts line. */
export class RowDigestWriter {
  private readonly counts: Record<string, number> = {};
  constructor(private readonly write: (line: string) => void) {}

  node(n: NodeRow): void {
    this.counts[n.label] = (this.counts[n.label] ?? 0) + 1;
    this.write(JSON.stringify([n.label, n.id, nodeDigest(n)]));
  }

  rel(r: RelRow): void {
    this.counts[r.type] = (this.counts[r.type] ?? 0) + 1;
    this.write(JSON.stringify([r.type, r.from, r.to, r.key, relDigest(r), r.fromLabel, r.toLabel]));
  }

  finish(): void {
    this.write(JSON.stringify({ format: ROW_DIGESTS_FORMAT, counts: this.counts }));
  }
}

/**
 * What a store holds, as digests only: node id -> "label digest", relationship identity -> digest.
 * At 100,000 reports that is 4.9 million short strings, where rows with their values would not
 * fit beside the document in V8's heap.
 */
export interface StoredDigests {
  nodes: Map<string, string>;
  rels: Map<string, string>;
  /** Rows per label and relationship type, as they were when the digests were written. */
  counts: Record<string, number>;
}

const nodeEntry = (label: string, d: string) => `${label} ${d}`;

/** Digests of rows read back from a store (when no digest file can be trusted). */
export function digestsOfRows(rows: StoredRows): StoredDigests {
  const out: StoredDigests = { nodes: new Map(), rels: new Map(), counts: {} };
  for (const n of rows.nodes) {
    out.nodes.set(n.id, nodeEntry(n.label, nodeDigest(n)));
    out.counts[n.label] = (out.counts[n.label] ?? 0) + 1;
  }
  for (const r of rows.rels) {
    out.rels.set(relIdentity(r), relDigest(r));
    out.counts[r.type] = (out.counts[r.type] ?? 0) + 1;
  }
  return out;
}

/**
 * The digests of a digest file's lines, or null when the lines are not a complete digest file
 * (cut short, or of another format): the caller reads the store instead. Takes lines, not one
 * string: at 100,000 reports the file is about 500 MB, near the longest string V8 allows.
 */
export function parseRowDigests(lines: Iterable<string>): StoredDigests | null {
  const out: StoredDigests = { nodes: new Map(), rels: new Map(), counts: {} };
  let last: string | undefined;
  try {
    for (const line of lines) {
      if (line === '') continue;
      if (last !== undefined) addRow(last, out);
      last = line;
    }
    if (last === undefined) return null;
    const tail = CountsLine.safeParse(JSON.parse(last));
    if (!tail.success) return null;
    out.counts = tail.data.counts;
    return out;
  } catch {
    return null;
  }
}

function addRow(line: string, out: StoredDigests): void {
  const value: unknown = JSON.parse(line);
  if (Array.isArray(value) && value.length === 3) {
    const [label, id, d] = NodeLine.parse(value);
    out.nodes.set(id, nodeEntry(label, d));
  } else {
    const [type, from, to, key, d] = RelLine.parse(value);
    out.rels.set(relIdentity({ type, from, to, key }), d);
  }
}

/**
 * What loading `doc` over a store holding `stored` creates, updates and deletes, counted as
 * load-plan.ts's planLoad counts it (tested against it), in one pass over the document's rows,
 * each of which also goes to `writer` (the next digest file). Empties `stored` as it goes.
 */
export function compareWithDigests(stored: StoredDigests, doc: GraphDocument, writer: RowDigestWriter): LoadStats {
  const stats: LoadStats = { nodesCreated: 0, nodesUpdated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsUpdated: 0, relationshipsDeleted: 0 };
  eachStoredRow(
    doc,
    (n) => {
      writer.node(n);
      const old = stored.nodes.get(n.id);
      if (old === undefined) stats.nodesCreated++;
      else {
        stored.nodes.delete(n.id);
        if (!old.startsWith(`${n.label} `)) stats.nodesCreated++; // under another label: deleted and created, counted as created
        else if (old !== nodeEntry(n.label, nodeDigest(n))) stats.nodesUpdated++;
      }
    },
    (r) => {
      writer.rel(r);
      const id = relIdentity(r);
      const old = stored.rels.get(id);
      if (old === undefined) stats.relationshipsCreated++;
      else {
        stored.rels.delete(id);
        if (old !== relDigest(r)) stats.relationshipsUpdated++;
      }
    },
  );
  stats.nodesDeleted = stored.nodes.size;
  stats.relationshipsDeleted = stored.rels.size;
  return stats;
}

/** The lines of a text file, read in blocks, without holding the file as one string. */
export function* fileLines(file: string, blockBytes = 1 << 22): Generator<string> {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(blockBytes);
    const decoder = new StringDecoder('utf8');
    let carry = '';
    for (;;) {
      const n = readSync(fd, buf, 0, blockBytes, null);
      if (n === 0) break;
      const parts = (carry + decoder.write(buf.subarray(0, n))).split('\n');
      carry = parts.pop()!;
      yield* parts;
    }
    carry += decoder.end();
    if (carry !== '') yield carry;
  } finally {
    closeSync(fd);
  }
}
