// Search box: nodes whose name or alias contains what was typed, plus the lexicon's names for a
// node ("Daesh" finds ISIS even when no report wrote "Daesh"). Exact matches first, then the most
// talked-about nodes. Sources and events are found by name too, after actors and places.
import { foldName, type KnownName } from '../export/find-nodes.ts';
import type { GraphDocument, GraphNode } from '../model/schema.ts';

export interface SearchHit {
  id: string;
  label: GraphNode['label'];
  name: string;
  /** The name or alias that matched. */
  matched: string;
  exact: boolean;
}

const LABEL_ORDER: Record<GraphNode['label'], number> = { Actor: 0, Place: 1, Event: 2, Source: 3 };

function namesOf(n: GraphNode): string[] {
  if (n.label === 'Actor' || n.label === 'Place') return [n.name, ...n.aliases];
  if (n.label === 'Source') return [n.name, ...(n.title ? [n.title] : [])];
  return [n.name];
}

export function searchNames(doc: GraphDocument, query: string, known: readonly KnownName[], weight: (id: string) => number, limit = 20): SearchHit[] {
  const q = foldName(query);
  if (!q) return [];
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const best = new Map<string, SearchHit>();
  const offer = (n: GraphNode, name: string) => {
    const f = foldName(name);
    const exact = f === q;
    if (!exact && !f.includes(q)) return;
    const prev = best.get(n.id);
    if (!prev || (exact && !prev.exact)) best.set(n.id, { id: n.id, label: n.label, name: n.name, matched: name, exact });
  };
  for (const n of doc.nodes) for (const name of namesOf(n)) offer(n, name);
  for (const k of known) {
    const n = byId.get(k.id);
    if (!n) continue;
    if (k.caseSensitive ? k.name === query.trim() : true) offer(n, k.name);
  }
  return [...best.values()]
    .sort((a, b) => Number(b.exact) - Number(a.exact) || LABEL_ORDER[a.label] - LABEL_ORDER[b.label] || weight(b.id) - weight(a.id) || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}
