// The server's JSON API, typed as the viewer reads it (see src/server/ for what it sends).
export interface ViewNodeAttributes {
  label: string;
  nodeLabel: 'Actor' | 'Place' | 'Event' | 'Source';
  name: string;
  kind?: string;
  aliases?: string[];
  date?: string | null;
  claims: number;
  x: number;
  y: number;
}

export interface ViewEdgeAttributes {
  relType: string;
  evidenceCount: number;
  dates: string[];
}

export interface ViewGraph {
  attributes: { nodeCount: number; edgeCount: number; reportDates: string[] };
  options: { type: 'directed'; multi: true; allowSelfLoops: true };
  nodes: { key: string; attributes: ViewNodeAttributes }[];
  edges: { key: string; source: string; target: string; attributes: ViewEdgeAttributes }[];
}

export interface EvidenceView {
  source: string;
  sourceTitle: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  file: string | null;
  text: string;
  start: number;
  end: number;
  rule: string;
  date: string | null;
  attributedTo: string | null;
  attributedToName: string | null;
  before: string;
  after: string;
}

export interface EdgeView {
  id: string;
  type: string;
  from: { id: string; name: string; label: string };
  to: { id: string; name: string; label: string };
  evidence: EvidenceView[];
}

export interface NodeView {
  id: string;
  label: string;
  name: string;
  properties: Record<string, unknown>;
  evidence: EvidenceView[];
  edges: EdgeView[];
}

export interface SearchHit {
  id: string;
  label: string;
  name: string;
  matched: string;
  exact: boolean;
}

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
