// `csv`: a folder for `neo4j-admin database import full`: one nodes file per label and one
// relationships file per type, each with its typed header (`id:ID`, `:LABEL`, `killedMin:int`,
// `lat:double`, `aliases:string[]`, `:START_ID`, `:END_ID`, `:TYPE`), and import.sh with the exact
// command. Strings are always quoted (the importer trims unquoted ones); list items are separated
// by U+001F, a control character report text never contains (ingest removes them).
import { ReportGraphError } from '../errors.ts';
import type { GraphDocument } from '../model/schema.ts';
import { EDGE_TYPES, NODE_LABELS, type EdgeType, type NodeLabel } from '../model/vocab.ts';
import { csvField, csvLine } from './csv-cell.ts';
import {
  NODE_PROPERTIES,
  nodeProperties,
  relationshipProperties,
  relationshipRows,
  type Neo4jValue,
  type PropSpec,
} from './neo4j-properties.ts';

export const ARRAY_DELIMITER = '\u001F';
/** How neo4j-admin is told the delimiter: `--array-delimiter=U+001F`. */
export const ARRAY_DELIMITER_OPTION = 'U+001F';

export interface CsvFile {
  name: string;
  content: string;
}

/** `name:type` as neo4j-admin reads it; strings take no suffix (string is the default). */
function headerField(spec: PropSpec): string {
  if (spec.key === 'id') return 'id:ID';
  return spec.type === 'string' ? spec.key : `${spec.key}:${spec.type}`;
}

function cell(spec: PropSpec, value: Neo4jValue | undefined, where: string): string {
  if (value === undefined) return '';
  switch (spec.type) {
    case 'int':
    case 'double':
      return String(value);
    case 'string[]': {
      const items = value as string[];
      if (items.length === 0) return ''; // neo4j-admin cannot import an empty list; it stays absent
      for (const item of items) {
        if (item.includes(ARRAY_DELIMITER)) throw new ReportGraphError('E_EXPORT', `${where} ${spec.key}: an item contains U+001F, the list delimiter of the CSV export`);
      }
      return csvField(items.join(ARRAY_DELIMITER), true);
    }
    case 'string':
      return csvField(value as string, true);
  }
}

export function nodesFileName(label: NodeLabel): string {
  return `nodes-${label}.csv`;
}

export function relationshipsFileName(type: EdgeType): string {
  return `relationships-${type}.csv`;
}

export function toNeo4jCsv(doc: GraphDocument): CsvFile[] {
  const files: CsvFile[] = [];
  for (const label of NODE_LABELS) {
    const nodes = doc.nodes.filter((n) => n.label === label);
    if (nodes.length === 0) continue;
    const specs = NODE_PROPERTIES[label];
    const header = [headerField(specs[0]!), ':LABEL', ...specs.slice(1).map(headerField)];
    const rows = nodes.map((node) => {
      const props = nodeProperties(node);
      const cells = specs.map((s) => cell(s, props[s.key], `node ${node.id}`));
      return csvLine([cells[0]!, label, ...cells.slice(1)]);
    });
    files.push({ name: nodesFileName(label), content: csvLine(header) + rows.join('') });
  }
  for (const type of EDGE_TYPES) {
    const edges = doc.edges.filter((e) => e.type === type);
    if (edges.length === 0) continue;
    const specs = relationshipProperties(type);
    const header = [':START_ID', ':END_ID', ':TYPE', ...specs.map(headerField)];
    const rows = edges.flatMap((edge) =>
      relationshipRows(edge).map((row) =>
        csvLine([csvField(row.from, true), csvField(row.to, true), type, ...specs.map((s) => cell(s, row.properties[s.key], `edge ${edge.id}`))]),
      ),
    );
    files.push({ name: relationshipsFileName(type), content: csvLine(header) + rows.join('') });
  }
  files.push({ name: 'import.sh', content: importScript(files.map((f) => f.name)) });
  return files;
}

/** The neo4j-admin command for these files, as a script run from anywhere. */
function importScript(names: readonly string[]): string {
  const nodes = names.filter((n) => n.startsWith('nodes-'));
  const rels = names.filter((n) => n.startsWith('relationships-'));
  return [
    '#!/bin/sh',
    '# Bulk-import this export into an empty Neo4j database (Neo4j 5 or later, database stopped):',
    '#   sh import.sh [database]        (default database: neo4j)',
    '# Node ids are the graph model ids (property `id`); list properties use U+001F between items;',
    '# Source texts and evidence span lines, so --multiline-fields is on; quotes are doubled, never backslash-escaped.',
    'set -e',
    'cd "$(dirname "$0")"',
    'neo4j-admin database import full \\',
    '  --id-type=string \\',
    `  --array-delimiter=${ARRAY_DELIMITER_OPTION} \\`,
    '  --multiline-fields=true \\',
    '  --legacy-style-quoting=false \\',
    ...nodes.map((n) => `  --nodes=${n} \\`),
    ...rels.map((n) => `  --relationships=${n} \\`),
    '  "${1:-neo4j}"',
    '',
  ].join('\n');
}
