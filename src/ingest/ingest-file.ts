// One input file's bytes to reports: decode, parse by format, read metadata, clean. Pure apart
// from hashing: no file system, no clock. A file that cannot become a report gives a Skipped
// with a one-line reason instead of an exception.
import { createHash } from 'node:crypto';
import type { Report, ReportFormat, Skipped } from '../model/report.ts';
import type { IngestRules } from '../lexicon/ingest-rules.ts';
import { decodeBytes } from './decode.ts';
import { parseHtml } from './parse-html.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { isJsonProblem, parseJsonlReports, parseJsonReports } from './parse-json.ts';
import { cleanText, normaliseText } from './clean-text.ts';
import { findOutlets, findPublished, findTitle, findUrl } from './text-metadata.ts';

export interface RawFile {
  /** Path relative to the folder given, with forward slashes. */
  file: string;
  bytes: Uint8Array;
}

export interface IngestResult {
  reports: Report[];
  skipped: Skipped[];
}

const EXTENSIONS: Record<string, ReportFormat> = {
  txt: 'txt', text: 'txt', md: 'md', markdown: 'md', html: 'html', htm: 'html', xhtml: 'html', json: 'json', jsonl: 'jsonl', ndjson: 'jsonl',
};

export function formatOf(file: string): ReportFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase();
  return ext ? EXTENSIONS[ext] ?? null : null;
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

interface Parsed {
  text: string;
  title: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 500));
}

/** Metadata from the text fills what the format did not give; then the body is cleaned. */
function finish(file: string, format: ReportFormat, sha256: string, parsed: Parsed, rules: IngestRules): Report | Skipped {
  const normal = normaliseText(parsed.text);
  if (!normal.trim()) return { file, code: 'EMPTY', message: 'no text: empty or whitespace only' };
  const { text } = cleanText(normal, rules);
  if (!text.trim()) return { file, code: 'NO_TEXT', message: 'no report text left after removing web boilerplate' };
  const outlets = [...(parsed.outlet ? [parsed.outlet.trim()] : []), ...findOutlets(normal, rules)];
  const uniqueOutlets = outlets.filter((o, i) => outlets.findIndex((x) => x.toLowerCase() === o.toLowerCase()) === i);
  return {
    file,
    format,
    sha256,
    title: parsed.title?.replace(/\s+/g, ' ').trim() || findTitle(text, rules),
    published: parsed.published ?? findPublished(normal)?.date ?? null,
    outlet: uniqueOutlets.length ? uniqueOutlets.join(' + ') : null,
    url: parsed.url ?? findUrl(normal),
    text,
  };
}

const isSkipped = (x: Report | Skipped): x is Skipped => 'code' in x;

export function ingestFile(raw: RawFile, rules: IngestRules): IngestResult {
  const { file, bytes } = raw;
  const format = formatOf(file);
  if (!format) return { reports: [], skipped: [{ file, code: 'UNSUPPORTED_TYPE', message: 'not a report format (.txt, .md, .html, .htm, .json, .jsonl)' }] };
  if (bytes.length === 0) return { reports: [], skipped: [{ file, code: 'EMPTY', message: 'empty file' }] };

  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { reports: [], skipped: [{ file, code: decoded.code, message: decoded.message }] };
  const sha = sha256Hex(bytes);

  if (format === 'json' || format === 'jsonl') {
    const items = format === 'json' ? parseJsonReports(decoded.text) : parseJsonlReports(decoded.text);
    const many = format === 'jsonl' || items.length > 1;
    const out: IngestResult = { reports: [], skipped: [] };
    for (const item of items) {
      const where = item.at === null ? file : many ? `${file}#${item.at}` : file;
      if (isJsonProblem(item)) {
        out.skipped.push({ file: where, code: item.code, message: item.message });
        continue;
      }
      const r = finish(where, format, many ? sha256Hex(item.raw) : sha, item, rules);
      if (isSkipped(r)) out.skipped.push(r);
      else out.reports.push(r);
    }
    if (items.length === 0) out.skipped.push({ file, code: 'EMPTY', message: 'no records in the file' });
    return out;
  }

  let parsed: Parsed;
  if (format === 'html' || looksLikeHtml(decoded.text)) parsed = parseHtml(decoded.text);
  else if (format === 'md') parsed = parseMarkdown(decoded.text);
  else parsed = { text: decoded.text, title: null, published: null, outlet: null, url: null };
  const r = finish(file, format, sha, parsed, rules);
  return isSkipped(r) ? { reports: [], skipped: [r] } : { reports: [r], skipped: [] };
}
