// HTML pages: parsed with a real HTML parser (linkedom), the article kept by Mozilla's
// Readability, navigation, scripts and styles dropped, block structure kept as line breaks so
// sentences do not run together. Metadata comes from the page's own tags where it has them.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { normaliseDate } from './parse-date.ts';

export interface ParsedHtml {
  text: string;
  title: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'CAPTION',
]);
const DROP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'OBJECT', 'EMBED', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA']);
const CHROME = 'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"], .share, .sharing, .social, .comments, #comments, .breadcrumb, .breadcrumbs, .related, .advert, .ad';

// Minimal structural view of the DOM nodes we walk; linkedom's nodes satisfy it.
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

const BLOCK_END = Symbol('block end');

/**
 * Text of a DOM subtree: text nodes' whitespace collapsed, blocks and <br> as line breaks. Walks
 * with its own stack, not recursion: a page nested ten thousand elements deep is still a page.
 */
export function domToText(root: DomNode): string {
  const parts: string[] = [];
  const stack: (DomNode | typeof BLOCK_END)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === BLOCK_END) {
      parts.push('\n\n');
      continue;
    }
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (DROP.has(name)) continue;
    if (name === 'BR') {
      parts.push('\n');
      continue;
    }
    if (BLOCK.has(name)) {
      parts.push('\n\n');
      stack.push(BLOCK_END);
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as DomNode);
  }
  return parts
    .join('')
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function meta(doc: Document, selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = doc.querySelector(sel);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? el?.getAttribute('href') ?? null;
    if (v && v.trim()) return v.trim();
  }
  return null;
}

function jsonLdDate(doc: Document): string | null {
  for (const el of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(el.textContent ?? '');
    if (m?.[1]) return m[1];
  }
  return null;
}

/**
 * linkedom gives a document with no root element for text that holds no element at all (blank,
 * or bare text in an .html file); give such text a page to live in.
 */
function parsePage(html: string): Document {
  const { document } = parseHTML(html) as unknown as { document: Document };
  if (document.documentElement) return document;
  return (parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { document: Document }).document;
}

export function parseHtml(html: string): ParsedHtml {
  const document = parsePage(html);
  const published = normaliseDate(
    meta(document, ['meta[property="article:published_time"]', 'meta[name="date"]', 'meta[name="pubdate"]', 'meta[itemprop="datePublished"]', 'time[datetime]']) ??
      jsonLdDate(document) ??
      '',
  );
  const url = meta(document, ['link[rel="canonical"]', 'meta[property="og:url"]']);
  const outlet = meta(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]', 'meta[name="publisher"]']);
  const ogTitle = meta(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']);
  const h1 = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || null;

  // Readability edits the document it is given, so give it its own copy.
  const copy = parsePage(html);
  let article: DomNode | null = null;
  let readTitle: string | null = null;
  try {
    const parsed = new Readability<DomNode>(copy, { serializer: (n) => n as unknown as DomNode, charThreshold: 200 }).parse();
    article = parsed?.content ?? null;
    readTitle = parsed?.title?.trim() || null;
  } catch {
    article = null;
  }

  let text = article ? domToText(article) : '';
  if (text.length < 200) {
    // Short pages defeat Readability's scoring: fall back to the body without its chrome.
    for (const el of Array.from(document.querySelectorAll(CHROME))) el.remove();
    const body = (document.body ?? document.documentElement) as unknown as DomNode | null;
    const fallback = body ? domToText(body) : '';
    if (fallback.length > text.length) text = fallback;
  }

  const headline = ogTitle ?? h1;
  const title = headline ?? readTitle ?? (document.title?.trim() || null);
  // Put the headline at the top of the body when Readability left it out, so the text reads as
  // published (a <title> is not used: it usually carries the site's name).
  if (headline && !text.slice(0, 400).includes(headline)) text = `${headline}\n\n${text}`;
  return { text, title, published, outlet, url };
}
