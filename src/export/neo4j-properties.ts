// How the graph becomes Neo4j nodes and relationships, shared by the `csv` (neo4j-admin import)
// and `cypher` exports so both build the same database: one node per graph node with its model
// properties (lists as lists, evidence as JSON text), claim relationships one per supporting
// sentence with that sentence's evidence as properties (as the stores keep them), every other
// relationship once with its evidence as JSON text and an evidenceCount.
import type { Evidence, GraphEdge, GraphNode } from '../model/schema.ts';
import { CLAIM_TYPES, type EdgeType, type NodeLabel } from '../model/vocab.ts';

export type Neo4jType = 'string' | 'int' | 'double' | 'string[]';
export type Neo4jValue = string | number | string[];

export interface PropSpec {
  key: string;
  type: Neo4jType;
}

const s = (key: string): PropSpec => ({ key, type: 'string' });
const i = (key: string): PropSpec => ({ key, type: 'int' });

/** The properties of each label, in column order. `id` is the graph model's id. */
export const NODE_PROPERTIES: Record<NodeLabel, readonly PropSpec[]> = {
  Actor: [s('id'), s('name'), s('kind'), { key: 'aliases', type: 'string[]' }, { key: 'sources', type: 'string[]' }, s('origin')],
  Place: [s('id'), s('name'), s('kind'), { key: 'aliases', type: 'string[]' }, { key: 'lat', type: 'double' }, { key: 'lon', type: 'double' }, { key: 'sources', type: 'string[]' }],
  Event: [
    s('id'), s('name'), s('eventType'), s('date'), s('datePrecision'),
    i('killedMin'), i('killedMax'), i('injuredMin'), i('injuredMax'),
    s('status'), s('placeQualifier'), { key: 'sources', type: 'string[]' }, s('evidence'), i('evidenceCount'),
  ],
  Source: [s('id'), s('name'), s('file'), s('title'), s('published'), s('outlet'), s('url'), s('sha256'), s('text')],
};

/** Claim relationships: one per sentence, these properties from its evidence. (source, start, end) identifies it. */
export const CLAIM_PROPERTIES: readonly PropSpec[] = [s('source'), i('start'), i('end'), s('text'), s('rule'), s('date'), s('attributedTo')];
export const CLAIM_KEY = ['source', 'start', 'end'] as const;

/** Every other relationship: once, its evidence as JSON text. */
export const OTHER_PROPERTIES: readonly PropSpec[] = [s('evidence'), i('evidenceCount')];

export function isClaimType(type: EdgeType): boolean {
  return (CLAIM_TYPES as readonly string[]).includes(type);
}

export function relationshipProperties(type: EdgeType): readonly PropSpec[] {
  return isClaimType(type) ? CLAIM_PROPERTIES : OTHER_PROPERTIES;
}

/** Node properties by key; nulls of the model are left out (Neo4j has no null property). */
export function nodeProperties(node: GraphNode): Record<string, Neo4jValue> {
  const out: Record<string, Neo4jValue> = {};
  const record = node as unknown as Record<string, unknown>;
  for (const spec of NODE_PROPERTIES[node.label]) {
    if (spec.key === 'evidence' || spec.key === 'evidenceCount') continue;
    const v = record[spec.key];
    if (v !== null && v !== undefined) out[spec.key] = v as Neo4jValue;
  }
  if (node.label === 'Event') {
    out.evidence = JSON.stringify(node.evidence);
    out.evidenceCount = node.evidence.length;
  }
  return out;
}

export interface RelationshipRow {
  type: EdgeType;
  from: string;
  to: string;
  properties: Record<string, Neo4jValue>;
}

function claimProperties(ev: Evidence): Record<string, Neo4jValue> {
  const out: Record<string, Neo4jValue> = { source: ev.source, start: ev.start, end: ev.end, text: ev.text, rule: ev.rule };
  if (ev.date) out.date = ev.date;
  if (ev.attributedTo) out.attributedTo = ev.attributedTo;
  return out;
}

/** The Neo4j relationships one graph edge becomes. */
export function relationshipRows(edge: GraphEdge): RelationshipRow[] {
  const base = { type: edge.type, from: edge.from, to: edge.to };
  if (isClaimType(edge.type) && edge.evidence.length > 0) return edge.evidence.map((ev) => ({ ...base, properties: claimProperties(ev) }));
  if (isClaimType(edge.type)) return [{ ...base, properties: {} }];
  return [{ ...base, properties: { evidence: JSON.stringify(edge.evidence), evidenceCount: edge.evidence.length } }];
}
