// JSON and JSONL reports: one report per object, its body in `text` or `body`, with optional
// `title`, `url`, `published`, `outlet`. A broken line or a record of the wrong shape is skipped
// with its line number; the other records go on.
import { z } from 'zod';
import { normaliseDate } from './parse-date.ts';

const optionalText = z.string().nullish();

export const JsonReportRecord = z
  .object({
    text: z.string().optional(),
    body: z.string().optional(),
    title: optionalText,
    url: optionalText,
    published: z.union([z.string(), z.number()]).nullish(),
    outlet: optionalText,
  })
  .refine((r) => typeof (r.text ?? r.body) === 'string', { message: 'a report needs a string `text` or `body`' });
export type JsonReportRecord = z.infer<typeof JsonReportRecord>;

export interface JsonRecord {
  /** 1-based line (JSONL) or index (JSON array) of the record. */
  at: number;
  raw: string;
  text: string;
  title: string | null;
  url: string | null;
  published: string | null;
  outlet: string | null;
}

export interface JsonProblem {
  at: number | null;
  code: 'BAD_JSON' | 'BAD_RECORD';
  message: string;
}

function toRecord(value: unknown, at: number, raw: string): JsonRecord | JsonProblem {
  const r = JsonReportRecord.safeParse(value);
  if (!r.success) {
    return { at, code: 'BAD_RECORD', message: r.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ') };
  }
  const rec = r.data;
  const published = rec.published == null ? null : typeof rec.published === 'number' ? normaliseDate(new Date(rec.published).toISOString()) : normaliseDate(rec.published);
  return { at, raw, text: (rec.text ?? rec.body) as string, title: rec.title ?? null, url: rec.url ?? null, published, outlet: rec.outlet ?? null };
}

export function parseJsonReports(src: string): (JsonRecord | JsonProblem)[] {
  let value: unknown;
  try {
    value = JSON.parse(src);
  } catch (err) {
    return [{ at: null, code: 'BAD_JSON', message: `not valid JSON: ${(err as Error).message}` }];
  }
  if (Array.isArray(value)) return value.map((v, i) => toRecord(v, i + 1, JSON.stringify(v)));
  return [toRecord(value, 1, src)];
}

export function parseJsonlReports(src: string): (JsonRecord | JsonProblem)[] {
  const out: (JsonRecord | JsonProblem)[] = [];
  src.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      out.push({ at: i + 1, code: 'BAD_JSON', message: `line ${i + 1} is not valid JSON: ${(err as Error).message}` });
      return;
    }
    out.push(toRecord(value, i + 1, line));
  });
  return out;
}

export function isJsonProblem(x: JsonRecord | JsonProblem): x is JsonProblem {
  return 'code' in x;
}
