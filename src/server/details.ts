// The side panel's content: a node's or an edge's properties and every sentence that supports it,
// each with its report (title, outlet, date, link) and the text around the quoted span so the
// viewer can show the span highlighted in its sentence. Pure lookups over the graph document.
import type { Evidence, GraphDocument, GraphEdge, GraphNode, SourceNode } from '../model/schema.ts';

/** Characters of report text shown on each side of a quoted span, cut back to a sentence or line end when one is near. */
const CONTEXT_CHARS = 240;

export interface EvidenceView {
  source: string;
  sourceTitle: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  file: string | null;
  /** The quoted span, exactly Source.text.slice(start, end). */
  text: string;
  start: number;
  end: number;
  rule: string;
  date: string | null;
  attributedTo: string | null;
  attributedToName: string | null;
  /** Report text just before and after the span (may be cut mid-word at the limit). */
  before: string;
  after: string;
}

export interface EdgeView {
  id: string;
  type: GraphEdge['type'];
  from: { id: string; name: string; label: string };
  to: { id: string; name: string; label: string };
  evidence: EvidenceView[];
}

export interface NodeView {
  id: string;
  label: GraphNode['label'];
  name: string;
  /** The node's properties, without report text and evidence (those are in `evidence` and `edges`). */
  properties: Record<string, unknown>;
  /** An event's own supporting sentences. */
  evidence: EvidenceView[];
  /** Every relationship touching the node, with its sentences. */
  edges: EdgeView[];
}

export class GraphIndex {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();
  private readonly edgesOf = new Map<string, GraphEdge[]>();

  constructor(readonly doc: GraphDocument) {
    for (const n of doc.nodes) this.nodes.set(n.id, n);
    for (const e of doc.edges) {
      this.edges.set(e.id, e);
      for (const end of new Set([e.from, e.to])) {
        const list = this.edgesOf.get(end) ?? [];
        list.push(e);
        this.edgesOf.set(end, list);
      }
    }
  }

  private nameOf(id: string): string {
    return this.nodes.get(id)?.name ?? id;
  }

  evidenceView(ev: Evidence): EvidenceView {
    const src = this.nodes.get(ev.source) as SourceNode | undefined;
    const text = src?.text ?? '';
    return {
      source: ev.source,
      sourceTitle: src?.title ?? null,
      outlet: src?.outlet ?? null,
      published: src?.published ?? null,
      url: src?.url ?? null,
      file: src?.file ?? null,
      text: ev.text,
      start: ev.start,
      end: ev.end,
      rule: ev.rule,
      date: ev.date ?? null,
      attributedTo: ev.attributedTo ?? null,
      attributedToName: ev.attributedTo ? this.nameOf(ev.attributedTo) : null,
      before: contextBefore(text, ev.start),
      after: contextAfter(text, ev.end),
    };
  }

  edgeView(id: string): EdgeView | null {
    const e = this.edges.get(id);
    if (!e) return null;
    const end = (nid: string) => ({ id: nid, name: this.nameOf(nid), label: this.nodes.get(nid)?.label ?? '' });
    return { id: e.id, type: e.type, from: end(e.from), to: end(e.to), evidence: e.evidence.map((ev) => this.evidenceView(ev)) };
  }

  nodeView(id: string): NodeView | null {
    const n = this.nodes.get(id);
    if (!n) return null;
    const { id: _id, label, name, ...rest } = n as GraphNode & { text?: string; evidence?: Evidence[] };
    const { text, evidence, ...props } = rest;
    const properties: Record<string, unknown> = props;
    if (typeof text === 'string') properties.textLength = text.length;
    const edges = (this.edgesOf.get(id) ?? [])
      .slice()
      .sort((a, b) => b.evidence.length - a.evidence.length || (a.id < b.id ? -1 : 1))
      .map((e) => this.edgeView(e.id)!);
    return { id, label, name, properties, evidence: (evidence ?? []).map((ev) => this.evidenceView(ev)), edges };
  }
}

function contextBefore(text: string, start: number): string {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const piece = text.slice(from, start);
  const cut = Math.max(piece.lastIndexOf('\n'), piece.search(/[.!?]\s+[^.!?]*$/) >= 0 ? piece.search(/[.!?]\s+[^.!?]*$/) + 1 : -1);
  return (cut >= 0 ? piece.slice(cut + 1) : piece).replace(/^\s+/, '');
}

function contextAfter(text: string, end: number): string {
  const piece = text.slice(end, end + CONTEXT_CHARS);
  const m = /[.!?](\s|$)|\n/.exec(piece);
  return m ? piece.slice(0, m.index + 1).replace(/\n$/, '') : piece;
}
