// Exports of the graph to the tools analysts use: re-exports only.
export * from './export-graph.ts';
export * from './select.ts';
export * from './from-query-result.ts';
export * from './find-nodes.ts';
export * from './to-json.ts';
export * from './to-graphology.ts';
export * from './to-gexf.ts';
export * from './to-graphml.ts';
export * from './to-neo4j-csv.ts';
export * from './to-cypher.ts';
export * from './to-events-csv.ts';
