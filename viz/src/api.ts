// The server's JSON API, typed as the viewer reads it (see src/server/ for what it sends).
// The payload types are the server's own (type-only: nothing of src/ reaches the bundle).
export type { ViewEdgeAttributes, ViewGraph, ViewNodeAttributes } from '../../src/server/view-graph.ts';
export type { EdgeView, EvidenceView, NodeView } from '../../src/server/details.ts';
export type { SearchHit } from '../../src/server/search-names.ts';
import type { EdgeView, NodeView } from '../../src/server/details.ts';
import type { SearchHit } from '../../src/server/search-names.ts';
import type { ViewGraph } from '../../src/server/view-graph.ts';

export interface QueryAnswer {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  maxRows: number;
  nodes: string[];
  edges: string[];
  missing: string[];
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok || body === null) throw new ApiError(body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? `the server answered ${res.status}`);
  return body as T;
}

export const api = {
  graph: () => fetch('/api/graph').then((r) => answer<ViewGraph>(r)),
  node: (id: string) => fetch(`/api/node/${encodeURIComponent(id)}`).then((r) => answer<NodeView>(r)),
  edge: (id: string) => fetch(`/api/edge/${encodeURIComponent(id)}`).then((r) => answer<EdgeView>(r)),
  search: (q: string) => fetch(`/api/search?q=${encodeURIComponent(q)}`).then((r) => answer<{ hits: SearchHit[] }>(r)),
  query: (query: string) =>
    fetch('/api/query', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query }) }).then((r) => answer<QueryAnswer>(r)),
  async exportView(format: string, nodes: string[], edges: string[]): Promise<Blob> {
    const res = await fetch('/api/export', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ format, nodes, edges }) });
    if (!res.ok) await answer(res);
    return res.blob();
  },
};
