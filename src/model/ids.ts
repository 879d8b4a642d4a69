// Ids derived from content, so the same input always gives the same ids: `actor:russia`,
// `place:deir-ezzor`, `source:<sha256 prefix>`, `event:<date>-<type>-<place>-<hash>`.
// Pure JS (no node:crypto) so the viewer can import it too.
import type { EdgeType, NodeLabel } from './vocab.ts';
import { ID_PREFIX } from './vocab.ts';

/** Lower-case, accents folded, anything but letters and digits (any script) turned into single dashes. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || `x${shortHash(text)}`;
}

/** 64-bit FNV-1a of the UTF-16 code units, as 16 hex digits. Stable across platforms. */
export function shortHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 7), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export function nodeId(label: Exclude<NodeLabel, 'Source' | 'Event'>, name: string): string {
  return `${ID_PREFIX[label]}:${slugify(name)}`;
}

export function sourceId(sha256: string): string {
  return `source:${sha256.slice(0, 16)}`;
}

/** An event is one incident told in one report; its id names it and is unique by the report and the first sentence. */
export function eventId(parts: { source: string; start: number; eventType: string; date: string | null; place: string | null }): string {
  const readable = [parts.date ?? 'undated', parts.eventType, parts.place ? parts.place.replace(/^place:/, '') : 'unplaced'].join('-');
  return `event:${readable}-${shortHash(`${parts.source}@${parts.start}`).slice(0, 8)}`;
}

export function edgeId(type: EdgeType, from: string, to: string): string {
  return `${type}:${from}->${to}`;
}
