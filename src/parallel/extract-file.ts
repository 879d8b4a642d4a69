// One input file to extraction fragments: ingest, then extract each report it holds. Pure (the
// same bytes and lexicon give the same result), so it runs alike on the main thread, in a worker
// and behind the cache. Cross-report work (dedupe, resolution) stays with the caller.
import { ingestFile, type RawFile } from '../ingest/ingest-file.ts';
import { extractReport } from '../extract/extract-report.ts';
import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import type { GraphDocument } from '../model/schema.ts';
import type { Skipped } from '../model/report.ts';

export interface ReportFragment {
  file: string;
  sha256: string;
  fragment: GraphDocument;
}

export interface FileExtraction {
  reports: ReportFragment[];
  skipped: Skipped[];
}

export function extractFile(raw: RawFile, lex: CompiledLexicon): FileExtraction {
  try {
    const { reports, skipped } = ingestFile(raw, lex.lexicon.ingest);
    return {
      reports: reports.map((r) => ({ file: r.file, sha256: r.sha256, fragment: extractReport(r, lex) })),
      skipped,
    };
  } catch (err) {
    return failedExtraction(raw.file, err);
  }
}

/**
 * A fault on one file must not cost the user the rest of the run: that file is skipped with the
 * fault named, and the exit code says so.
 */
export function failedExtraction(file: string, err: unknown): FileExtraction {
  const message = (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).split('\n')[0];
  return { reports: [], skipped: [{ file, code: 'FAILED', message: `reportgraph failed on this file (${message}); please report it` }] };
}
