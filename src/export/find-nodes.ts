// Finding the nodes a person means by a name, for `--around`: names, aliases and ids compared
// case-insensitively after folding quote styles and spacing, plus names the caller knows from the
// lexicon ("Daesh" is an alias of ISIS even when no report said it).
import type { GraphDocument, GraphNode } from '../model/schema.ts';

/** A name known for a node id from elsewhere (the lexicon); caseSensitive for acronyms such as "IS". */
export interface KnownName {
  id: string;
  name: string;
  caseSensitive?: boolean;
}

export function foldName(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function namesOf(n: GraphNode): string[] {
  switch (n.label) {
    case 'Actor':
    case 'Place':
      return [n.name, ...n.aliases];
    case 'Event':
      return [n.name];
    case 'Source':
      return [n.name, ...(n.title ? [n.title] : []), n.file];
  }
}

/** Every node the query names, in document order. */
export function findNodesByName(doc: GraphDocument, query: string, known: readonly KnownName[] = []): GraphNode[] {
  const q = foldName(query);
  const ids = new Set<string>();
  for (const n of doc.nodes) {
    if (n.id === query.trim() || namesOf(n).some((name) => foldName(name) === q)) ids.add(n.id);
  }
  for (const k of known) {
    if (k.caseSensitive ? k.name === query.trim() : foldName(k.name) === q) ids.add(k.id);
  }
  return doc.nodes.filter((n) => ids.has(n.id));
}

/** Up to `max` node names that contain the query, for "did you mean". */
export function similarNames(doc: GraphDocument, query: string, max = 5): string[] {
  const q = foldName(query);
  const hits = new Set<string>();
  for (const n of doc.nodes) {
    if (n.label === 'Source' || n.label === 'Event') continue;
    for (const name of namesOf(n)) if (q && foldName(name).includes(q)) hits.add(n.name);
  }
  return [...hits].sort().slice(0, max);
}
