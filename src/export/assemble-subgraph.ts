// Turns a choice of nodes and relationships into a valid graph document: relationships whose ends
// were not chosen are dropped, the Sources that kept evidence quotes (and the actors it is
// attributed to) are brought along so provenance still resolves, and each node's `sources` list is
// narrowed to the Sources in the result, so a subgraph never drags in every report of a country.
import type { Evidence, GraphDocument, GraphEdge, GraphNode } from '../model/schema.ts';
import { GRAPH_VERSION } from '../model/schema.ts';
import { checkGraph } from '../model/check-graph.ts';

export interface SubgraphChoice {
  /** Ids of the chosen nodes. */
  nodes: ReadonlySet<string>;
  /** Chosen relationships by edge id, with the evidence items kept (all or some of the edge's). */
  edges: ReadonlyMap<string, readonly Evidence[]>;
  /** Narrowed evidence of chosen events (default: all of it). Every list must be non-empty. */
  eventEvidence?: ReadonlyMap<string, readonly Evidence[]>;
}

export function assembleSubgraph(full: GraphDocument, choice: SubgraphChoice): GraphDocument {
  const byId = new Map(full.nodes.map((n) => [n.id, n]));
  const edges: GraphEdge[] = [];
  for (const e of full.edges) {
    const evidence = choice.edges.get(e.id);
    if (evidence && choice.nodes.has(e.from) && choice.nodes.has(e.to)) edges.push({ ...e, evidence: [...evidence] });
  }

  const keep = new Set(choice.nodes);
  const needEvidence = (ev: readonly Evidence[]) => {
    for (const item of ev) {
      keep.add(item.source);
      if (item.attributedTo) keep.add(item.attributedTo);
    }
  };
  const events = new Map<string, Evidence[]>();
  for (const id of choice.nodes) {
    const node = byId.get(id);
    if (node?.label !== 'Event') continue;
    const ev = [...(choice.eventEvidence?.get(id) ?? node.evidence)];
    events.set(id, ev);
    needEvidence(ev);
  }
  for (const e of edges) needEvidence(e.evidence);

  const keptSources = new Set([...keep].filter((id) => byId.get(id)?.label === 'Source'));
  const nodes: GraphNode[] = full.nodes
    .filter((n) => keep.has(n.id))
    .map((n): GraphNode => {
      switch (n.label) {
        case 'Event':
          return { ...n, sources: n.sources.filter((s) => keptSources.has(s)), evidence: events.get(n.id) ?? n.evidence };
        case 'Actor':
        case 'Place':
          return { ...n, sources: n.sources.filter((s) => keptSources.has(s)) };
        case 'Source':
          return n;
      }
    });

  const doc: GraphDocument = { version: GRAPH_VERSION, nodes, edges };
  const problems = checkGraph(doc);
  if (problems.length > 0) throw new Error(`subgraph is not a valid graph document (a bug): ${problems[0]!.message}`);
  return doc;
}
