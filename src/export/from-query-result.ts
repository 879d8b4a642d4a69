// The subgraph a store query returned: every node, relationship and path anywhere in its rows
// (inside lists and maps too), looked up in the whole graph by id, and relationships by type and
// ends. A claim relationship is stored once per supporting sentence, so it brings back only the
// evidence items of the sentences the query returned. Values read back from a store are checked
// with zod here, at the edge.
import { z } from 'zod';
import { ReportGraphError } from '../errors.ts';
import type { Evidence, GraphDocument } from '../model/schema.ts';
import { edgeId } from '../model/ids.ts';
import { EdgeType, NodeLabel } from '../model/vocab.ts';
import type { QueryResult, QueryValue } from '../store/types.ts';
import { assembleSubgraph } from './assemble-subgraph.ts';

const Properties = z.record(z.string(), z.unknown());
const StoredNodeShape = z.object({ $type: z.literal('node'), id: z.string().min(1), label: NodeLabel, properties: Properties });
const StoredRelationshipShape = z.object({
  $type: z.literal('relationship'),
  type: z.union([EdgeType, z.literal('MENTIONS')]),
  from: z.string().min(1),
  to: z.string().min(1),
  properties: Properties,
});
const StoredPathShape = z.object({ $type: z.literal('path'), nodes: z.array(StoredNodeShape), relationships: z.array(StoredRelationshipShape) });

/** The outer shape of a query result (as `kg query --format json` would save it); values are checked as they are walked. */
export const QueryResultShape = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.unknown())),
  truncated: z.boolean(),
});

export interface QuerySelection {
  doc: GraphDocument;
  /** What the query returned that the graph does not hold (the store and the document differ). */
  missing: string[];
}

type Rel = z.infer<typeof StoredRelationshipShape>;

export function selectionFromQueryResult(result: QueryResult, full: GraphDocument): QuerySelection {
  const nodeIds = new Set<string>();
  const rels: Rel[] = [];

  const parse = <T>(schema: z.ZodType<T>, value: unknown, where: string): T => {
    const r = schema.safeParse(value);
    if (!r.success) throw new ReportGraphError('E_QUERY_FAILED', `query result ${where}: not a stored ${String((value as { $type?: unknown }).$type)}: ${z.prettifyError(r.error)}`);
    return r.data;
  };
  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${where}[${i}]`));
    if (value === null || typeof value !== 'object') return;
    const tag = (value as { $type?: unknown }).$type;
    if (tag === 'node') nodeIds.add(parse(StoredNodeShape, value, where).id);
    else if (tag === 'relationship') rels.push(parse(StoredRelationshipShape, value, where));
    else if (tag === 'path') {
      const p = parse(StoredPathShape, value, where);
      p.nodes.forEach((n) => nodeIds.add(n.id));
      rels.push(...p.relationships);
    } else for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
  };
  result.rows.forEach((row, i) => walk(row as Record<string, QueryValue>, `row ${i + 1}`));

  const byId = new Map(full.nodes.map((n) => [n.id, n]));
  const edgesById = new Map(full.edges.map((e) => [e.id, e]));
  const missing: string[] = [];
  const chosen = new Set<string>();
  const want = (id: string) => {
    if (byId.has(id)) chosen.add(id);
    else missing.push(`node ${id}`);
  };
  nodeIds.forEach(want);

  // Per edge: every evidence item (null) or the sentences the rows named.
  const picked = new Map<string, Map<string, Evidence> | null>();
  for (const rel of rels) {
    want(rel.from);
    want(rel.to);
    if (rel.type === 'MENTIONS') continue; // a store-only link between a report and what it names: its ends are the selection
    const id = edgeId(rel.type, rel.from, rel.to);
    const edge = edgesById.get(id);
    if (!edge) {
      missing.push(`relationship ${id}`);
      continue;
    }
    const { source, start, end } = rel.properties;
    if (typeof source !== 'string' || typeof start !== 'number' || typeof end !== 'number') {
      picked.set(id, null);
      continue;
    }
    const item = edge.evidence.find((ev) => ev.source === source && ev.start === start && ev.end === end);
    if (!item) {
      missing.push(`evidence ${source}@${start}-${end} of ${id}`);
      continue;
    }
    const prev = picked.get(id);
    if (prev === null) continue;
    const items = prev ?? new Map<string, Evidence>();
    items.set(`${source}@${start}-${end}`, item);
    picked.set(id, items);
  }

  const edges = new Map<string, Evidence[]>();
  for (const [id, items] of picked) {
    const edge = edgesById.get(id)!;
    edges.set(id, items === null ? edge.evidence : edge.evidence.filter((ev) => items.has(`${ev.source}@${ev.start}-${ev.end}`)));
  }
  const unique = [...new Set(missing)].sort();
  return { doc: assembleSubgraph(full, { nodes: chosen, edges }), missing: unique };
}
