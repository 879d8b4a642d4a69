// The one way a graph document is written: two-space JSON, keys in schema order, a final newline.
// Nodes and edges are already sorted by the builder, so equal graphs give equal bytes.
import type { GraphDocument } from './schema.ts';

export function serializeGraph(doc: GraphDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
