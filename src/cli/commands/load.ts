// `kg load [graph.json] [--store embedded|neo4j]`: a graph document into a store, idempotently;
// prints what it created, updated and deleted. Also the store options `build` and `query` share.
import path from 'node:path';
import cliProgress from 'cli-progress';
import { Option, type Command } from 'commander';
import { readGraphJson } from '../../model/read-graph-json.ts';
import { homePaths, resolveHome } from '../../config.ts';
import { promptSecret } from '../prompt-secret.ts';
import { ReportGraphError } from '../../errors.ts';
import type { GraphDocument } from '../../model/schema.ts';
import { validateGraph } from '../../pipeline.ts';
import { openStore, parseBufferMb, parseStoreKind, STORE_KINDS } from '../../store/open-store.ts';
import type { GraphStore, LoadStats, StoreKind } from '../../store/types.ts';
import { say } from '../output.ts';

export interface StoreOptions {
  store: StoreKind;
  home?: string;
  neo4jUri?: string;
  neo4jUser?: string;
  neo4jPassword?: string;
  neo4jDatabase?: string;
  bufferMb?: number;
}

/** --store, --home and the Neo4j connection flags (each falling back to its NEO4J_* variable). */
export function addStoreOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--store <kind>', `where the graph lives: ${STORE_KINDS.join(' or ')}`).default('embedded').argParser(parseStoreKind))
    .addOption(new Option('--home <dir>', 'reportgraph home holding the embedded store (db/) and graph.json (default: REPORTGRAPH_HOME or .reportgraph)'))
    .addOption(new Option('--neo4j-uri <uri>', 'Neo4j server, e.g. neo4j://localhost:7687 (default: NEO4J_URI)'))
    .addOption(new Option('--neo4j-user <user>', 'Neo4j user (default: NEO4J_USER, else neo4j)'))
    .addOption(new Option('--neo4j-password <password>', 'Neo4j password (default: NEO4J_PASSWORD; prefer the variable, flags show in process lists)'))
    .addOption(new Option('--neo4j-database <name>', 'Neo4j database (default: NEO4J_DATABASE, else neo4j)'))
    .addOption(new Option('--buffer-mb <n>', "embedded store: Kuzu's buffer pool in MiB (default 512; a first load of 100,000 reports needed 3072)").argParser(parseBufferMb));
}

export async function openStoreFor(opts: StoreOptions, readOnly: boolean, rebuild = false): Promise<GraphStore> {
  // Neo4j without a password given: ask on a terminal; elsewhere try without one (servers with
  // authentication off), and a refusal says which variable to set.
  // An address that carries its own password (neo4j://user:secret@host) needs no prompt.
  const inAddress = /^[a-z][a-z0-9+.-]*:\/\/[^@/?#]*:[^@/?#]*@/i.test(opts.neo4jUri ?? process.env.NEO4J_URI ?? '');
  if (opts.store === 'neo4j' && opts.neo4jPassword === undefined && !process.env.NEO4J_PASSWORD && !inAddress && process.stdin.isTTY) {
    const question = 'Neo4j password (NEO4J_PASSWORD is not set): ';
    // Kept on the caller's options, so kg serve knows it among the secrets to blank out of messages.
    opts.neo4jPassword = await promptSecret(question, 'Neo4j password: set NEO4J_PASSWORD or type it at the prompt');
  }
  return openStore({
    kind: opts.store,
    home: resolveHome(opts.home),
    readOnly,
    rebuild,
    ...(opts.bufferMb ? { bufferMb: opts.bufferMb } : {}),
    neo4j: { uri: opts.neo4jUri, user: opts.neo4jUser, password: opts.neo4jPassword, database: opts.neo4jDatabase },
  });
}

/** A path as people read it: relative when it is under the working directory. */
export function shownPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

export function describeStore(opts: StoreOptions): string {
  if (opts.store === 'embedded') return `the embedded store in ${shownPath(homePaths(resolveHome(opts.home)).embeddedDb)}`;
  return `Neo4j at ${opts.neo4jUri ?? process.env.NEO4J_URI ?? '?'} (database ${opts.neo4jDatabase ?? process.env.NEO4J_DATABASE ?? 'neo4j'})`;
}

/** Load with a progress bar on a terminal (stderr), for loads big enough to wait for. */
export async function loadWithProgress(store: GraphStore, doc: GraphDocument): Promise<{ stats: LoadStats; seconds: number }> {
  const started = performance.now();
  let bar: cliProgress.SingleBar | null = null;
  const stats = await store.load(doc, {
    onProgress: (done, total) => {
      if (!process.stderr.isTTY || total < 5000) return;
      if (!bar) {
        bar = new cliProgress.SingleBar({ stream: process.stderr, format: 'loading [{bar}] {value}/{total} rows', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
        bar.start(total, 0);
      }
      bar.update(done);
    },
    onRetry: (message) => process.stderr.write(`\n  ${message}\n`),
  });
  (bar as cliProgress.SingleBar | null)?.stop();
  return { stats, seconds: (performance.now() - started) / 1000 };
}

export async function printLoad(store: GraphStore, stats: LoadStats, seconds: number): Promise<void> {
  say(`  nodes: ${stats.nodesCreated} created, ${stats.nodesUpdated} updated, ${stats.nodesDeleted} deleted`);
  say(`  relationships: ${stats.relationshipsCreated} created, ${stats.relationshipsUpdated} updated, ${stats.relationshipsDeleted} deleted`);
  const counts = await store.counts();
  const list = (o: Record<string, number | undefined>) => Object.entries(o).filter(([, n]) => n).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  say(`  the store holds: ${list(counts.nodes)}; ${list(counts.relationships)}`);
  say(`  in ${seconds.toFixed(1)} s`);
}

export async function readGraphFile(file: string): Promise<GraphDocument> {
  let value: unknown;
  try {
    value = readGraphJson(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ReportGraphError('E_INPUT_MISSING', `${file} does not exist: write one with \`kg extract <reports> --out ${file}\`, or use \`kg build <reports>\``);
    throw new ReportGraphError('E_GRAPH_INVALID', `${file}: cannot read as JSON: ${(err as Error).message}`);
  }
  return validateGraph(value, file);
}

export function registerLoad(program: Command): void {
  addStoreOptions(
    program
      .command('load')
      .description('load a graph document into a store (idempotent: the store ends up holding exactly this document)')
      .argument('[graph]', 'graph document (default: <home>/graph.json)'),
  )
    .option('--rebuild', 'embedded store: delete it first (after a reportgraph upgrade, or to start clean)')
    .action(async (graphFile: string | undefined, opts: StoreOptions & { rebuild?: boolean }) => {
      const file = graphFile ?? homePaths(resolveHome(opts.home)).graph;
      const doc = await readGraphFile(file);
      const store = await openStoreFor(opts, false, opts.rebuild);
      try {
        say(`kg load: ${shownPath(file)} into ${describeStore(opts)}`);
        const { stats, seconds } = await loadWithProgress(store, doc);
        await printLoad(store, stats, seconds);
      } finally {
        await store.close();
      }
    });
}
