// Merges the fragments of many reports into one graph: one node per actor and place id across
// the corpus (ids come from canonical lexicon names, so merging is a map lookup: linear in the
// number of mentions), evidence and sources unioned, and containment (LOCATED_IN) added from the
// gazetteer for every place in the graph and the places that contain it.
import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import { GraphBuilder } from '../model/graph-builder.ts';
import { nodeId } from '../model/ids.ts';
import type { GraphDocument } from '../model/schema.ts';

export class GraphResolver {
  private readonly builder = new GraphBuilder();
  constructor(private readonly lex: CompiledLexicon) {}

  add(fragment: GraphDocument): void {
    this.builder.mergeDocument(fragment);
  }

  finish(): GraphDocument {
    const doc = this.builder.toDocument();
    for (const node of doc.nodes) {
      if (node.label !== 'Place') continue;
      let place = this.lex.placeByName.get(node.name);
      const seen = new Set<string>();
      while (place?.within && !seen.has(place.name)) {
        seen.add(place.name);
        const parent = this.lex.placeByName.get(place.within);
        if (!parent) break;
        const parentId = nodeId('Place', parent.name);
        if (!this.builder.hasNode(parentId)) {
          this.builder.mergeNode({ id: parentId, label: 'Place', name: parent.name, kind: parent.kind, aliases: [], lat: parent.lat, lon: parent.lon, sources: [] });
        }
        this.builder.mergeEdge('LOCATED_IN', nodeId('Place', place.name), parentId, []);
        place = parent;
      }
    }
    return this.builder.toDocument();
  }
}

export function resolveGraph(fragments: Iterable<GraphDocument>, lex: CompiledLexicon): GraphDocument {
  const r = new GraphResolver(lex);
  for (const f of fragments) r.add(f);
  return r.finish();
}
