// Pure row builders: a graph document to the rows a store holds (one row per node, one per claim
// sentence, one per structural edge, one MENTIONS per node source), and those rows back to the
// exact graph document. Both adapters load and read through these, so both store the same thing.
import { GraphValidationError } from '../errors.ts';
import { compareEvidence } from '../model/graph-builder.ts';
import { edgeId } from '../model/ids.ts';
import { GraphDocument, GRAPH_VERSION, type Evidence, type GraphEdge, type GraphNode } from '../model/schema.ts';
import { ActorNode, EventNode, PlaceNode, SourceNode } from '../model/schema.ts';
import type { NodeLabel } from '../model/vocab.ts';
import { isClaimType, labelOfId, NODE_COLUMNS, relColumns, type Column, type RelType } from './stored-model.ts';

export type StoredScalar = string | number | null | string[] | number[];
export type StoredProps = Record<string, StoredScalar>;

export interface NodeRow {
  label: NodeLabel;
  id: string;
  /** Every column of the label (id included), null where the model has null. */
  props: StoredProps;
  /** The digest of props, once row-digests.ts has computed it. */
  digest?: string;
}

export interface RelRow {
  type: RelType;
  from: string;
  to: string;
  fromLabel: NodeLabel;
  toLabel: NodeLabel;
  /** Tells parallel relationships of one type between two nodes apart: a claim's evidence key, '' otherwise. */
  key: string;
  props: StoredProps;
  /** The digest of props, once row-digests.ts has computed it. */
  digest?: string;
}

export interface StoredRows {
  nodes: NodeRow[];
  rels: RelRow[];
}

/** `source@start-end`: the identity of one supporting sentence. */
export function claimKey(e: Pick<Evidence, 'source' | 'start' | 'end'>): string {
  return `${e.source}@${e.start}-${e.end}`;
}

export function relIdentity(r: Pick<RelRow, 'type' | 'from' | 'to' | 'key'>): string {
  return `${r.type}\u0000${r.from}\u0000${r.to}\u0000${r.key}`;
}

function sameValue(a: StoredScalar | undefined, b: StoredScalar | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return (a ?? null) === (b ?? null);
}

/** Whether two rows hold the same values in every column: tells changed rows from unchanged ones. */
export function sameRow(a: StoredProps, b: StoredProps, columns: readonly Column[]): boolean {
  return columns.every((c) => sameValue(a[c.name], b[c.name]));
}

function evidenceLists(evidence: readonly Evidence[]): StoredProps {
  return {
    evidenceSource: evidence.map((e) => e.source),
    evidenceText: evidence.map((e) => e.text),
    evidenceStart: evidence.map((e) => e.start),
    evidenceEnd: evidence.map((e) => e.end),
    evidenceRule: evidence.map((e) => e.rule),
    evidenceAttributedTo: evidence.map((e) => e.attributedTo ?? ''),
    evidenceDate: evidence.map((e) => e.date ?? ''),
  };
}

function nodeProps(node: GraphNode): StoredProps {
  const props: StoredProps = {};
  const record = node as unknown as Record<string, StoredScalar>;
  for (const col of NODE_COLUMNS[node.label]) {
    if (col.name.startsWith('evidence') && node.label === 'Event') continue;
    props[col.name] = record[col.name] ?? null;
  }
  if (node.label === 'Event') Object.assign(props, evidenceLists(node.evidence));
  return props;
}

function labelOf(id: string): NodeLabel {
  const label = labelOfId(id);
  if (!label) throw new Error(`graph-rows: ${id} has no known label prefix`);
  return label;
}

export function toStoredRows(doc: GraphDocument): StoredRows {
  const nodes: NodeRow[] = [];
  const rels: RelRow[] = [];
  eachStoredRow(doc, (n) => nodes.push(n), (r) => rels.push(r));
  return { nodes, rels };
}

/**
 * The rows of a document one at a time, nodes first, in the order toStoredRows lists them: a
 * loader that writes them straight out never holds a second copy of a large document.
 */
export function eachStoredRow(doc: GraphDocument, onNode: (row: NodeRow) => void, onRel: (row: RelRow) => void): void {
  const published = new Map<string, string | null>();
  for (const n of doc.nodes) if (n.label === 'Source') published.set(n.id, n.published);

  for (const n of doc.nodes) onNode({ label: n.label, id: n.id, props: nodeProps(n) });
  for (const n of doc.nodes) {
    if (n.label === 'Source') continue;
    for (const s of n.sources) onRel({ type: 'MENTIONS', from: s, to: n.id, fromLabel: 'Source', toLabel: n.label, key: '', props: {} });
  }
  for (const e of doc.edges) {
    const ends = { type: e.type, from: e.from, to: e.to, fromLabel: labelOf(e.from), toLabel: labelOf(e.to) };
    if (!isClaimType(e.type)) {
      onRel({ ...ends, key: '', props: evidenceLists(e.evidence) });
    } else if (e.evidence.length === 0) {
      onRel({ ...ends, key: '', props: Object.fromEntries(relColumns(e.type).map((c) => [c.name, c.name === 'key' ? '' : null])) });
    } else {
      for (const ev of e.evidence) {
        const key = claimKey(ev);
        onRel({
          ...ends,
          key,
          props: {
            key,
            source: ev.source,
            text: ev.text,
            start: ev.start,
            end: ev.end,
            rule: ev.rule,
            date: ev.date ?? published.get(ev.source) ?? null,
            evidenceDate: ev.date ?? null,
            attributedTo: ev.attributedTo ?? null,
          },
        });
      }
    }
  }
}

/**
 * Lists a store may hold absent: Neo4j's bulk importer stores no empty list, nor a list of one ''
 * (neo4j-admin reads an empty field as no value), so a database imported from the CSV export lacks
 * them until the next load. Absent, a model list reads back empty, and an evidence attribution or
 * date list as '' for every sentence.
 */
const PER_SENTENCE_OPTIONAL = new Set(['evidenceAttributedTo', 'evidenceDate']);

function evidenceFromLists(p: StoredProps, where: string): Evidence[] {
  const sources = (p.evidenceSource ?? []) as string[];
  const list = <T>(name: string) => (p[name] ?? (PER_SENTENCE_OPTIONAL.has(name) ? sources.map(() => '') : [])) as T[];
  const cols = ['evidenceText', 'evidenceStart', 'evidenceEnd', 'evidenceRule', 'evidenceAttributedTo', 'evidenceDate'];
  for (const c of cols) {
    if (list(c).length !== sources.length) throw new GraphValidationError(where, [`${c} has ${list(c).length} items, evidenceSource ${sources.length}`]);
  }
  return sources.map((source, i) => {
    const ev: Evidence = {
      source,
      text: list<string>('evidenceText')[i]!,
      start: list<number>('evidenceStart')[i]!,
      end: list<number>('evidenceEnd')[i]!,
      rule: list<string>('evidenceRule')[i]!,
    };
    const attributedTo = list<string>('evidenceAttributedTo')[i];
    const date = list<string>('evidenceDate')[i];
    if (attributedTo) ev.attributedTo = attributedTo;
    if (date) ev.date = date;
    return ev;
  });
}

function claimEvidence(p: StoredProps): Evidence {
  const ev: Evidence = { source: p.source as string, text: p.text as string, start: p.start as number, end: p.end as number, rule: p.rule as string };
  if (p.attributedTo) ev.attributedTo = p.attributedTo as string;
  if (p.evidenceDate) ev.date = p.evidenceDate as string;
  return ev;
}

const SHAPES = { Actor: ActorNode.shape, Place: PlaceNode.shape, Event: EventNode.shape, Source: SourceNode.shape } as const;
/** Each label's list columns (aliases, sources): absent in a store, they read back empty (see PER_SENTENCE_OPTIONAL). */
const LIST_COLUMNS = Object.fromEntries(
  Object.entries(NODE_COLUMNS).map(([label, cols]) => [label, new Set(cols.filter((c) => c.type.endsWith('[]')).map((c) => c.name))]),
) as Record<NodeLabel, Set<string>>;

/** A node in the model's key order (so a document read back serializes like the one loaded). */
function nodeFromProps(label: NodeLabel, p: StoredProps, where: string): GraphNode {
  const node: Record<string, unknown> = {};
  for (const key of Object.keys(SHAPES[label])) {
    if (key === 'label') node.label = label;
    else if (key === 'evidence') node.evidence = evidenceFromLists(p, where);
    else node[key] = p[key] ?? (LIST_COLUMNS[label].has(key) ? [] : null);
  }
  return node as GraphNode;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function canonicalEvidence(e: Evidence): Evidence {
  const { attributedTo, date, ...rest } = e;
  return { ...rest, ...(attributedTo ? { attributedTo } : {}), ...(date ? { date } : {}) };
}

/**
 * The form a store gives a document back in: the model lets an evidence item's `attributedTo` and
 * `date` be null or absent, with one meaning; a store keeps values, not that difference, so they
 * come back absent when null. Everything else comes back exactly as loaded.
 */
export function canonicalGraph(doc: GraphDocument): GraphDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (n.label === 'Event' ? { ...n, evidence: n.evidence.map(canonicalEvidence) } : n)),
    edges: doc.edges.map((e) => ({ ...e, evidence: e.evidence.map(canonicalEvidence) })),
  };
}

/** Rows back to the graph document, validated against the model (a store edited by hand may not hold a valid graph). */
export function fromStoredRows(rows: StoredRows, where: string): GraphDocument {
  const nodes = rows.nodes.map((r) => nodeFromProps(r.label, r.props, `${where}: ${r.id}`)).sort((a, b) => byString(a.id, b.id));
  const edges = new Map<string, GraphEdge>();
  for (const r of rows.rels) {
    if (r.type === 'MENTIONS') continue;
    const id = edgeId(r.type, r.from, r.to);
    const edge = edges.get(id) ?? { id, type: r.type, from: r.from, to: r.to, evidence: [] };
    edges.set(id, edge);
    if (!isClaimType(r.type)) edge.evidence.push(...evidenceFromLists(r.props, `${where}: ${id}`));
    else if (r.key !== '') edge.evidence.push(claimEvidence(r.props));
  }
  for (const e of edges.values()) e.evidence.sort(compareEvidence);
  const doc = { version: GRAPH_VERSION, nodes, edges: [...edges.values()].sort((a, b) => byString(a.id, b.id)) };
  const parsed = GraphDocument.safeParse(doc);
  if (!parsed.success) throw new GraphValidationError(where, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return parsed.data;
}
