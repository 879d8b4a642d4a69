// An accumulator for graph documents: merge nodes and edges by id, union aliases, sources and
// evidence, and emit a sorted document. Merging never drops provenance. Used by extract (one
// report) and resolve (the corpus), so both follow one rule for what "the same" means.
import type { Evidence, GraphDocument, GraphEdge, GraphNode } from './schema.ts';
import { GRAPH_VERSION } from './schema.ts';
import { edgeId } from './ids.ts';
import type { EdgeType } from './vocab.ts';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function evidenceKey(e: Evidence): string {
  return `${e.source}\u0000${e.start}\u0000${e.end}`;
}

export function compareEvidence(a: Evidence, b: Evidence): number {
  return byString(a.source, b.source) || a.start - b.start || a.end - b.end || byString(a.rule, b.rule);
}

/** Union two evidence lists: one item per sentence (source + span); the first rule seen is kept. */
export function mergeEvidence(a: readonly Evidence[], b: readonly Evidence[]): Evidence[] {
  const seen = new Map<string, Evidence>();
  for (const e of [...a, ...b]) {
    const key = evidenceKey(e);
    const prev = seen.get(key);
    if (!prev) seen.set(key, e);
    else if (!prev.attributedTo && e.attributedTo) seen.set(key, { ...prev, attributedTo: e.attributedTo });
  }
  return [...seen.values()].sort(compareEvidence);
}

function unionSorted(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort(byString);
}

function mergeNodes(a: GraphNode, b: GraphNode): GraphNode {
  if (a.label !== b.label) throw new Error(`cannot merge ${a.id}: labels ${a.label} and ${b.label} differ`);
  switch (a.label) {
    case 'Actor': {
      const bb = b as typeof a;
      return {
        ...a,
        aliases: unionSorted(a.aliases, bb.aliases),
        sources: unionSorted(a.sources, bb.sources),
        origin: a.origin === 'lexicon' || bb.origin === 'lexicon' ? 'lexicon' : 'discovered',
      };
    }
    case 'Place': {
      const bb = b as typeof a;
      return {
        ...a,
        aliases: unionSorted(a.aliases, bb.aliases),
        sources: unionSorted(a.sources, bb.sources),
        lat: a.lat ?? bb.lat,
        lon: a.lon ?? bb.lon,
      };
    }
    case 'Event': {
      const bb = b as typeof a;
      return { ...a, sources: unionSorted(a.sources, bb.sources), evidence: mergeEvidence(a.evidence, bb.evidence) };
    }
    case 'Source':
      return a;
  }
}

export class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  getNode(id: string): GraphNode | undefined {
    return this.nodes.get(id);
  }

  /** Insert or union with the node of the same id. */
  mergeNode(node: GraphNode): void {
    const prev = this.nodes.get(node.id);
    this.nodes.set(node.id, prev ? mergeNodes(prev, node) : normaliseNode(node));
  }

  /** Insert or union evidence into the one edge of this type between these nodes. */
  mergeEdge(type: EdgeType, from: string, to: string, evidence: readonly Evidence[]): void {
    const id = edgeId(type, from, to);
    const prev = this.edges.get(id);
    this.edges.set(id, {
      id,
      type,
      from,
      to,
      evidence: mergeEvidence(prev?.evidence ?? [], evidence),
    });
  }

  mergeDocument(doc: GraphDocument): void {
    for (const n of doc.nodes) this.mergeNode(n);
    for (const e of doc.edges) this.mergeEdge(e.type, e.from, e.to, e.evidence);
  }

  toDocument(): GraphDocument {
    return {
      version: GRAPH_VERSION,
      nodes: [...this.nodes.values()].sort((a, b) => byString(a.id, b.id)),
      edges: [...this.edges.values()].sort((a, b) => byString(a.id, b.id)),
    };
  }
}

function normaliseNode(node: GraphNode): GraphNode {
  switch (node.label) {
    case 'Actor':
    case 'Place':
      return { ...node, aliases: unionSorted(node.aliases, []), sources: unionSorted(node.sources, []) };
    case 'Event':
      return { ...node, sources: unionSorted(node.sources, []), evidence: mergeEvidence(node.evidence, []) };
    case 'Source':
      return node;
  }
}

/** Sort nodes and edges by id (and their lists), so the same graph always serializes the same. */
export function sortGraph(doc: GraphDocument): GraphDocument {
  const b = new GraphBuilder();
  b.mergeDocument(doc);
  return b.toDocument();
}
