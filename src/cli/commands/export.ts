// `kg export --format <f> --out <file|dir>`: a selection of the graph (everything, what a Cypher
// query returns from a store, a saved query result, or the neighbourhood of a name, narrowed by
// type, label, date, evidence and source) written as json, graphology, gexf, graphml, csv
// (neo4j-admin), cypher or events-csv. The graph is <home>/graph.json, else the embedded store;
// --query, --query-file and --store read a store (embedded or Neo4j).
import { existsSync, statSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { homePaths, resolveHome } from '../../config.ts';
import { ReportGraphError } from '../../errors.ts';
import { validateGraph } from '../../pipeline.ts';
import type { GraphDocument } from '../../model/schema.ts';
import { EDGE_TYPES, EdgeType, NODE_LABELS, NodeLabel } from '../../model/vocab.ts';
import { EXPORT_FORMATS, exportGraph, type ExportFormat } from '../../export/export-graph.ts';
import { selectSubgraph, type SelectOptions } from '../../export/select.ts';
import { QueryResultShape, selectionFromQueryResult } from '../../export/from-query-result.ts';
import { lexiconKnownNames } from '../../lexicon/known-names.ts';
import { CYPHER_DIR, prepareQueryFile, schemaStatements } from '../../store/cypher-files.ts';
import type { QueryResult } from '../../store/types.ts';
import { printGraphSummary, say } from '../output.ts';
import { lexiconOption } from '../options.ts';
import { addStoreOptions, describeStore, openStoreFor, shownPath, type StoreOptions } from './load.ts';
import { parseParam } from './query.ts';

interface ExportCliOptions extends StoreOptions {
  format: ExportFormat;
  out: string;
  graph?: string;
  query?: string;
  queryFile?: string;
  queryResult?: string;
  param: Record<string, unknown>;
  around?: string;
  hops?: number;
  types?: EdgeType[];
  labels?: NodeLabel[];
  since?: string;
  until?: string;
  minEvidence?: number;
  source?: string;
  lexicon: string;
}

function listOf<T extends string>(flag: string, allowed: readonly T[], normalise: (s: string) => string) {
  return (value: string): T[] => {
    const items = value.split(',').map((s) => s.trim()).filter(Boolean).map(normalise);
    const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
    if (bad.length || items.length === 0) throw new ReportGraphError('E_USAGE', `${flag}: ${bad.join(', ') || 'nothing given'} not known; use ${allowed.join(', ')}`);
    return items as T[];
  };
}

function count(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new ReportGraphError('E_USAGE', `${flag} must be a whole number (0 or more), not "${value}"`);
    return n;
  };
}

async function readJsonFile(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const hint = what === 'graph document' ? ' (run `kg build <reports>` or `kg extract` first, or give --graph <file>)' : '';
    throw new ReportGraphError('E_INPUT_MISSING', `${file}: cannot read the ${what}: ${(err as Error).message}${hint}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ReportGraphError(what === 'graph document' ? 'E_GRAPH_INVALID' : 'E_USAGE', `${file}: the ${what} is not JSON: ${(err as Error).message}`);
  }
}

/** Where the graph comes from: a document, or a store (when a query or --store asks for one, or when the home has a store and no graph.json). */
type GraphSource = { kind: 'file'; file: string } | { kind: 'store' };

function graphSource(opts: ExportCliOptions, storeAsked: boolean): GraphSource {
  const fromQuery = opts.query !== undefined || opts.queryFile !== undefined;
  if (opts.graph !== undefined) {
    if (fromQuery || storeAsked) throw new ReportGraphError('E_USAGE', '--graph reads a graph document, --query, --query-file and --store read a store: give one or the other');
    return { kind: 'file', file: opts.graph };
  }
  if (fromQuery || storeAsked) return { kind: 'store' };
  const paths = homePaths(resolveHome(opts.home));
  if (!existsSync(paths.graph) && existsSync(paths.embeddedDb)) return { kind: 'store' };
  return { kind: 'file', file: paths.graph };
}

/** The whole graph from the store, and what the query returned (read-only), in one session. */
async function readStore(opts: ExportCliOptions): Promise<{ full: GraphDocument; result: QueryResult | null }> {
  let cypher = opts.query;
  let params = opts.param;
  if (opts.queryFile !== undefined) {
    const q = prepareQueryFile(opts.queryFile, opts.store, opts.param);
    if (q.file !== opts.queryFile) say(`kg export: running ${shownPath(q.file)} (the ${opts.store} store's variant)`);
    cypher = q.text;
    params = q.params;
  }
  const store = await openStoreFor(opts, true);
  try {
    const result = cypher === undefined ? null : await store.query(cypher, params, { write: false });
    return { full: await store.readGraph(), result };
  } finally {
    await store.close();
  }
}

async function writeOutput(out: string, format: ExportFormat, doc: GraphDocument, context: GraphDocument): Promise<void> {
  // The cypher script opens with the schema `kg load --store neo4j` creates, so it builds the same database.
  const neo4jSchema = format === 'cypher' ? schemaStatements(path.join(CYPHER_DIR, 'schema.cypher')) : undefined;
  const result = exportGraph(doc, format, { context, neo4jSchema });
  if (result.kind === 'file') {
    if (out === '-') {
      process.stdout.write(result.content);
      return;
    }
    await mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await writeFile(out, result.content);
    return;
  }
  if (out === '-') throw new ReportGraphError('E_USAGE', `--format ${format} writes a folder of files: give --out <folder>`);
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new ReportGraphError('E_EXPORT', `${out} is a file; --format ${format} writes a folder: give a new folder name`);
    if (readdirSync(out).length > 0) throw new ReportGraphError('E_EXPORT', `${out} is not empty; give a new or empty folder, so no file of an older export is imported by mistake`);
  }
  await mkdir(out, { recursive: true });
  for (const f of result.files) await writeFile(path.join(out, f.name), f.content, { mode: f.name.endsWith('.sh') ? 0o755 : 0o644 });
}

export function registerExport(program: Command): void {
  addStoreOptions(
    program
      .command('export')
      .description('write a selection of the graph as json, graphology, gexf, graphml, csv (neo4j-admin import), cypher or events-csv')
      .addOption(new Option('-f, --format <format>', 'output format').choices(EXPORT_FORMATS).makeOptionMandatory())
      .requiredOption('-o, --out <path>', 'file to write (- for stdout); a folder for csv')
      .option('--graph <file>', 'graph document to read (default: <home>/graph.json, else the embedded store)')
      .option('--query <cypher>', 'export the nodes and relationships a read-only Cypher query returns from the store')
      .option('--query-file <file>', 'the same, with the query read from a .cypher file (the store picks its variant)')
      .option('-p, --param <name=value>', 'a parameter of --query or --query-file; repeat for several', parseParam, {})
      .option('--query-result <file>', 'export the nodes and relationships of a saved query result (JSON: columns, rows, truncated)')
      .option('--around <name>', 'only the neighbourhood of the node with this name, alias or id (case-insensitive)')
      .option('--hops <n>', 'how many relationships away from --around (default 1)', count('--hops'))
      .option('--types <list>', `only these relationship types, comma-separated (${EDGE_TYPES.join(', ')})`, listOf('--types', EDGE_TYPES, (s) => s.toUpperCase()))
      .option('--labels <list>', `only nodes with these labels, comma-separated (${NODE_LABELS.join(', ')})`, listOf('--labels', NODE_LABELS, (s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase()))
      .option('--since <date>', 'only events and claims on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)')
      .option('--until <date>', 'only events and claims on or before this date')
      .option('--min-evidence <n>', 'only relationships with at least this many supporting sentences', count('--min-evidence'))
      .option('--source <file|outlet>', 'only what these reports say (file, base name, outlet, title or source id)')
      .addOption(lexiconOption()),
  ).action(async (opts: ExportCliOptions, cmd: Command) => {
    const queries = [opts.query, opts.queryFile, opts.queryResult].filter((q) => q !== undefined);
    if (queries.length > 1) throw new ReportGraphError('E_USAGE', 'give only one of --query, --query-file and --query-result');
    if (opts.hops !== undefined && opts.around === undefined) throw new ReportGraphError('E_USAGE', '--hops needs --around <name>');
    if (Object.keys(opts.param).length > 0 && opts.query === undefined && opts.queryFile === undefined) throw new ReportGraphError('E_USAGE', '--param goes with --query or --query-file');

    const source = graphSource(opts, cmd.getOptionValueSource('store') === 'cli');
    let full: GraphDocument;
    let result: QueryResult | null = null;
    let from: string;
    if (source.kind === 'store') {
      ({ full, result } = await readStore(opts));
      from = describeStore(opts);
    } else {
      full = validateGraph(await readJsonFile(source.file, 'graph document'), source.file);
      from = shownPath(source.file);
    }

    let base = full;
    if (opts.queryResult !== undefined) {
      const parsed = QueryResultShape.safeParse(await readJsonFile(opts.queryResult, 'query result'));
      if (!parsed.success) throw new ReportGraphError('E_USAGE', `${opts.queryResult}: not a query result (columns, rows, truncated): ${parsed.error.issues[0]?.message ?? ''}`);
      result = parsed.data as QueryResult;
    }
    if (result !== null) {
      const selection = selectionFromQueryResult(result, full);
      for (const m of selection.missing) say(`  not in ${from}: ${m}`);
      if (result.truncated) say('  the query result was cut short by a row limit: the export holds only the rows it has');
      base = selection.doc;
    }

    const select: SelectOptions = {
      around: opts.around,
      hops: opts.hops,
      types: opts.types,
      labels: opts.labels,
      since: opts.since,
      until: opts.until,
      minEvidence: opts.minEvidence,
      source: opts.source,
      knownNames: opts.around !== undefined ? await lexiconKnownNames(opts.lexicon) : [],
    };
    const doc = selectSubgraph(base, select);
    await writeOutput(opts.out, opts.format, doc, full);
    say(`kg export: wrote ${opts.format} to ${opts.out === '-' ? 'stdout' : opts.out} from ${from}`);
    printGraphSummary(doc);
    if (doc.nodes.length === 0) say(`  the selection is empty: ${result !== null ? 'the query returned no node or relationship of the graph; ' : ''}loosen the filters or check the name given to --around`);
  });
}
