// The attribute table shared by the graph-drawing formats (graphology, GEXF, GraphML): one named,
// typed attribute per model property, plus `nodeLabel` / `relType` (the model's label and type:
// `label` and `type` mean the displayed text and the drawing program to sigma and Gephi) and, for
// anything with evidence, `evidenceCount` and `firstQuote` so a table view shows the support.
import type { Evidence, GraphEdge, GraphNode } from '../model/schema.ts';

/** `stringList`: a list of strings; `json`: structured data (evidence) carried as JSON text where the format has no such type. */
export type AttrType = 'string' | 'integer' | 'double' | 'stringList' | 'json';

export interface AttrSpec {
  name: string;
  type: AttrType;
}

export type AttrValue = string | number | string[] | Evidence[];

/** Every node attribute, in the order formats declare them. */
export const NODE_ATTRIBUTES: readonly AttrSpec[] = [
  { name: 'nodeLabel', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'kind', type: 'string' },
  { name: 'aliases', type: 'stringList' },
  { name: 'origin', type: 'string' },
  { name: 'lat', type: 'double' },
  { name: 'lon', type: 'double' },
  { name: 'eventType', type: 'string' },
  { name: 'date', type: 'string' },
  { name: 'datePrecision', type: 'string' },
  { name: 'killedMin', type: 'integer' },
  { name: 'killedMax', type: 'integer' },
  { name: 'injuredMin', type: 'integer' },
  { name: 'injuredMax', type: 'integer' },
  { name: 'status', type: 'string' },
  { name: 'placeQualifier', type: 'string' },
  { name: 'sources', type: 'stringList' },
  { name: 'evidenceCount', type: 'integer' },
  { name: 'firstQuote', type: 'string' },
  { name: 'evidence', type: 'json' },
  { name: 'file', type: 'string' },
  { name: 'title', type: 'string' },
  { name: 'published', type: 'string' },
  { name: 'outlet', type: 'string' },
  { name: 'url', type: 'string' },
  { name: 'sha256', type: 'string' },
  { name: 'text', type: 'string' },
];

export const EDGE_ATTRIBUTES: readonly AttrSpec[] = [
  { name: 'relType', type: 'string' },
  { name: 'evidenceCount', type: 'integer' },
  { name: 'firstQuote', type: 'string' },
  { name: 'evidence', type: 'json' },
];

/** A node's attribute values by name; absent keys are nulls of the model (formats leave them out). */
export function nodeAttributes(node: GraphNode): Record<string, AttrValue> {
  const out: Record<string, AttrValue | null | undefined> = { nodeLabel: node.label };
  for (const [key, value] of Object.entries(node)) {
    if (key === 'id' || key === 'label') continue;
    out[key] = value as AttrValue | null;
  }
  if (node.label === 'Event') {
    out.evidenceCount = node.evidence.length;
    out.firstQuote = node.evidence[0]?.text;
  }
  return dropNulls(out);
}

export function edgeAttributes(edge: GraphEdge): Record<string, AttrValue> {
  return dropNulls({ relType: edge.type, evidenceCount: edge.evidence.length, firstQuote: edge.evidence[0]?.text, evidence: edge.evidence });
}

function dropNulls(o: Record<string, AttrValue | null | undefined>): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

/** The specs, in table order, of the attributes some record actually has (formats declare only those). */
export function usedAttributes(specs: readonly AttrSpec[], records: readonly Record<string, AttrValue>[]): AttrSpec[] {
  const used = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) used.add(k);
  const unknown = [...used].filter((k) => !specs.some((s) => s.name === k));
  if (unknown.length > 0) throw new Error(`attributes missing from the export table: ${unknown.join(', ')}`);
  return specs.filter((s) => used.has(s.name));
}

/** Display text for a node: its name on one line (formats that show labels collapse whitespace there; `name` stays exact). */
export function displayLabel(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}
