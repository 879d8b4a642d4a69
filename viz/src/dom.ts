// Building DOM without HTML strings: every text goes in through textContent, so report text and
// query results are always shown as text, never parsed as markup.
export type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the page`);
  return node as T;
}

/** A link only for http(s) addresses; anything else (javascript:, data:) is shown as plain text. */
export function safeLink(url: string | null, text: string): Node {
  if (!url) return document.createTextNode(text);
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return document.createTextNode(text);
    return el('a', { href: u.href, target: '_blank', rel: 'noopener noreferrer', text });
  } catch {
    return document.createTextNode(text);
  }
}
