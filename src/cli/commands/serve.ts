// `kg serve [--port 5174] [--host 127.0.0.1] [--store embedded|neo4j]`: the viewer and its JSON API
// on this machine. The store is opened read-only (Kuzu allows one writing process; the server
// never writes), the graph read once, the viewer built first if viz/dist is missing or stale.
import type { Command } from 'commander';
import { ReportGraphError } from '../../errors.ts';
import { lexiconKnownNames } from '../../lexicon/known-names.ts';
import { ensureViewerBuilt, VIZ_DIST } from '../../server/build-viewer.ts';
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from '../../server/http-server.ts';
import { lexiconOption } from '../options.ts';
import { say } from '../output.ts';
import { addStoreOptions, describeStore, openStoreFor, type StoreOptions } from './load.ts';

interface ServeOptions extends StoreOptions {
  port: number;
  host: string;
  lexicon: string;
  build: boolean;
  maxRows: number;
  timeout: number;
}

function portNumber(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ReportGraphError('E_USAGE', `--port takes a port number (0-65535), not "${v}"`);
  return n;
}

function positive(flag: string) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new ReportGraphError('E_USAGE', `${flag} takes a positive whole number, not "${v}"`);
    return n;
  };
}

/** Serves until the process is stopped; resolves once listening. Shared by `kg serve` and `kg build --serve`. */
export async function serve(opts: ServeOptions): Promise<void> {
  if (opts.build) await ensureViewerBuilt({ log: (l) => say(`kg serve: ${l}`) });
  const store = await openStoreFor(opts, true);
  let started = false;
  try {
    const doc = await store.readGraph();
    const knownNames = await lexiconKnownNames(opts.lexicon);
    const secrets = [opts.neo4jPassword ?? process.env.NEO4J_PASSWORD ?? ''];
    const app = await startServer({ store, doc, viewerDir: VIZ_DIST, knownNames, secrets, host: opts.host, port: opts.port, limits: { maxRows: opts.maxRows, queryTimeoutMs: opts.timeout } });
    started = true;
    say(`kg serve: ${doc.nodes.length} nodes, ${doc.edges.length} edges from ${describeStore(opts)}`);
    if (opts.host !== '127.0.0.1' && opts.host !== 'localhost' && opts.host !== '::1') {
      say(`kg serve: warning: listening on ${opts.host}, so other machines can reach the graph; the default 127.0.0.1 keeps it on this one`);
    }
    say(`kg serve: the viewer is at ${app.url}  (Ctrl+C stops it)`);
    process.stdout.write(`${app.url}\n`);
    const stop = () => {
      void app.close().then(() => store.close()).then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } finally {
    if (!started) await store.close();
  }
}

export function addServeOptions(cmd: Command): Command {
  return cmd
    .option('--port <n>', `port to listen on (0: any free port)`, portNumber, DEFAULT_PORT)
    .option('--host <address>', 'address to listen on; the default keeps the viewer on this machine', DEFAULT_HOST)
    .option('--no-build', 'serve viz/dist as it is, without building the viewer when it is missing or stale')
    .option('--max-rows <n>', 'rows a Cypher box query returns at most', positive('--max-rows'), 1000)
    .option('--timeout <ms>', 'time limit of a Cypher box query', positive('--timeout'), 10_000);
}

export function registerServe(program: Command): void {
  addServeOptions(
    addStoreOptions(program.command('serve').description('serve the graph viewer and its JSON API (read-only) on http://127.0.0.1:5174/').addOption(lexiconOption())),
  ).action((opts: ServeOptions) => serve(opts));
}
