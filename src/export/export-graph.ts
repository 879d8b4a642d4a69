// One entry point for every export format: a graph document in, the file (or, for `csv`, the
// folder of files) out as strings. No I/O here; the CLI, the HTTP API and the viewer write them.
import type { GraphDocument } from '../model/schema.ts';
import { toCypher } from './to-cypher.ts';
import { toEventsCsv } from './to-events-csv.ts';
import { toGexf } from './to-gexf.ts';
import { toGraphml } from './to-graphml.ts';
import { toGraphology } from './to-graphology.ts';
import { toJson } from './to-json.ts';
import { toNeo4jCsv } from './to-neo4j-csv.ts';

export const EXPORT_FORMATS = ['json', 'graphology', 'gexf', 'graphml', 'csv', 'cypher', 'events-csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Usual file extension of each single-file format. */
export const FORMAT_EXTENSION: Record<ExportFormat, string> = {
  json: '.json',
  graphology: '.json',
  gexf: '.gexf',
  graphml: '.graphml',
  csv: '',
  cypher: '.cypher',
  'events-csv': '.csv',
};

export type ExportOutput = { kind: 'file'; content: string } | { kind: 'folder'; files: { name: string; content: string }[] };

export interface ExportOptions {
  /** The whole graph, for lookups a selection may lack (the events table's places and perpetrators). */
  context?: GraphDocument;
  /** `cypher`: the schema statements to open with (the CLI passes cypher/schema.cypher's; default: the id constraints). */
  neo4jSchema?: readonly string[];
}

export function exportGraph(doc: GraphDocument, format: ExportFormat, opts: ExportOptions = {}): ExportOutput {
  switch (format) {
    case 'json':
      return { kind: 'file', content: toJson(doc) };
    case 'graphology':
      return { kind: 'file', content: toGraphology(doc) };
    case 'gexf':
      return { kind: 'file', content: toGexf(doc) };
    case 'graphml':
      return { kind: 'file', content: toGraphml(doc) };
    case 'csv':
      return { kind: 'folder', files: toNeo4jCsv(doc) };
    case 'cypher':
      return { kind: 'file', content: toCypher(doc, { schema: opts.neo4jSchema }) };
    case 'events-csv':
      return { kind: 'file', content: toEventsCsv(doc, opts.context ?? doc) };
  }
}
