// Markdown reports: YAML-ish front matter (title, date, url, outlet) read, markup removed so
// the text reads as prose, hard-wrapped paragraph lines joined.
import { normaliseDate } from './parse-date.ts';

export interface ParsedMarkdown {
  text: string;
  title: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
}

function frontMatter(src: string): { fields: Record<string, string>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(src);
  if (!m) return { fields: {}, body: src };
  const fields: Record<string, string> = {};
  for (const line of (m[1] ?? '').split('\n')) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (kv?.[1]) fields[kv[1].toLowerCase()] = (kv[2] ?? '').trim().replace(/^["']|["']$/g, '');
  }
  return { fields, body: src.slice(m[0].length) };
}

function inline(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[\s(])[*_](?=\S)(.+?)(?<=\S)[*_](?=[\s).,;:!?]|$)/g, '$1$2');
}

export function parseMarkdown(src: string): ParsedMarkdown {
  const { fields, body } = frontMatter(src.replace(/\r\n?/g, '\n'));
  let heading: string | null = null;
  const paragraphs: string[] = [];
  let current: string[] = [];
  let fenced = false;
  const flush = () => {
    if (current.length) paragraphs.push(current.join(' '));
    current = [];
  };
  for (const raw of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(raw)) {
      fenced = !fenced;
      flush();
      continue;
    }
    if (fenced) {
      paragraphs.push(raw);
      continue;
    }
    const h = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(raw);
    if (h) {
      flush();
      const t = inline(h[1] ?? '');
      heading ??= t;
      paragraphs.push(t);
      continue;
    }
    if (/^\s*([-*_]\s*){3,}$/.test(raw) || /^\s*$/.test(raw)) {
      flush();
      continue;
    }
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(raw);
    if (item) {
      flush();
      current.push(inline(item[1] ?? ''));
      continue;
    }
    current.push(inline(raw.replace(/^\s*>\s?/, '').trim()));
  }
  flush();
  return {
    text: paragraphs.join('\n\n'),
    title: fields.title ?? heading,
    published: fields.date || fields.published ? normaliseDate(fields.date ?? fields.published ?? '') : null,
    outlet: fields.outlet ?? fields.source ?? fields.publisher ?? null,
    url: fields.url ?? fields.link ?? null,
  };
}
