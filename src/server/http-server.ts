// `kg serve`'s HTTP server (node:http, no framework): the built viewer from viz/dist and a JSON
// API over the graph. The graph document is read from the store once at start; queries go to the
// store, read-only, with a row and a time limit. Every error is JSON with a code (never a page that
// echoes the request), every response carries a Content-Security-Policy without inline script.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { ReportGraphError } from '../errors.ts';
import { assembleSubgraph } from '../export/assemble-subgraph.ts';
import { exportGraph, type ExportFormat } from '../export/export-graph.ts';
import type { KnownName } from '../export/find-nodes.ts';
import { selectionFromQueryResult } from '../export/from-query-result.ts';
import type { Evidence, GraphDocument } from '../model/schema.ts';
import type { GraphStore, QueryValue } from '../store/types.ts';
import { GraphIndex } from './details.ts';
import { checkReadOnlyQuery } from './query-guard.ts';
import { searchNames } from './search-names.ts';
import { claimCounts, viewGraph, type ViewGraph } from './view-graph.ts';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 5174;

export interface ServerLimits {
  /** Largest request body, bytes (413 past it). */
  maxBodyBytes: number;
  /** Rows a query returns at most (the result says it was cut). */
  maxRows: number;
  /** A query's time limit, milliseconds. */
  queryTimeoutMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = { maxBodyBytes: 64 * 1024, maxRows: 1000, queryTimeoutMs: 10_000 };

export interface ServerOptions {
  store: GraphStore;
  doc: GraphDocument;
  /** The built viewer (viz/dist); null serves the API only. */
  viewerDir: string | null;
  knownNames?: readonly KnownName[];
  limits?: Partial<ServerLimits>;
  /** Strings never to send back (a Neo4j password), replaced in error messages. */
  secrets?: readonly string[];
  /** Host names accepted besides 127.0.0.1, localhost and [::1] (the address given to --host). */
  allowedHosts?: readonly string[];
}

/** Exports the viewer offers: single files a drawing program opens. */
const VIEW_EXPORTS: readonly ExportFormat[] = ['json', 'graphology', 'gexf', 'graphml'];
const EXPORT_TYPES: Record<string, string> = { json: 'application/json', graphology: 'application/json', gexf: 'application/xml', graphml: 'application/xml' };
const EXPORT_EXTENSIONS: Record<string, string> = { json: 'json', graphology: 'graphology.json', gexf: 'gexf', graphml: 'graphml' };

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const STATUS_OF_CODE: Record<string, number> = {
  E_QUERY_WRITE: 403,
  E_QUERY_SYNTAX: 400,
  E_USAGE: 400,
  E_QUERY_FAILED: 422,
};

function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...baseHeaders(), 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Reads a JSON body up to the limit; past it, a 413 without reading the rest. */
function readJsonBody(req: http.IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new HttpError(413, 'E_BODY_TOO_LARGE', `the request body is larger than ${limit} bytes`));
    if (!/^application\/json\b/i.test(String(req.headers['content-type'] ?? ''))) {
      return reject(new HttpError(415, 'E_CONTENT_TYPE', 'send the body as application/json'));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        reject(new HttpError(413, 'E_BODY_TOO_LARGE', `the request body is larger than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HttpError(400, 'E_BAD_JSON', 'the request body is not valid JSON'));
      }
    });
    req.on('error', (err) => {
      if (!done) reject(err);
    });
  });
}

/** Query values for the table: nodes and relationships by name and type, long text cut. */
function tableValue(v: QueryValue, names: (id: string) => string): unknown {
  if (v === null || typeof v !== 'object') return typeof v === 'string' && v.length > 500 ? `${v.slice(0, 500)}…` : v;
  if (Array.isArray(v)) return v.map((x) => tableValue(x, names));
  if ('$type' in v && v.$type === 'node') return { node: v.id, label: v.label, name: names(v.id as string) };
  if ('$type' in v && v.$type === 'relationship') return { relationship: v.type, from: names(v.from as string), to: names(v.to as string) };
  if ('$type' in v && v.$type === 'path') return { path: (v.nodes as { id: string }[]).map((n) => names(n.id)) };
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, tableValue(x as QueryValue, names)]));
}

/** Ids of the nodes a query's rows hold, and of the ends of the relationships and paths they hold. */
function returnedNodeIds(rows: readonly Record<string, QueryValue>[]): Set<string> {
  const ids = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.$type === 'node' && typeof o.id === 'string') ids.add(o.id);
    else if (o.$type === 'relationship') {
      if (typeof o.from === 'string') ids.add(o.from);
      if (typeof o.to === 'string') ids.add(o.to);
    } else if (o.$type === 'path') {
      walk(o.nodes);
      walk(o.relationships);
    } else Object.values(o).forEach(walk);
  };
  rows.forEach(walk);
  return ids;
}

export interface ReportGraphServer {
  server: http.Server;
  /** The URL it listens on, once listening. */
  url: string;
  close(): Promise<void>;
}

export function createApp(opts: ServerOptions): http.RequestListener {
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const index = new GraphIndex(opts.doc);
  let view: ViewGraph | null = null;
  const getView = () => (view ??= viewGraph(opts.doc));
  const known = opts.knownNames ?? [];
  const claims = claimCounts(opts.doc);
  const secrets = (opts.secrets ?? []).filter((s) => s.length > 0);
  const redact = (msg: string) => secrets.reduce((m, s) => m.split(s).join('***'), msg);
  const nameOf = (id: string) => index.nodes.get(id)?.name ?? id;
  const allowedHosts = new Set(['127.0.0.1', 'localhost', '[::1]', ...(opts.allowedHosts ?? []).map((h) => (h.includes(':') && !h.startsWith('[') ? `[${h}]` : h))]);

  const exportResponse = (res: http.ServerResponse, format: string, doc: GraphDocument) => {
    if (!VIEW_EXPORTS.includes(format as ExportFormat)) throw new HttpError(400, 'E_USAGE', `format must be one of ${VIEW_EXPORTS.join(', ')}`);
    const out = exportGraph(doc, format as ExportFormat);
    if (out.kind !== 'file') throw new HttpError(400, 'E_USAGE', 'that format is a folder of files; use kg export');
    res.writeHead(200, {
      ...baseHeaders(),
      'Content-Type': `${EXPORT_TYPES[format]}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="reportgraph.${EXPORT_EXTENSIONS[format]}"`,
      'Cache-Control': 'no-store',
    });
    res.end(out.content);
  };

  const api = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> => {
    const parts = url.pathname.split('/').slice(2).map((p) => decodeURIComponent(p));
    const route = `${req.method} ${parts[0] ?? ''}`;
    switch (route) {
      case 'GET graph':
        return sendJson(res, 200, getView());
      case 'GET node':
      case 'GET edge': {
        const id = parts.slice(1).join('/');
        const found = parts[0] === 'node' ? index.nodeView(id) : index.edgeView(id);
        if (!found) throw new HttpError(404, 'E_NOT_FOUND', `no ${parts[0]} with that id`);
        return sendJson(res, 200, found);
      }
      case 'GET search': {
        const q = url.searchParams.get('q') ?? '';
        if (q.length > 200) throw new HttpError(400, 'E_USAGE', 'the search text is longer than 200 characters');
        return sendJson(res, 200, { query: q, hits: searchNames(opts.doc, q, known, (id) => claims.get(id) ?? 0) });
      }
      case 'POST query': {
        const body = (await readJsonBody(req, limits.maxBodyBytes)) as { query?: unknown; params?: unknown };
        if (typeof body?.query !== 'string') throw new HttpError(400, 'E_USAGE', 'send {"query": "<cypher>"}');
        const params = body.params ?? {};
        if (typeof params !== 'object' || params === null || Array.isArray(params)) throw new HttpError(400, 'E_USAGE', 'params must be an object');
        const cypher = checkReadOnlyQuery(body.query);
        const result = await opts.store.query(cypher, params as Record<string, unknown>, { write: false, maxRows: limits.maxRows, timeoutMs: limits.queryTimeoutMs });
        const selection = selectionFromQueryResult(result, opts.doc);
        return sendJson(res, 200, {
          columns: result.columns,
          rows: result.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, tableValue(v, nameOf)]))),
          truncated: result.truncated,
          maxRows: limits.maxRows,
          // What the rows name (nodes, relationship ends), not the reports brought along for provenance.
          nodes: [...returnedNodeIds(result.rows)].filter((id) => index.nodes.has(id)).sort(),
          edges: selection.doc.edges.map((e) => e.id),
          missing: selection.missing,
        });
      }
      case 'GET export':
        return exportResponse(res, url.searchParams.get('format') ?? 'graphology', opts.doc);
      case 'POST export': {
        // What is on screen: the node and edge ids the viewer shows, each edge with all its sentences.
        const body = (await readJsonBody(req, Math.max(limits.maxBodyBytes, 16 * 1024 * 1024))) as { format?: unknown; nodes?: unknown; edges?: unknown };
        const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
        const nodes = new Set(ids(body?.nodes).filter((id) => index.nodes.has(id)));
        const edges = new Map<string, readonly Evidence[]>();
        for (const id of ids(body?.edges)) {
          const e = index.edges.get(id);
          if (e) edges.set(id, e.evidence);
        }
        return exportResponse(res, typeof body?.format === 'string' ? body.format : '', assembleSubgraph(opts.doc, { nodes, edges }));
      }
      default:
        throw new HttpError(404, 'E_NOT_FOUND', 'no such API endpoint');
    }
  };

  const serveStatic = async (res: http.ServerResponse, url: URL): Promise<void> => {
    if (!opts.viewerDir) throw new HttpError(404, 'E_NOT_FOUND', 'the viewer is not built (the API is under /api/)');
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(opts.viewerDir, rel);
    if (file !== opts.viewerDir && !file.startsWith(opts.viewerDir + path.sep)) throw new HttpError(404, 'E_NOT_FOUND', 'no such file');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw new HttpError(404, 'E_NOT_FOUND', 'no such file');
    res.writeHead(200, {
      ...baseHeaders(),
      'Content-Type': STATIC_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(res);
  };

  return (req, res) => {
    const handle = async () => {
      // Only names of this machine: a page elsewhere that rebinds its own host name to 127.0.0.1 gets nothing.
      const host = String(req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      if (!allowedHosts.has(host)) throw new HttpError(421, 'E_HOST', 'requests must name this machine (127.0.0.1 or localhost) as their host');
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname.startsWith('/api/')) return api(req, res, url);
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'E_METHOD', 'only GET here');
      return serveStatic(res, url);
    };
    handle().catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof HttpError) return sendJson(res, err.status, { error: { code: err.code, message: err.message } });
      if (err instanceof ReportGraphError) {
        return sendJson(res, STATUS_OF_CODE[err.code] ?? 500, { error: { code: err.code, message: redact(err.message) } });
      }
      if (err instanceof URIError) return sendJson(res, 400, { error: { code: 'E_USAGE', message: 'the address is not valid' } });
      process.stderr.write(`kg serve: ${redact((err as Error)?.stack ?? String(err))}\n`);
      sendJson(res, 500, { error: { code: 'E_INTERNAL', message: 'the server failed on this request (see its log)' } });
    });
  };
}

/** Listens on host:port (port 0: any free one) and resolves once listening. */
export function startServer(opts: ServerOptions & { host?: string; port?: number }): Promise<ReportGraphServer> {
  const host = opts.host ?? DEFAULT_HOST;
  const server = http.createServer(createApp({ ...opts, allowedHosts: [...(opts.allowedHosts ?? []), host.toLowerCase()] }));
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new ReportGraphError('E_USAGE', `port ${opts.port ?? DEFAULT_PORT} on ${host} is in use: pick another with --port`));
      else if (err.code === 'EADDRNOTAVAIL') reject(new ReportGraphError('E_USAGE', `${host} is not an address of this machine: pick another with --host`));
      else reject(err);
    });
    server.listen(opts.port ?? DEFAULT_PORT, host, () => {
      const addr = server.address() as { port: number };
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        server,
        url: `http://${shown}:${addr.port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
