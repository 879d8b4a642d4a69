// What the Neo4j-facing exports (`csv` for neo4j-admin, `cypher`) write: the stored model, exactly
// as `kg load --store neo4j` writes it. The rows come from the store's own row builders
// (src/store/graph-rows.ts) and columns (src/store/stored-model.ts); this file only checks the
// vocabulary, groups the rows by label and type, and leaves nulls out as the Neo4j store does.
import { ReportGraphError } from '../errors.ts';
import type { GraphDocument } from '../model/schema.ts';
import { EDGE_TYPES, NODE_LABELS, type NodeLabel } from '../model/vocab.ts';
import { toStoredRows, type NodeRow, type RelRow, type StoredProps, type StoredScalar } from '../store/graph-rows.ts';
import { REL_TYPES, type Column, type RelType } from '../store/stored-model.ts';

export interface Neo4jRows {
  /** Labels in model order, only those present; rows in document order. */
  nodes: [NodeLabel, NodeRow[]][];
  /** Relationship types in model order (MENTIONS last), only those present. */
  rels: [RelType, RelRow[]][];
}

function checkVocab(value: string, allowed: readonly string[], what: string): void {
  if (!allowed.includes(value)) throw new ReportGraphError('E_EXPORT', `${what} ${JSON.stringify(value)} is not in the model's vocabulary`);
}

/** The stored rows of a document, grouped; a label or type outside the vocabulary is refused, never written. */
export function neo4jRows(doc: GraphDocument): Neo4jRows {
  for (const n of doc.nodes) checkVocab(n.label, NODE_LABELS, 'label');
  for (const e of doc.edges) checkVocab(e.type, EDGE_TYPES, 'relationship type');
  const rows = toStoredRows(doc);
  const nodes = NODE_LABELS.map((l) => [l, rows.nodes.filter((n) => n.label === l)] as [NodeLabel, NodeRow[]]);
  const rels = REL_TYPES.map((t) => [t, rows.rels.filter((r) => r.type === t)] as [RelType, RelRow[]]);
  return { nodes: nodes.filter(([, r]) => r.length > 0), rels: rels.filter(([, r]) => r.length > 0) };
}

export type PresentValue = NonNullable<StoredScalar>;

/** A row's properties as Neo4j holds them: in column order, nulls left out (Neo4j stores none), everything else as the row has it. */
export function presentProperties(props: StoredProps, columns: readonly Column[]): [Column, PresentValue][] {
  const out: [Column, PresentValue][] = [];
  for (const c of columns) {
    const v = props[c.name];
    if (v !== null && v !== undefined) out.push([c, v]);
  }
  return out;
}
