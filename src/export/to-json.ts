// `json`: the graph document itself, validated and written the one way graph documents are
// written, so `kg load`, `kg validate` and every other reader take it as it is.
import { validateGraph } from '../pipeline.ts';
import type { GraphDocument } from '../model/schema.ts';
import { serializeGraph } from '../model/serialize.ts';
import { sortGraph } from '../model/graph-builder.ts';

export function toJson(doc: GraphDocument): string {
  return serializeGraph(validateGraph(sortGraph(doc), 'exported graph'));
}
