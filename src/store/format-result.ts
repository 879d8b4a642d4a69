// Query results as text: an aligned table for people, JSON and CSV for programs. Nodes,
// relationships and paths print as short Cypher-like forms in tables and as ids in CSV; dates are
// already ISO strings; null prints as null in tables and as an empty cell in CSV.
import type { QueryResult, QueryValue, StoredNode, StoredPath, StoredRelationship } from './types.ts';

export const RESULT_FORMATS = ['table', 'json', 'csv'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

function isTyped<T extends { $type: string }>(v: QueryValue, type: T['$type']): v is QueryValue & T {
  return !!v && typeof v === 'object' && !Array.isArray(v) && (v as { $type?: unknown }).$type === type;
}

const nodeText = (n: StoredNode) => `(:${n.label} ${n.id}${typeof n.properties.name === 'string' ? ` "${n.properties.name}"` : ''})`;
const relText = (r: StoredRelationship) => `(${r.from})-[:${r.type}]->(${r.to})`;
function pathText(p: StoredPath): string {
  let out = p.nodes[0] ? `(${p.nodes[0].id})` : '';
  p.relationships.forEach((r, i) => {
    const next = p.nodes[i + 1]?.id ?? '?';
    const forward = r.from === p.nodes[i]?.id;
    out += forward ? `-[:${r.type}]->(${next})` : `<-[:${r.type}]-(${next})`;
  });
  return out;
}

/** A value as one line of text for a table cell. */
export function valueText(v: QueryValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(valueText).join(', ')}]`;
  if (isTyped<StoredNode>(v, 'node')) return nodeText(v);
  if (isTyped<StoredRelationship>(v, 'relationship')) return relText(v);
  if (isTyped<StoredPath>(v, 'path')) return pathText(v);
  return `{${Object.entries(v).map(([k, x]) => `${k}: ${valueText(x as QueryValue)}`).join(', ')}}`;
}

/** A value as a CSV cell's content: graph elements by id, lists joined with '; ', maps as JSON. */
function csvValue(v: QueryValue): string {
  if (v === null) return '';
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return v.map(csvValue).join('; ');
  if (isTyped<StoredNode>(v, 'node')) return v.id;
  if (isTyped<StoredRelationship>(v, 'relationship')) return relText(v);
  if (isTyped<StoredPath>(v, 'path')) return pathText(v);
  return JSON.stringify(v);
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface FormatOptions {
  /** Table cells longer than this are cut with an ellipsis (default 60). */
  maxCell?: number;
}

export function formatResult(result: QueryResult, format: ResultFormat, opts: FormatOptions = {}): { text: string; cut: boolean } {
  if (format === 'json') return { text: `${JSON.stringify(result.rows, null, 2)}\n`, cut: false };
  if (format === 'csv') {
    const lines = [result.columns.map(csvCell).join(','), ...result.rows.map((r) => result.columns.map((c) => csvCell(csvValue(r[c] ?? null))).join(','))];
    return { text: `${lines.join('\r\n')}\r\n`, cut: false };
  }
  const max = opts.maxCell ?? 60;
  let cut = false;
  const cells = result.rows.map((r) =>
    result.columns.map((c) => {
      const t = valueText(r[c] ?? null).replace(/\s+/g, ' ');
      if ([...t].length <= max) return t;
      cut = true;
      return `${[...t].slice(0, max - 1).join('')}…`;
    }),
  );
  const numeric = result.columns.map((c) => result.rows.length > 0 && result.rows.every((r) => typeof r[c] === 'number' || r[c] === null));
  const width = result.columns.map((c, i) => Math.max([...c].length, ...cells.map((row) => [...row[i]!].length)));
  const pad = (t: string, i: number) => {
    const fill = ' '.repeat(width[i]! - [...t].length);
    return numeric[i] ? fill + t : t + fill;
  };
  const line = (row: string[]) => row.map(pad).join(' | ').trimEnd();
  const rule = width.map((w) => '-'.repeat(w)).join('-+-');
  return { text: [line(result.columns), rule, ...cells.map(line)].join('\n') + '\n', cut };
}
