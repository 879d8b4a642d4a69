// What the viewer draws: the graph document as a graphology serialized graph with only the
// attributes the drawing and the filters need (no report text, no evidence: those come per node
// or edge from the detail endpoints), and a ForceAtlas2 layout computed once here so the first
// picture is readable. Pure and deterministic: the same document gives the same positions.
import { MultiDirectedGraph } from 'graphology';
import fa2Module from 'graphology-layout-forceatlas2';
import { displayLabel } from '../export/graph-attributes.ts';
import type { GraphDocument, GraphNode } from '../model/schema.ts';
import { CLAIM_TYPES, type EdgeType } from '../model/vocab.ts';

export interface ViewNodeAttributes {
  /** The name to show (one line). */
  label: string;
  nodeLabel: GraphNode['label'];
  name: string;
  kind?: string;
  aliases?: string[];
  /** Event date, or a Source's publication date. */
  date?: string | null;
  /** Supporting sentences of the claims (ACCUSED, CONDEMNED, CALLED_ON, DENIED) touching the node, plus an event's own sentences. */
  claims: number;
  x: number;
  y: number;
}

export interface ViewEdgeAttributes {
  relType: EdgeType;
  evidenceCount: number;
  /** Publication dates of the reports whose sentences support the edge, sorted, unique. */
  dates: string[];
}

export interface ViewGraph {
  attributes: { nodeCount: number; edgeCount: number; reportDates: string[] };
  options: { type: 'directed'; multi: true; allowSelfLoops: true };
  nodes: { key: string; attributes: ViewNodeAttributes }[];
  edges: { key: string; source: string; target: string; attributes: ViewEdgeAttributes }[];
}

// A CommonJS module: Node hands over module.exports (the layout function) as the default import.
const forceAtlas2 = fa2Module as unknown as typeof fa2Module.default;

const CLAIMS: ReadonlySet<string> = new Set(CLAIM_TYPES);

/** A stable pseudo-random number in [0, 1) from a string (FNV-1a), for starting positions without randomness. */
function unitHash(s: string, salt: number): number {
  let h = 0x811c9dc5 ^ salt;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

/** Fewer layout passes on big graphs: Barnes-Hut keeps each pass near-linear, and a few dozen already separate the clusters. */
function layoutIterations(nodes: number): number {
  if (nodes <= 500) return 300;
  if (nodes <= 3000) return 100;
  return 40;
}

export function layoutPositions(doc: GraphDocument): Map<string, { x: number; y: number }> {
  const g = new MultiDirectedGraph<{ x: number; y: number }, { weight: number }>();
  for (const n of doc.nodes) g.addNode(n.id, { x: unitHash(n.id, 1) * 100, y: unitHash(n.id, 2) * 100 });
  for (const e of doc.edges) if (e.from !== e.to) g.addEdgeWithKey(e.id, e.from, e.to, { weight: Math.max(1, e.evidence.length) });
  if (g.order > 1) {
    const settings = { ...forceAtlas2.inferSettings(g), edgeWeightInfluence: 0.5, outboundAttractionDistribution: true };
    forceAtlas2.assign(g, { iterations: layoutIterations(g.order), settings, getEdgeWeight: 'weight' });
  }
  const out = new Map<string, { x: number; y: number }>();
  g.forEachNode((id, a) => out.set(id, { x: Math.round(a.x * 100) / 100, y: Math.round(a.y * 100) / 100 }));
  return out;
}

/** Per node: supporting sentences of the claims touching it, plus an event's own sentences (what sizes a node). */
export function claimCounts(doc: GraphDocument): Map<string, number> {
  const claims = new Map<string, number>();
  const add = (id: string, k: number) => claims.set(id, (claims.get(id) ?? 0) + k);
  for (const e of doc.edges) {
    if (!CLAIMS.has(e.type)) continue;
    add(e.from, e.evidence.length);
    add(e.to, e.evidence.length);
  }
  for (const n of doc.nodes) if (n.label === 'Event') add(n.id, n.evidence.length);
  return claims;
}

export function viewGraph(doc: GraphDocument): ViewGraph {
  const published = new Map<string, string>();
  for (const n of doc.nodes) if (n.label === 'Source' && n.published) published.set(n.id, n.published);
  const claims = claimCounts(doc);
  const positions = layoutPositions(doc);
  const reportDates = new Set<string>();

  const nodes = doc.nodes.map((n) => {
    const pos = positions.get(n.id) ?? { x: 0, y: 0 };
    const attributes: ViewNodeAttributes = { label: displayLabel(n.name), nodeLabel: n.label, name: n.name, claims: claims.get(n.id) ?? 0, x: pos.x, y: pos.y };
    if (n.label === 'Actor' || n.label === 'Place') {
      attributes.kind = n.kind;
      attributes.aliases = n.aliases;
    } else if (n.label === 'Event') {
      attributes.kind = n.eventType;
      attributes.date = n.date;
    } else {
      attributes.date = n.published;
      if (n.published) reportDates.add(n.published);
    }
    return { key: n.id, attributes };
  });
  const edges = doc.edges.map((e) => {
    const dates = [...new Set(e.evidence.map((ev) => published.get(ev.source)).filter((d): d is string => !!d))].sort();
    return { key: e.id, source: e.from, target: e.to, attributes: { relType: e.type, evidenceCount: e.evidence.length, dates } };
  });
  return {
    attributes: { nodeCount: nodes.length, edgeCount: edges.length, reportDates: [...reportDates].sort() },
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes,
    edges,
  };
}
