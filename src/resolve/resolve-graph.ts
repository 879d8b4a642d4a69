// Merges the fragments of many reports into one graph: one node per actor and place id across
// the corpus (ids come from canonical lexicon names, so "the Syrian Coalition" of five reports is
// one node and the anti-ISIS coalition another), evidence and sources unioned, and containment
// (LOCATED_IN) added from the gazetteer for every place in the graph and the places holding it.
// Near-linear in the number of mentions: sets and maps accumulate as reports arrive, and every
// list is sorted once, at the end (unioning sorted lists per report would grow with the square of
// the reports that mention an actor).
import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import { edgeId, nodeId } from '../model/ids.ts';
import { GRAPH_VERSION, type Evidence, type GraphDocument, type GraphEdge, type GraphNode } from '../model/schema.ts';
import type { EdgeType } from '../model/vocab.ts';

// Evidence is appended as it arrives and made unique once, in finish: two reports never share a
// sentence (a Source is one report), so a keyed map per node and edge was work for nothing.
interface NodeAcc {
  node: GraphNode;
  aliases: Set<string> | null;
  sources: Set<string> | null;
  evidence: Evidence[];
  lexicon: boolean;
}

interface EdgeAcc {
  type: EdgeType;
  from: string;
  to: string;
  evidence: Evidence[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const bySpan = (a: Evidence, b: Evidence) => byString(a.source, b.source) || a.start - b.start || a.end - b.end;
const sorted = (s: Set<string>) => [...s].sort(byString);

/**
 * One item per sentence (source and span), sorted: the first one given is kept, with the first
 * `attributedTo` any of its repeats has when it has none. (The sort is stable, so "first" is the
 * order of arrival.)
 */
export function uniqueEvidence(items: readonly Evidence[]): Evidence[] {
  const list = [...items].sort(bySpan);
  const out: Evidence[] = [];
  for (const e of list) {
    const prev = out[out.length - 1];
    if (!prev || bySpan(prev, e) !== 0) out.push(e);
    else if (!prev.attributedTo && e.attributedTo) out[out.length - 1] = { ...prev, attributedTo: e.attributedTo };
  }
  return out;
}

export class GraphResolver {
  private readonly nodes = new Map<string, NodeAcc>();
  private readonly edges = new Map<string, EdgeAcc>();
  constructor(private readonly lex: CompiledLexicon) {}

  add(fragment: GraphDocument): void {
    for (const n of fragment.nodes) {
      let acc = this.nodes.get(n.id);
      if (!acc) {
        const named = n.label === 'Actor' || n.label === 'Place';
        acc = { node: n, aliases: named ? new Set() : null, sources: n.label === 'Source' ? null : new Set(), evidence: [], lexicon: false };
        this.nodes.set(n.id, acc);
      }
      if (n.label === 'Actor' || n.label === 'Place') for (const a of n.aliases) acc.aliases!.add(a);
      if (n.label !== 'Source') for (const s of n.sources) acc.sources!.add(s);
      if (n.label === 'Event') for (const e of n.evidence) acc.evidence.push(e);
      if (n.label === 'Actor' && n.origin === 'lexicon') acc.lexicon = true;
      if (n.label === 'Place' && acc.node.label === 'Place' && acc.node.lat === null && n.lat !== null) acc.node = { ...acc.node, lat: n.lat, lon: n.lon };
    }
    for (const e of fragment.edges) {
      let acc = this.edges.get(e.id);
      if (!acc) {
        acc = { type: e.type, from: e.from, to: e.to, evidence: [] };
        this.edges.set(e.id, acc);
      }
      for (const ev of e.evidence) acc.evidence.push(ev);
    }
  }

  /** The document: every list unique and sorted, nodes and edges sorted by id. */
  finish(): GraphDocument {
    const nodes = new Map<string, GraphNode>();
    const edges = new Map<string, GraphEdge>();
    for (const [id, acc] of this.nodes) {
      const n = acc.node;
      switch (n.label) {
        case 'Actor':
          nodes.set(id, { ...n, aliases: sorted(acc.aliases!), sources: sorted(acc.sources!), origin: acc.lexicon ? 'lexicon' : 'discovered' });
          break;
        case 'Place':
          nodes.set(id, { ...n, aliases: sorted(acc.aliases!), sources: sorted(acc.sources!) });
          break;
        case 'Event':
          nodes.set(id, { ...n, sources: sorted(acc.sources!), evidence: uniqueEvidence(acc.evidence) });
          break;
        case 'Source':
          nodes.set(id, n);
          break;
      }
    }
    const addEdge = (type: EdgeType, from: string, to: string, evidence: Evidence[]) => {
      const id = edgeId(type, from, to);
      const prev = edges.get(id);
      edges.set(id, { id, type, from, to, evidence: prev ? uniqueEvidence([...prev.evidence, ...evidence]) : evidence });
    };
    for (const e of this.edges.values()) addEdge(e.type, e.from, e.to, uniqueEvidence(e.evidence));

    // Containment from the gazetteer, up the chain of each place.
    for (const acc of this.nodes.values()) {
      const node = acc.node;
      if (node.label !== 'Place') continue;
      let place = this.lex.placeByName.get(node.name);
      const seen = new Set<string>();
      while (place?.within && !seen.has(place.name)) {
        seen.add(place.name);
        const parent = this.lex.placeByName.get(place.within);
        if (!parent) break;
        const parentId = nodeId('Place', parent.name);
        if (!nodes.has(parentId)) nodes.set(parentId, { id: parentId, label: 'Place', name: parent.name, kind: parent.kind, aliases: [], lat: parent.lat, lon: parent.lon, sources: [] });
        addEdge('LOCATED_IN', nodeId('Place', place.name), parentId, []);
        place = parent;
      }
    }
    return {
      version: GRAPH_VERSION,
      nodes: [...nodes.values()].sort((a, b) => byString(a.id, b.id)),
      edges: [...edges.values()].sort((a, b) => byString(a.id, b.id)),
    };
  }
}

export function resolveGraph(fragments: Iterable<GraphDocument>, lex: CompiledLexicon): GraphDocument {
  const r = new GraphResolver(lex);
  for (const f of fragments) r.add(f);
  return r.finish();
}
