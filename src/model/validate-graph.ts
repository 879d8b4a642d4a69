// Validating a document against the model: each node and edge by its schema, then the rules
// that span records (check-graph.ts). Item by item, each parsed copy taking its original's place
// in the array, so a 100,000-report document is never held twice, as parsing it whole would.
import { z } from 'zod';
import { GraphValidationError } from '../errors.ts';
import { checkGraph } from './check-graph.ts';
import { GRAPH_VERSION, GraphEdge, GraphNode, type GraphDocument } from './schema.ts';

const Head = z.object({ version: z.literal(GRAPH_VERSION) });

const problemAt = (path: PropertyKey[], message: string) => `${path.map(String).join('.')}: ${message}`;

/** Parses items[i] with the schema and puts the result in its place; returns the problems. */
function parseInPlace(items: unknown[], schema: z.ZodType, key: string, problems: string[]): void {
  for (let i = 0; i < items.length; i++) {
    const r = schema.safeParse(items[i]);
    if (r.success) items[i] = r.data;
    else for (const issue of r.error.issues) problems.push(problemAt([key, i, ...issue.path], issue.message));
  }
}

/**
 * Validate a document against the model (shape and cross-record rules); throws with every
 * problem listed. The arrays of the value given are reused: callers pass a value they own
 * (just parsed from a file, or just built).
 */
export function validateGraph(doc: unknown, where: string): GraphDocument {
  const problems: string[] = [];
  const head = Head.safeParse(doc);
  if (!head.success) for (const issue of head.error.issues) problems.push(problemAt(issue.path, issue.message));
  const record = (typeof doc === 'object' && doc !== null ? doc : {}) as Record<string, unknown>;
  for (const key of ['nodes', 'edges'] as const) {
    if (!Array.isArray(record[key])) problems.push(problemAt([key], `expected array, received ${record[key] === null ? 'null' : typeof record[key]}`));
  }
  if (problems.length > 0) throw new GraphValidationError(where, problems);
  const nodes = record.nodes as unknown[];
  const edges = record.edges as unknown[];
  parseInPlace(nodes, GraphNode, 'nodes', problems);
  parseInPlace(edges, GraphEdge, 'edges', problems);
  if (problems.length > 0) throw new GraphValidationError(where, problems);
  const graph: GraphDocument = { version: GRAPH_VERSION, nodes: nodes as GraphDocument['nodes'], edges: edges as GraphDocument['edges'] };
  const crossRecord = checkGraph(graph);
  if (crossRecord.length > 0) throw new GraphValidationError(where, crossRecord.map((p) => problemAt(p.path, p.message)));
  return graph;
}
