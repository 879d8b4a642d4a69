// Merges the fragments of many reports into one graph: one node per actor and place id across
// the corpus (ids come from canonical lexicon names, so "the Syrian Coalition" of five reports is
// one node and the anti-ISIS coalition another), evidence and sources unioned, and containment
// (LOCATED_IN) added from the gazetteer for every place in the graph and the places holding it.
// Near-linear in the number of mentions: sets and maps accumulate as reports arrive, and every
// list is sorted once, at the end (unioning sorted lists per report would grow with the square of
// the reports that mention an actor).
import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import { GraphBuilder, compareEvidence, evidenceKey } from '../model/graph-builder.ts';
import { nodeId } from '../model/ids.ts';
import type { Evidence, GraphDocument, GraphNode } from '../model/schema.ts';
import type { EdgeType } from '../model/vocab.ts';

interface NodeAcc {
  node: GraphNode;
  aliases: Set<string>;
  sources: Set<string>;
  evidence: Map<string, Evidence>;
  lexicon: boolean;
}

interface EdgeAcc {
  type: EdgeType;
  from: string;
  to: string;
  evidence: Map<string, Evidence>;
}

function addEvidence(into: Map<string, Evidence>, items: readonly Evidence[]): void {
  for (const e of items) {
    const key = evidenceKey(e);
    const prev = into.get(key);
    if (!prev) into.set(key, e);
    else if (!prev.attributedTo && e.attributedTo) into.set(key, { ...prev, attributedTo: e.attributedTo });
  }
}

export class GraphResolver {
  private readonly nodes = new Map<string, NodeAcc>();
  private readonly edges = new Map<string, EdgeAcc>();
  constructor(private readonly lex: CompiledLexicon) {}

  add(fragment: GraphDocument): void {
    for (const n of fragment.nodes) {
      let acc = this.nodes.get(n.id);
      if (!acc) {
        acc = { node: n, aliases: new Set(), sources: new Set(), evidence: new Map(), lexicon: false };
        this.nodes.set(n.id, acc);
      }
      if (n.label === 'Actor' || n.label === 'Place') for (const a of n.aliases) acc.aliases.add(a);
      if (n.label !== 'Source') for (const s of n.sources) acc.sources.add(s);
      if (n.label === 'Event') addEvidence(acc.evidence, n.evidence);
      if (n.label === 'Actor' && n.origin === 'lexicon') acc.lexicon = true;
      if (n.label === 'Place' && acc.node.label === 'Place' && acc.node.lat === null && n.lat !== null) acc.node = { ...acc.node, lat: n.lat, lon: n.lon };
    }
    for (const e of fragment.edges) {
      let acc = this.edges.get(e.id);
      if (!acc) {
        acc = { type: e.type, from: e.from, to: e.to, evidence: new Map() };
        this.edges.set(e.id, acc);
      }
      addEvidence(acc.evidence, e.evidence);
    }
  }

  finish(): GraphDocument {
    const b = new GraphBuilder();
    const sorted = (s: Set<string>) => [...s].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    for (const acc of this.nodes.values()) {
      const n = acc.node;
      switch (n.label) {
        case 'Actor':
          b.mergeNode({ ...n, aliases: sorted(acc.aliases), sources: sorted(acc.sources), origin: acc.lexicon ? 'lexicon' : 'discovered' });
          break;
        case 'Place':
          b.mergeNode({ ...n, aliases: sorted(acc.aliases), sources: sorted(acc.sources) });
          break;
        case 'Event':
          b.mergeNode({ ...n, sources: sorted(acc.sources), evidence: [...acc.evidence.values()].sort(compareEvidence) });
          break;
        case 'Source':
          b.mergeNode(n);
          break;
      }
    }
    for (const e of this.edges.values()) b.mergeEdge(e.type, e.from, e.to, [...e.evidence.values()].sort(compareEvidence));

    // Containment from the gazetteer, up the chain of each place.
    for (const acc of [...this.nodes.values()]) {
      const node = acc.node;
      if (node.label !== 'Place') continue;
      let place = this.lex.placeByName.get(node.name);
      const seen = new Set<string>();
      while (place?.within && !seen.has(place.name)) {
        seen.add(place.name);
        const parent = this.lex.placeByName.get(place.within);
        if (!parent) break;
        const parentId = nodeId('Place', parent.name);
        if (!b.hasNode(parentId)) b.mergeNode({ id: parentId, label: 'Place', name: parent.name, kind: parent.kind, aliases: [], lat: parent.lat, lon: parent.lon, sources: [] });
        b.mergeEdge('LOCATED_IN', nodeId('Place', place.name), parentId, []);
        place = parent;
      }
    }
    return b.toDocument();
  }
}

export function resolveGraph(fragments: Iterable<GraphDocument>, lex: CompiledLexicon): GraphDocument {
  const r = new GraphResolver(lex);
  for (const f of fragments) r.add(f);
  return r.finish();
}
