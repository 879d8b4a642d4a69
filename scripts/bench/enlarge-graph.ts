// A large graph for load benchmarks and fault tests: a document repeated n times, every id given
// a copy number so no two copies share a node; still a valid graph document.
import { edgeId } from '../../src/model/ids.ts';
import type { GraphDocument, GraphNode } from '../../src/model/schema.ts';

/** The document n times over: every id gets a copy number, so no two copies share a node. */
export function enlargeGraph(base: GraphDocument, n: number): GraphDocument {
  const id = (x: string, k: number) => `${x}-c${k}`;
  const nodes: GraphNode[] = [];
  const edges: GraphDocument['edges'] = [];
  for (let k = 0; k < n; k++) {
    const ev = <T extends { source: string; attributedTo?: string | null }>(e: T): T => ({ ...e, source: id(e.source, k), ...(e.attributedTo ? { attributedTo: id(e.attributedTo, k) } : {}) });
    for (const node of base.nodes) {
      if (node.label === 'Source') nodes.push({ ...node, id: id(node.id, k) });
      else if (node.label === 'Event') nodes.push({ ...node, id: id(node.id, k), sources: node.sources.map((s) => id(s, k)), evidence: node.evidence.map(ev) });
      else nodes.push({ ...node, id: id(node.id, k), sources: node.sources.map((s) => id(s, k)) });
    }
    for (const e of base.edges) {
      edges.push({ ...e, id: edgeId(e.type, id(e.from, k), id(e.to, k)), from: id(e.from, k), to: id(e.to, k), evidence: e.evidence.map(ev) });
    }
  }
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { version: 1, nodes: nodes.sort(byId), edges: edges.sort(byId) };
}

