// What ingest hands to extraction: one cleaned report with its metadata, and the closed list of
// reasons a file can be skipped. A Report becomes exactly one Source node.
import { z } from 'zod';
import { IsoDay } from './schema.ts';

export const REPORT_FORMATS = ['txt', 'md', 'html', 'json', 'jsonl'] as const;
export const ReportFormat = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormat>;

export const Report = z.object({
  /** Path relative to the folder given on the command line; `file#N` for the Nth record of a JSON(L) file. */
  file: z.string().min(1),
  format: ReportFormat,
  /** sha256 of the raw bytes (for JSON(L) records: of the record's canonical JSON). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  title: z.string().nullable(),
  published: IsoDay.nullable(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  /** Cleaned body text; evidence offsets point into it. */
  text: z.string(),
});
export type Report = z.infer<typeof Report>;

export const SKIP_CODES = [
  'EMPTY',
  'BINARY',
  'ENCODING',
  'TOO_LARGE',
  'UNREADABLE',
  'SYMLINK_LOOP',
  'UNSUPPORTED_TYPE',
  'BAD_JSON',
  'BAD_RECORD',
  'NO_TEXT',
  'DUPLICATE',
  /** Reading or extracting this file hit a fault in reportgraph itself; the run goes on without it. */
  'FAILED',
] as const;
export const SkipCode = z.enum(SKIP_CODES);
export type SkipCode = z.infer<typeof SkipCode>;

/** A file (or record) that did not become a report, with a one-line reason. */
export interface Skipped {
  file: string;
  code: SkipCode;
  message: string;
}

/** A sentence of a report's text, by character offsets: `text.slice(start, end) === sentence.text`. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}
