// The stored model: which properties each node label and relationship type has in a store, and
// their types, derived from the graph model's zod schemas so a new model field gets a column.
// Both adapters (Kuzu tables, Neo4j properties) and the row builders read this one description.
import type { z } from 'zod';
import { ActorNode, EventNode, PlaceNode, SourceNode } from '../model/schema.ts';
import { ALLOWED_TRIPLES, CLAIM_TYPES, EDGE_TYPES, ID_PREFIX, NODE_LABELS, type ClaimType, type EdgeType, type NodeLabel } from '../model/vocab.ts';

export type ColumnType = 'string' | 'int' | 'float' | 'date' | 'string[]' | 'int[]';

export interface Column {
  name: string;
  type: ColumnType;
}

/** Every relationship type a store holds: the model's edge types plus provenance (Source)-[:MENTIONS]->(node). */
export const REL_TYPES = [...EDGE_TYPES, 'MENTIONS'] as const;
export type RelType = (typeof REL_TYPES)[number];

/**
 * How evidence lists are stored where one node or relationship carries several sentences (Event
 * nodes, structural relationships): parallel lists, one item per sentence. Neo4j cannot store
 * null inside a list, so a missing `attributedTo` or `date` is stored as '' in both stores.
 */
export const EVIDENCE_LIST_COLUMNS: readonly Column[] = [
  { name: 'evidenceSource', type: 'string[]' },
  { name: 'evidenceText', type: 'string[]' },
  { name: 'evidenceStart', type: 'int[]' },
  { name: 'evidenceEnd', type: 'int[]' },
  { name: 'evidenceRule', type: 'string[]' },
  { name: 'evidenceAttributedTo', type: 'string[]' },
  { name: 'evidenceDate', type: 'string[]' },
];

/**
 * A claim relationship holds one supporting sentence. `key` (source@start-end, '' for a claim
 * without evidence) tells parallel relationships apart, so a re-load merges instead of duplicating.
 * `date` is what to count and chart by: the sentence's own date, else its Source's publication
 * date; `evidenceDate` is the sentence's own date only.
 */
export const CLAIM_COLUMNS: readonly Column[] = [
  { name: 'key', type: 'string' },
  { name: 'source', type: 'string' },
  { name: 'text', type: 'string' },
  { name: 'start', type: 'int' },
  { name: 'end', type: 'int' },
  { name: 'rule', type: 'string' },
  { name: 'date', type: 'string' },
  { name: 'evidenceDate', type: 'string' },
  { name: 'attributedTo', type: 'string' },
];

/** Model properties stored under another type than the zod shape says. */
const DATE_PROPERTIES = new Set(['Source.published']);

const NODE_SCHEMAS = { Actor: ActorNode, Place: PlaceNode, Event: EventNode, Source: SourceNode } as const;

/** Map one zod property schema to a column type; throws on a shape the stores do not know, so a model change is noticed. */
function columnType(where: string, schema: z.ZodType): ColumnType {
  let s = schema as z.ZodType & { _zod: { def: { type: string; innerType?: z.ZodType; element?: z.ZodType } } };
  while (s._zod.def.type === 'nullable' || s._zod.def.type === 'optional') s = s._zod.def.innerType as typeof s;
  const t = s._zod.def.type;
  if (DATE_PROPERTIES.has(where)) return 'date';
  if (t === 'string' || t === 'enum' || t === 'literal') return 'string';
  if (t === 'number') return (s as unknown as { isInt: boolean }).isInt ? 'int' : 'float';
  if (t === 'array') {
    const inner = columnType(`${where}[]`, s._zod.def.element as z.ZodType);
    if (inner === 'string') return 'string[]';
    if (inner === 'int') return 'int[]';
  }
  throw new Error(`stored-model: no column type for ${where} (zod ${t}); teach src/store/stored-model.ts how to store it`);
}

function nodeColumns(label: NodeLabel): Column[] {
  const cols: Column[] = [];
  for (const [name, schema] of Object.entries(NODE_SCHEMAS[label].shape)) {
    if (name === 'label') continue; // the node's label, not a property
    if (name === 'evidence') cols.push(...EVIDENCE_LIST_COLUMNS);
    else cols.push({ name, type: columnType(`${label}.${name}`, schema as z.ZodType) });
  }
  return cols;
}

export const NODE_COLUMNS: Record<NodeLabel, readonly Column[]> = Object.fromEntries(
  NODE_LABELS.map((l) => [l, nodeColumns(l)]),
) as unknown as Record<NodeLabel, readonly Column[]>;

export function isClaimType(type: RelType): type is ClaimType {
  return (CLAIM_TYPES as readonly string[]).includes(type);
}

export function relColumns(type: RelType): readonly Column[] {
  if (type === 'MENTIONS') return [];
  return isClaimType(type) ? CLAIM_COLUMNS : EVIDENCE_LIST_COLUMNS;
}

/** The (from label, to label) pairs each relationship type joins: the model's allowed triples, and MENTIONS from a Source to what it mentions. */
export const REL_PAIRS: Record<RelType, ReadonlyArray<readonly [NodeLabel, NodeLabel]>> = Object.fromEntries(
  REL_TYPES.map((t) => [
    t,
    t === 'MENTIONS'
      ? ([['Source', 'Actor'], ['Source', 'Place'], ['Source', 'Event']] as const)
      : ALLOWED_TRIPLES.filter(([, type]) => type === t).map(([f, , o]) => [f, o] as const),
  ]),
) as unknown as Record<RelType, ReadonlyArray<readonly [NodeLabel, NodeLabel]>>;

export function isRelType(t: string): t is RelType {
  return (REL_TYPES as readonly string[]).includes(t);
}

export function isEdgeType(t: string): t is EdgeType {
  return (EDGE_TYPES as readonly string[]).includes(t);
}

/** The label a graph-model id belongs to, from its prefix (`actor:` -> Actor). */
export function labelOfId(id: string): NodeLabel | null {
  const prefix = id.slice(0, id.indexOf(':'));
  return NODE_LABELS.find((l) => ID_PREFIX[l] === prefix) ?? null;
}
