// The lexicon's names for graph nodes, so an alias no report used still finds its node ("Daesh"
// finds ISIS): `kg export --around` and the viewer's search use them.
import type { KnownName } from '../export/find-nodes.ts';
import { nodeId } from '../model/ids.ts';
import { loadLexicon } from './load-lexicon.ts';

export async function lexiconKnownNames(lexiconDir?: string): Promise<KnownName[]> {
  const lex = await loadLexicon(lexiconDir);
  const names: KnownName[] = [];
  for (const a of lex.actors) {
    const id = nodeId('Actor', a.name);
    names.push(...[a.name, ...a.aliases].map((name) => ({ id, name })), ...a.caseSensitive.map((name) => ({ id, name, caseSensitive: true })));
  }
  for (const p of lex.places) {
    const id = nodeId('Place', p.name);
    names.push(...[p.name, ...p.aliases].map((name) => ({ id, name })));
  }
  return names;
}
