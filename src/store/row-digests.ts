// What a store holds, row by row as digests: one line per row (identity and a hash of its
// values), then one line of counts per table. The embedded store keeps this beside its database
// after every load, so the next load compares the document with it instead of reading every row
// back (seconds at 10,000 reports); the counts let it notice a store changed behind its back.
import { hash } from 'node:crypto';
import { z } from 'zod';
import type { NodeRow, RelRow, StoredProps, StoredRows } from './graph-rows.ts';
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

export interface DigestRows extends StoredRows {
  /** Rows per label and relationship type, as they were when the digests were written. */
  counts: Record<string, number>;
}

/**
 * The rows the digests describe (no values: each carries its digest), or null when the text is
 * not a complete digest file (cut short, or of another format): the caller reads the store instead.
 */
export function parseRowDigests(text: string): DigestRows | null {
  const lines = text.split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const last = lines.pop();
  if (last === undefined) return null;
  try {
    const tail = CountsLine.safeParse(JSON.parse(last));
    if (!tail.success) return null;
    const rows: DigestRows = { nodes: [], rels: [], counts: tail.data.counts };
    for (const line of lines) {
      const value: unknown = JSON.parse(line);
      if (Array.isArray(value) && value.length === 3) {
        const [label, id, d] = NodeLine.parse(value);
        rows.nodes.push({ label, id, props: {}, digest: d });
      } else {
        const [type, from, to, key, d, fromLabel, toLabel] = RelLine.parse(value);
        rows.rels.push({ type, from, to, key, fromLabel, toLabel, props: {}, digest: d });
      }
    }
    return rows;
  } catch {
    return null;
  }
}
