// `events-csv`: one row per Event in the style of ACLED / UCDP event tables, for analysts' own
// statistics: dates with their precision and the day range they stand for, place with its
// governorate and country (found up LOCATED_IN), coordinates of the place itself, alleged
// perpetrators and who alleges them, casualty ranges, sources, and the supporting sentences.
// Place and perpetrators are looked up in `context` (the whole graph), so a selection of events
// still gets full rows.
import type { EventNode, GraphDocument, GraphNode, PlaceNode, SourceNode } from '../model/schema.ts';
import { csvField, csvLine } from './csv-cell.ts';
import { dayRange } from './partial-dates.ts';

export const EVENT_COLUMNS = [
  'event_id', 'date', 'date_precision', 'date_start', 'date_end', 'event_type', 'status',
  'place', 'place_kind', 'place_qualifier', 'governorate', 'country', 'lat', 'lon',
  'alleged_perpetrators', 'alleged_by', 'killed_min', 'killed_max', 'injured_min', 'injured_max',
  'sources', 'source_files', 'evidence_count', 'first_quote', 'evidence',
] as const;

/** Items within one cell. */
const LIST_SEPARATOR = '; ';

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before them) as a formula;
 * text cells that start so get a leading apostrophe, the spreadsheet mark for "this is text".
 * The `evidence` JSON column is never changed (it starts with `[`).
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const join = (items: readonly string[]) => items.join(LIST_SEPARATOR);
const num = (n: number | null) => (n === null ? '' : String(n));

/** The nearest place of a kind, walking up LOCATED_IN from `start` (itself first), breadth first, ties by id. */
function findUp(start: PlaceNode, kind: PlaceNode['kind'], parents: Map<string, string[]>, byId: Map<string, GraphNode>): PlaceNode | null {
  const seen = new Set<string>([start.id]);
  let level: PlaceNode[] = [start];
  while (level.length > 0) {
    const hit = level.find((p) => p.kind === kind);
    if (hit) return hit;
    const next: PlaceNode[] = [];
    for (const p of level) {
      for (const parentId of parents.get(p.id) ?? []) {
        const parent = byId.get(parentId);
        if (parent?.label === 'Place' && !seen.has(parent.id)) {
          seen.add(parent.id);
          next.push(parent);
        }
      }
    }
    level = next.sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  return null;
}

const unique = (items: readonly string[]) => [...new Set(items)];

export function toEventsCsv(doc: GraphDocument, context: GraphDocument = doc): string {
  const byId = new Map<string, GraphNode>(context.nodes.map((n) => [n.id, n]));
  for (const n of doc.nodes) if (!byId.has(n.id)) byId.set(n.id, n);
  const parents = new Map<string, string[]>();
  const placesOf = new Map<string, string[]>();
  const perpetrators = new Map<string, { actor: string; allegedBy: (string | null | undefined)[] }[]>();
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const e of context.edges) {
    if (e.type === 'LOCATED_IN') add(parents, e.from, e.to);
    if (e.type === 'OCCURRED_IN') add(placesOf, e.from, e.to);
    if (e.type === 'PERPETRATED_BY') add(perpetrators, e.from, { actor: e.to, allegedBy: e.evidence.map((ev) => ev.attributedTo) });
  }
  const name = (id: string) => byId.get(id)?.name ?? id;

  const rows = doc.nodes
    .filter((n): n is EventNode => n.label === 'Event')
    .map((ev) => {
      const places = (placesOf.get(ev.id) ?? []).map((id) => byId.get(id)).filter((p): p is PlaceNode => p?.label === 'Place');
      const governorates = unique(places.map((p) => findUp(p, 'governorate', parents, byId)?.name ?? '').filter(Boolean));
      const countries = unique(places.map((p) => findUp(p, 'country', parents, byId)?.name ?? '').filter(Boolean));
      const one = places.length === 1 ? places[0]! : null;
      const perps = perpetrators.get(ev.id) ?? [];
      const allegedBy = unique(perps.flatMap((p) => p.allegedBy.filter((a): a is string => !!a)).map(name)).sort();
      const sources = ev.sources.map((id) => byId.get(id)).filter((s): s is SourceNode => s?.label === 'Source');
      const range = ev.date ? dayRange(ev.date) : null;
      const text = (s: string) => csvField(spreadsheetSafe(s));
      return csvLine([
        text(ev.id),
        text(ev.date ?? ''),
        text(ev.datePrecision),
        text(range?.first ?? ''),
        text(range?.last ?? ''),
        text(ev.eventType),
        text(ev.status),
        text(join(places.map((p) => p.name))),
        text(join(unique(places.map((p) => p.kind)))),
        text(ev.placeQualifier ?? ''),
        text(join(governorates)),
        text(join(countries)),
        one?.lat == null ? '' : String(one.lat),
        one?.lon == null ? '' : String(one.lon),
        text(join(perps.map((p) => name(p.actor)))),
        text(join(allegedBy)),
        num(ev.killedMin),
        num(ev.killedMax),
        num(ev.injuredMin),
        num(ev.injuredMax),
        text(join(sources.map((s) => s.outlet ?? s.title ?? s.file))),
        text(join(sources.map((s) => s.file))),
        String(ev.evidence.length),
        text(ev.evidence[0]?.text ?? ''),
        csvField(JSON.stringify(ev.evidence)),
      ]);
    });
  return csvLine([...EVENT_COLUMNS]) + rows.join('');
}
