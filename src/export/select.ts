// Choosing the piece of the graph to export: everything, or the neighbourhood of a named node,
// narrowed by relationship types, labels, dates, evidence count and source. The result is always a
// valid graph document (see assemble-subgraph.ts). Pure: the caller reads files and the lexicon.
import { ReportGraphError } from '../errors.ts';
import type { Evidence, GraphDocument, GraphNode, SourceNode } from '../model/schema.ts';
import { PartialIsoDate } from '../model/schema.ts';
import type { EdgeType, NodeLabel } from '../model/vocab.ts';
import { assembleSubgraph } from './assemble-subgraph.ts';
import { findNodesByName, foldName, similarNames, type KnownName } from './find-nodes.ts';
import { isClaimType } from '../store/stored-model.ts';
import { dayRange, overlapsRange } from './partial-dates.ts';

export interface SelectOptions {
  /** A name, alias or id: keep the nodes within `hops` relationships of it. */
  around?: string;
  /** Default 1. */
  hops?: number;
  /** Keep only these relationship types (and the nodes they connect). */
  types?: readonly EdgeType[];
  /** Keep only nodes with these labels (Sources that kept evidence quotes are always kept). */
  labels?: readonly NodeLabel[];
  /** Partial ISO dates, inclusive: events by their date, claims by their sentences' dates. */
  since?: string;
  until?: string;
  /** Keep only relationships with at least this many supporting sentences (not LOCATED_IN, PUBLISHED_BY: they have none). */
  minEvidence?: number;
  /** A Source's file (or its end, or base name), outlet, title, id, or a publisher's name: keep only what those reports say. */
  source?: string;
  /** Names of nodes known from elsewhere (the lexicon), for `around`. */
  knownNames?: readonly KnownName[];
}

/** Relationships that come from the gazetteer and report metadata, not from sentences. */
const STRUCTURAL: ReadonlySet<EdgeType> = new Set<EdgeType>(['LOCATED_IN', 'PUBLISHED_BY']);

function usage(message: string): never {
  throw new ReportGraphError('E_USAGE', message);
}

function checkDate(flag: string, value: string | undefined): void {
  if (value !== undefined && !PartialIsoDate.safeParse(value).success) usage(`${flag} "${value}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`);
}

/**
 * The Sources a `--source` value names: by id, file (whole, its end or base name), title, outlet,
 * or the name or an alias of an actor that published them (PUBLISHED_BY), since one report's outlet
 * line may name several publishers ("X's Media Office + Y").
 */
export function matchSources(doc: GraphDocument, value: string): Set<string> {
  const v = value.trim();
  const folded = foldName(v);
  const base = (f: string) => f.split('/').pop() ?? f;
  const publishers = new Set(
    doc.nodes.filter((n) => n.label === 'Actor' && [n.name, ...n.aliases].some((a) => foldName(a) === folded)).map((n) => n.id),
  );
  const ids = new Set(
    doc.nodes
      .filter(
        (n): n is SourceNode =>
          n.label === 'Source' &&
          (n.id === v || n.file === v || n.file.endsWith(`/${v}`) || base(n.file) === v || foldName(n.outlet ?? '') === folded || foldName(n.title ?? '') === folded),
      )
      .map((s) => s.id),
  );
  for (const e of doc.edges) if (e.type === 'PUBLISHED_BY' && publishers.has(e.to)) ids.add(e.from);
  return ids;
}

export function selectSubgraph(doc: GraphDocument, opts: SelectOptions = {}): GraphDocument {
  checkDate('--since', opts.since);
  checkDate('--until', opts.until);
  const since = opts.since ? dayRange(opts.since) : null;
  const until = opts.until ? dayRange(opts.until) : null;
  if (since && until && since.first > until.last) usage(`--since ${opts.since} is after --until ${opts.until}`);
  const hops = opts.hops ?? 1;
  if (!Number.isInteger(hops) || hops < 0) usage(`--hops must be a whole number of relationships, not ${hops}`);
  const minEvidence = opts.minEvidence ?? 0;

  const byId = new Map<string, GraphNode>(doc.nodes.map((n) => [n.id, n]));
  let scope: Set<string> | null = null;
  if (opts.source !== undefined) {
    scope = matchSources(doc, opts.source);
    if (scope.size === 0) {
      const files = doc.nodes.filter((n): n is SourceNode => n.label === 'Source').map((s) => s.file).slice(0, 5);
      throw new ReportGraphError('E_EXPORT', `no report matches --source "${opts.source}" (give a file, its base name, an outlet or a title; files include: ${files.join(', ') || 'none'})`);
    }
  }
  const inScope = (ev: Evidence) => !scope || scope.has(ev.source);
  const dated = !!(since || until);
  const inDates = (date: string | null | undefined) => !dated || (!!date && overlapsRange(date, { since, until }));
  const published = (sourceId: string) => {
    const s = byId.get(sourceId);
    return s?.label === 'Source' ? s.published : null;
  };
  const labelOk = (n: GraphNode) => !opts.labels || opts.labels.includes(n.label);
  const publishers = new Set(doc.edges.filter((e) => e.type === 'PUBLISHED_BY' && scope?.has(e.from)).map((e) => e.to));

  // Nodes that pass the node filters.
  const pass = new Set<string>();
  const eventEvidence = new Map<string, Evidence[]>();
  for (const n of doc.nodes) {
    if (!labelOk(n)) continue;
    if (n.label === 'Event') {
      const ev = n.evidence.filter(inScope);
      if (ev.length === 0 || !inDates(n.date)) continue;
      eventEvidence.set(n.id, ev);
    } else if (n.label === 'Source') {
      if ((scope && !scope.has(n.id)) || !inDates(n.published)) continue;
    } else if (scope && !n.sources.some((s) => scope.has(s)) && !publishers.has(n.id)) continue;
    pass.add(n.id);
  }

  // Relationships that pass, with the evidence they keep.
  const edges = new Map<string, Evidence[]>();
  for (const e of doc.edges) {
    if (opts.types && !opts.types.includes(e.type)) continue;
    if (!pass.has(e.from) || !pass.has(e.to)) continue;
    let ev = e.evidence.filter(inScope);
    if (isClaimType(e.type) && dated) ev = ev.filter((x) => inDates(x.date ?? published(x.source)));
    if (e.evidence.length > 0 && ev.length === 0) continue;
    if (!STRUCTURAL.has(e.type) && ev.length < minEvidence) continue;
    edges.set(e.id, ev);
  }
  const edgeList = doc.edges.filter((e) => edges.has(e.id));

  let nodes: Set<string>;
  if (opts.around !== undefined) {
    nodes = neighbourhood(doc, opts.around, hops, pass, edgeList, byId, opts.knownNames ?? []);
  } else {
    // A relationship filter keeps the nodes it connects; a date filter keeps dated nodes in range
    // and the undated ones (actors, places) that take part in something kept.
    const counts = (type: EdgeType) => !STRUCTURAL.has(type) || (opts.types?.includes(type) ?? false);
    const incident = new Set(edgeList.filter((e) => counts(e.type)).flatMap((e) => [e.from, e.to]));
    const byRelationship = !!opts.types || minEvidence > 0;
    nodes = new Set(
      [...pass].filter((id) => {
        if (byRelationship) return incident.has(id);
        const label = byId.get(id)!.label;
        if (dated && (label === 'Actor' || label === 'Place')) return incident.has(id);
        return true;
      }),
    );
  }
  return assembleSubgraph(doc, { nodes, edges, eventEvidence });
}

/** The nodes within `hops` of the named ones, walking kept relationships either way; reports are reached but not walked through. */
function neighbourhood(
  doc: GraphDocument,
  around: string,
  hops: number,
  pass: ReadonlySet<string>,
  edges: readonly { from: string; to: string }[],
  byId: ReadonlyMap<string, GraphNode>,
  known: readonly KnownName[],
): Set<string> {
  const named = findNodesByName(doc, around, known);
  if (named.length === 0) {
    const similar = similarNames(doc, around);
    throw new ReportGraphError('E_EXPORT', `no node is named "${around}"${similar.length ? `; similar names: ${similar.join(', ')}` : ''}`);
  }
  const seeds = named.filter((n) => pass.has(n.id));
  if (seeds.length === 0) {
    throw new ReportGraphError('E_EXPORT', `"${around}" (${named.map((n) => `${n.label} ${n.id}`).join(', ')}) is excluded by the other filters (--labels, --source, --since/--until)`);
  }
  const adjacent = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = adjacent.get(a);
    if (list) list.push(b);
    else adjacent.set(a, [b]);
  };
  for (const e of edges) {
    link(e.from, e.to);
    link(e.to, e.from);
  }
  const seedIds = new Set(seeds.map((s) => s.id));
  const seen = new Set(seedIds);
  let frontier = [...seedIds];
  for (let step = 0; step < hops && frontier.length > 0; step++) {
    const next: string[] = [];
    for (const id of frontier) {
      if (byId.get(id)?.label === 'Source' && !seedIds.has(id)) continue;
      for (const other of adjacent.get(id) ?? []) {
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return seen;
}
