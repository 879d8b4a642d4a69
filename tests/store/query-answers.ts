// The answers to every query in cypher/queries/, computed in TypeScript straight from a graph
// document (no store, no stored-model code), so a query run on a store can be checked against an
// independent reckoning: on the hand-made fixture (where the answers are also written out by
// hand) and on whatever graph the sample reports give today.
import type { EventNode, GraphDocument, GraphNode } from '../../src/model/schema.ts';

export type Row = Record<string, unknown>;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = (doc: GraphDocument) => new Map<string, GraphNode>(doc.nodes.map((n) => [n.id, n]));
const name = (nodes: Map<string, GraphNode>, id: string) => nodes.get(id)!.name;

interface ClaimRow {
  from: string;
  to: string;
  source: string | null;
  text: string | null;
  start: number | null;
  date: string | null;
}

/** One row per supporting sentence of a claim type (one empty row for a claim without evidence), dated like the store dates them. */
function claimRows(doc: GraphDocument, type: string): ClaimRow[] {
  const published = new Map(doc.nodes.filter((n) => n.label === 'Source').map((n) => [n.id, n.published]));
  const rows: ClaimRow[] = [];
  for (const e of doc.edges.filter((x) => x.type === type)) {
    if (e.evidence.length === 0) rows.push({ from: e.from, to: e.to, source: null, text: null, start: null, date: null });
    for (const ev of e.evidence) rows.push({ from: e.from, to: e.to, source: ev.source, text: ev.text, start: ev.start, date: ev.date ?? published.get(ev.source) ?? null });
  }
  return rows;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) m.set(key(it), [...(m.get(key(it)) ?? []), it]);
  return m;
}

const distinct = (xs: (string | null)[]) => new Set(xs.filter((x): x is string => x !== null)).size;
const minOf = (xs: (string | null)[]) => xs.filter((x): x is string => x !== null).sort(cmp)[0] ?? null;
const maxOf = (xs: (string | null)[]) => xs.filter((x): x is string => x !== null).sort(cmp).at(-1) ?? null;

export function whoAccusesWhom(doc: GraphDocument, p: { minClaims: number; limit: number }): Row[] {
  const nodes = byId(doc);
  return [...groupBy(claimRows(doc, 'ACCUSED'), (r) => `${r.from}\u0000${r.to}`).values()]
    .map((rs) => ({
      accuser: name(nodes, rs[0]!.from),
      accused: name(nodes, rs[0]!.to),
      claims: rs.length,
      reports: distinct(rs.map((r) => r.source)),
      first: minOf(rs.map((r) => r.date)),
      last: maxOf(rs.map((r) => r.date)),
      accuserId: rs[0]!.from,
      accusedId: rs[0]!.to,
    }))
    .filter((r) => r.claims >= p.minClaims)
    .sort((a, b) => b.claims - a.claims || cmp(a.accuser, b.accuser) || cmp(a.accused, b.accused) || cmp(a.accuserId, b.accuserId) || cmp(a.accusedId, b.accusedId))
    .slice(0, p.limit);
}

export function mostCondemned(doc: GraphDocument, p: { limit: number }): Row[] {
  const nodes = byId(doc);
  const rows = claimRows(doc, 'CONDEMNED').filter((r) => nodes.get(r.to)?.label === 'Actor');
  return [...groupBy(rows, (r) => r.to).entries()]
    .map(([to, rs]) => ({ actor: name(nodes, to), condemnations: rs.length, condemners: distinct(rs.map((r) => r.from)), reports: distinct(rs.map((r) => r.source)), actorId: to }))
    .sort((a, b) => b.condemnations - a.condemnations || cmp(a.actor, b.actor) || cmp(a.actorId, b.actorId))
    .slice(0, p.limit);
}

export function accusationsByMonth(doc: GraphDocument, p: { from: string; to: string }): Row[] {
  const rows = claimRows(doc, 'ACCUSED').filter((r) => r.date !== null && r.date.length >= 7 && r.date.slice(0, 7) >= p.from && r.date.slice(0, 7) <= p.to);
  return [...groupBy(rows, (r) => r.date!.slice(0, 7)).entries()]
    .map(([month, rs]) => ({ month, accusations: rs.length, accusers: distinct(rs.map((r) => r.from)), accused: distinct(rs.map((r) => r.to)) }))
    .sort((a, b) => cmp(a.month, b.month));
}

/** Casualty totals as the queries define them: lower bounds add up, an open-ended count makes the upper bound unknown, events without a count do not count. */
function casualties(events: EventNode[]) {
  const range = (min: 'killedMin' | 'injuredMin', max: 'killedMax' | 'injuredMax') => {
    const counted = events.filter((e) => e[min] !== null || e[max] !== null);
    const open = counted.some((e) => e[min] !== null && e[max] === null);
    return {
      with: counted.length,
      min: counted.length === 0 ? null : counted.reduce((n, e) => n + (e[min] ?? 0), 0),
      max: counted.length === 0 || open ? null : counted.reduce((n, e) => n + (e[max] ?? 0), 0),
      low: counted.reduce((n, e) => n + (e[min] ?? 0), 0),
    };
  };
  const k = range('killedMin', 'killedMax');
  const i = range('injuredMin', 'injuredMax');
  return { withKilled: k.with, killedMin: k.min, killedMax: k.max, withInjured: i.with, injuredMin: i.min, injuredMax: i.max, killedLow: k.low };
}

/** Events by the node their edges of this type point to. */
function eventsAlong(doc: GraphDocument, type: 'OCCURRED_IN' | 'PERPETRATED_BY'): Map<string, EventNode[]> {
  const nodes = byId(doc);
  const out = new Map<string, EventNode[]>();
  for (const e of doc.edges.filter((x) => x.type === type)) out.set(e.to, [...(out.get(e.to) ?? []), nodes.get(e.from) as EventNode]);
  return out;
}

export function eventsByPlace(doc: GraphDocument, p: { limit: number }): Row[] {
  const nodes = byId(doc);
  return [...eventsAlong(doc, 'OCCURRED_IN').entries()]
    .map(([placeId, events]) => {
      const place = nodes.get(placeId)!;
      const { killedLow: _, ...c } = casualties(events);
      return { place: place.name, kind: place.label === 'Place' ? place.kind : null, events: events.length, ...c, placeId };
    })
    .sort((a, b) => b.events - a.events || cmp(a.place, b.place) || cmp(a.placeId, b.placeId))
    .slice(0, p.limit);
}

export function casualtiesByPerpetrator(doc: GraphDocument, p: { limit: number }): Row[] {
  const nodes = byId(doc);
  return [...eventsAlong(doc, 'PERPETRATED_BY').entries()]
    .map(([actorId, events]) => {
      const { killedLow, ...c } = casualties(events);
      return { perpetrator: name(nodes, actorId), events: events.length, contested: events.filter((e) => e.status === 'contested').length, ...c, actorId, killedLow };
    })
    .sort((a, b) => b.killedLow - a.killedLow || b.events - a.events || cmp(a.perpetrator, b.perpetrator) || cmp(a.actorId, b.actorId))
    .slice(0, p.limit)
    .map(({ killedLow: _, ...r }) => r);
}

export function mutualAccusations(doc: GraphDocument): Row[] {
  const nodes = byId(doc);
  const count = new Map<string, number>();
  for (const r of claimRows(doc, 'ACCUSED')) count.set(`${r.from}\u0000${r.to}`, (count.get(`${r.from}\u0000${r.to}`) ?? 0) + 1);
  const rows: (Row & { aAccusesB: number; bAccusesA: number; actorA: string; actorB: string })[] = [];
  for (const [k, n] of count) {
    const [a, b] = k.split('\u0000') as [string, string];
    const back = count.get(`${b}\u0000${a}`);
    if (a < b && back) rows.push({ actorA: name(nodes, a), actorB: name(nodes, b), aAccusesB: n, bAccusesA: back, actorAId: a, actorBId: b });
  }
  return rows.sort((x, y) => y.aAccusesB + y.bAccusesA - (x.aAccusesB + x.bAccusesA) || cmp(x.actorA, y.actorA) || cmp(x.actorB, y.actorB) || cmp(String(x.actorAId), String(y.actorAId)) || cmp(String(x.actorBId), String(y.actorBId)));
}

/** One row per (direction, type, neighbour); relationships counted as the store holds them (claims: one per sentence). */
export function actorEgoNetwork(doc: GraphDocument, p: { actor: string }): Row[] {
  const nodes = byId(doc);
  const rows = new Map<string, Row & { relationships: number }>();
  for (const e of doc.edges) {
    const n = ['ACCUSED', 'CONDEMNED', 'CALLED_ON', 'DENIED'].includes(e.type) ? Math.max(1, e.evidence.length) : 1;
    for (const [direction, self, other] of [['out', e.from, e.to], ['in', e.to, e.from]] as const) {
      if (self !== p.actor) continue;
      const o = nodes.get(other)!;
      const key = `${direction}\u0000${e.type}\u0000${other}`;
      const row = rows.get(key) ?? { direction, relationship: e.type, label: o.label, name: o.name, relationships: 0, id: o.id };
      row.relationships += n;
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort((a, b) => cmp(String(b.direction), String(a.direction)) || cmp(String(a.relationship), String(b.relationship)) || cmp(String(a.name), String(b.name)) || cmp(String(a.id), String(b.id)));
}

export function sourceClaims(doc: GraphDocument, p: { source: string }): Row[] {
  const nodes = byId(doc);
  const rows: Row[] = [];
  for (const e of doc.edges) {
    for (const ev of e.evidence) {
      if (ev.source === p.source) rows.push({ relationship: e.type, subject: name(nodes, e.from), object: name(nodes, e.to), sentence: ev.text, start: ev.start });
    }
  }
  for (const n of doc.nodes) {
    if (n.label !== 'Event') continue;
    for (const ev of n.evidence) if (ev.source === p.source) rows.push({ relationship: 'EVENT', subject: n.name, object: n.eventType, sentence: ev.text, start: ev.start });
  }
  return sortRows(rows, ['start', 'relationship', 'subject', 'object']);
}

const STRUCTURAL_AND_CLAIMS = new Set(['ACCUSED', 'CONDEMNED', 'CALLED_ON', 'DENIED', 'OCCURRED_IN', 'PERPETRATED_BY', 'LOCATED_IN', 'PUBLISHED_BY', 'AFFILIATED_WITH']);

/** Breadth-first distances from one node over the relationships shortest-path.cypher may use, in either direction. */
export function distancesFrom(doc: GraphDocument, from: string, maxHops = 8): Map<string, number> {
  const adj = new Map<string, Set<string>>();
  for (const e of doc.edges) {
    if (!STRUCTURAL_AND_CLAIMS.has(e.type)) continue;
    adj.set(e.from, (adj.get(e.from) ?? new Set()).add(e.to));
    adj.set(e.to, (adj.get(e.to) ?? new Set()).add(e.from));
  }
  const dist = new Map([[from, 0]]);
  let frontier = [from];
  for (let d = 1; d <= maxHops && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const n of frontier) for (const m of adj.get(n) ?? []) if (!dist.has(m)) dist.set(m, d), next.push(m);
    frontier = next;
  }
  return dist;
}

/** Whether consecutive nodes of a path are joined, in either direction, by a relationship of the named type. */
export function isPathInGraph(doc: GraphDocument, ids: string[], types: string[]): boolean {
  return types.every((t, i) => doc.edges.some((e) => e.type === t && ((e.from === ids[i] && e.to === ids[i + 1]) || (e.to === ids[i] && e.from === ids[i + 1]))));
}

/** Rows sorted by the given columns (numbers numerically, the rest as strings), for queries whose order a store may not keep. */
export function sortRows(rows: Row[], keys: string[]): Row[] {
  const val = (v: unknown) => (v === null || v === undefined ? '' : v);
  return [...rows].sort((a, b) => {
    for (const k of keys) {
      const x = val(a[k]);
      const y = val(b[k]);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : cmp(String(x), String(y));
      if (c !== 0) return c;
    }
    return 0;
  });
}

/** The TypeScript reckoning of each query in cypher/queries/ (shortest-path is checked by shape), by file name. */
export const REFERENCE: Record<string, (doc: GraphDocument, p: Record<string, unknown>) => Row[]> = {
  'who-accuses-whom': (d, p) => whoAccusesWhom(d, p as { minClaims: number; limit: number }),
  'most-condemned': (d, p) => mostCondemned(d, p as { limit: number }),
  'accusations-by-month': (d, p) => accusationsByMonth(d, p as { from: string; to: string }),
  'events-by-place': (d, p) => eventsByPlace(d, p as { limit: number }),
  'casualties-by-perpetrator': (d, p) => casualtiesByPerpetrator(d, p as { limit: number }),
  'mutual-accusations': (d) => mutualAccusations(d),
  'actor-ego-network': (d, p) => actorEgoNetwork(d, p as { actor: string }),
  'source-claims': (d, p) => sourceClaims(d, p as { source: string }),
};
