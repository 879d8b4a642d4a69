// The graph model: re-exports only.
export * from './vocab.ts';
export * from './schema.ts';
export * from './report.ts';
export * from './ids.ts';
export * from './check-graph.ts';
export * from './graph-builder.ts';
export * from './json-schema.ts';
