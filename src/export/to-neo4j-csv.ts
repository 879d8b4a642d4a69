// `csv`: a folder for `neo4j-admin database import full` that builds the database
// `kg load --store neo4j` builds: one nodes file per label and one relationships file per type
// (MENTIONS included), with the stored model's columns (src/export/neo4j-rows.ts) under typed
// headers (`id:ID`, `:LABEL`, `killedMin:long`, `lat:double`, `published:date`, `aliases:string[]`,
// `evidenceStart:long[]`, `:START_ID`, `:END_ID`, `:TYPE`), and import.sh with the exact command.
// Strings are always quoted (the importer trims unquoted ones); list items are separated by U+001F,
// a control character report text never contains (ingest removes them).
import { ReportGraphError } from '../errors.ts';
import type { GraphDocument } from '../model/schema.ts';
import type { NodeLabel } from '../model/vocab.ts';
import { NODE_COLUMNS, relColumns, type Column, type ColumnType, type RelType } from '../store/stored-model.ts';
import { csvField, csvLine } from './csv-cell.ts';
import { neo4jRows, presentProperties, type PresentValue } from './neo4j-rows.ts';

export const ARRAY_DELIMITER = '\u001F';
/** How neo4j-admin is told the delimiter: `--array-delimiter=U+001F`. */
export const ARRAY_DELIMITER_OPTION = 'U+001F';

/** neo4j-admin's name for each stored column type; strings take no suffix. Integers are `long`, as the Neo4j store sends them. */
export const NEO4J_ADMIN_TYPE: Record<ColumnType, string> = {
  string: '',
  int: 'long',
  float: 'double',
  date: 'date',
  'string[]': 'string[]',
  'int[]': 'long[]',
};

export interface CsvFile {
  name: string;
  content: string;
}

function headerField(col: Column): string {
  const type = NEO4J_ADMIN_TYPE[col.type];
  return type ? `${col.name}:${type}` : col.name;
}

function numberCell(n: number, where: string): string {
  if (!Number.isFinite(n)) throw new ReportGraphError('E_EXPORT', `${where}: cannot write ${n} as a number`);
  return String(n);
}

/**
 * One cell. An empty field is no value to neo4j-admin, so an empty list, and a list of one '',
 * cannot be imported: those properties stay absent until the next `kg load --store neo4j` sets
 * them (the store reads them back as empty meanwhile).
 */
function cell(col: Column, value: PresentValue | undefined, where: string): string {
  if (value === undefined) return '';
  switch (col.type) {
    case 'string':
      return csvField(value as string, true);
    case 'int':
    case 'float':
      return numberCell(value as number, `${where} ${col.name}`);
    case 'date':
      return value as string;
    case 'string[]': {
      const items = value as string[];
      if (items.length === 0) return '';
      for (const item of items) {
        if (item.includes(ARRAY_DELIMITER)) throw new ReportGraphError('E_EXPORT', `${where} ${col.name}: an item contains U+001F, the list delimiter of the CSV export`);
      }
      return csvField(items.join(ARRAY_DELIMITER), true);
    }
    case 'int[]':
      return (value as number[]).map((n) => numberCell(n, `${where} ${col.name}`)).join(ARRAY_DELIMITER);
  }
}

function cells(columns: readonly Column[], props: Parameters<typeof presentProperties>[0], where: string): string[] {
  const present = new Map(presentProperties(props, columns).map(([c, v]) => [c.name, v]));
  return columns.map((c) => cell(c, present.get(c.name), where));
}

export function nodesFileName(label: NodeLabel): string {
  return `nodes-${label}.csv`;
}

export function relationshipsFileName(type: RelType): string {
  return `relationships-${type}.csv`;
}

export function toNeo4jCsv(doc: GraphDocument): CsvFile[] {
  const files: CsvFile[] = [];
  const rows = neo4jRows(doc);
  for (const [label, nodes] of rows.nodes) {
    // The id column first, as the importer's ID, then the label, then the other columns.
    const columns = NODE_COLUMNS[label].filter((c) => c.name !== 'id');
    const header = ['id:ID', ':LABEL', ...columns.map(headerField)];
    const lines = nodes.map((n) => csvLine([csvField(n.id, true), label, ...cells(columns, n.props, `node ${n.id}`)]));
    files.push({ name: nodesFileName(label), content: csvLine(header) + lines.join('') });
  }
  for (const [type, rels] of rows.rels) {
    const columns = relColumns(type);
    const header = [':START_ID', ':END_ID', ':TYPE', ...columns.map(headerField)];
    const lines = rels.map((r) => csvLine([csvField(r.from, true), csvField(r.to, true), type, ...cells(columns, r.props, `${type} ${r.from}->${r.to}`)]));
    files.push({ name: relationshipsFileName(type), content: csvLine(header) + lines.join('') });
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
    '# Then start the database and run `kg load --store neo4j` on the same graph: it creates the',
    '# constraints and indexes (the importer makes none) and sets the empty lists an import cannot hold.',
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
