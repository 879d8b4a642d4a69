// `graphology`: graphology's serialized graph (`Graph.from(json)` / `graph.import(json)`), the form
// the viewer reads. A directed multigraph keyed by the model's ids; node attributes are the model's
// properties with `label` the name to show and `nodeLabel` the model's label, edge attributes
// carry `relType` and the full evidence. documentFromGraphology reads it back.
import type { Evidence, GraphDocument, GraphEdge, GraphNode } from '../model/schema.ts';
import { GRAPH_VERSION } from '../model/schema.ts';
import { validateGraph } from '../pipeline.ts';
import { displayLabel } from './graph-attributes.ts';

export interface SerializedNode {
  key: string;
  attributes: Record<string, unknown>;
}

export interface SerializedEdge {
  key: string;
  source: string;
  target: string;
  attributes: Record<string, unknown>;
}

export interface SerializedGraph {
  attributes: Record<string, unknown>;
  options: { type: 'directed'; multi: true; allowSelfLoops: true };
  nodes: SerializedNode[];
  edges: SerializedEdge[];
}

export function graphologyGraph(doc: GraphDocument): SerializedGraph {
  return {
    attributes: { graphVersion: doc.version },
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes: doc.nodes.map((node) => {
      const { id, label, ...props } = node;
      const attributes: Record<string, unknown> = { label: displayLabel(node.name), nodeLabel: label, ...props };
      if (node.label === 'Event') attributes.evidenceCount = node.evidence.length;
      return { key: id, attributes };
    }),
    edges: doc.edges.map((edge) => ({
      key: edge.id,
      source: edge.from,
      target: edge.to,
      attributes: { label: edge.type, relType: edge.type, evidence: edge.evidence, evidenceCount: edge.evidence.length },
    })),
  };
}

export function toGraphology(doc: GraphDocument): string {
  return `${JSON.stringify(graphologyGraph(doc), null, 2)}\n`;
}

/**
 * The graph document a serialized graph of ours holds (what the viewer has on screen), validated:
 * display-only attributes (`label`, counts, positions, colours) are dropped.
 */
export function documentFromGraphology(graph: { nodes: SerializedNode[]; edges: SerializedEdge[] }, where = 'graphology graph'): GraphDocument {
  const DISPLAY = new Set(['label', 'nodeLabel', 'relType', 'evidenceCount', 'x', 'y', 'size', 'color', 'hidden', 'highlighted', 'forceLabel', 'zIndex', 'type']);
  const keep = (attrs: Record<string, unknown>) => Object.fromEntries(Object.entries(attrs).filter(([k]) => !DISPLAY.has(k)));
  const nodes = graph.nodes.map((n) => ({ id: n.key, label: n.attributes.nodeLabel, ...keep(n.attributes) }) as unknown as GraphNode);
  const edges = graph.edges.map(
    (e): GraphEdge => ({ id: e.key, type: e.attributes.relType as GraphEdge['type'], from: e.source, to: e.target, evidence: (e.attributes.evidence ?? []) as Evidence[] }),
  );
  return validateGraph({ version: GRAPH_VERSION, nodes, edges }, where);
}
