// The pipeline, linear and typed: ingest -> extract -> resolve -> validate. Reads files as a
// stream so memory follows the graph, not the corpus; one bad file is skipped with a reason
// and the run goes on; the same reports in any order give the same document.
import { GraphValidationError } from './errors.ts';
import { ingestFile } from './ingest/ingest-file.ts';
import { readInputs, type ReadOptions } from './ingest/read-inputs.ts';
import { compileLexicon, type CompiledLexicon } from './lexicon/compile-lexicon.ts';
import type { Lexicon } from './lexicon/load-lexicon.ts';
import { extractReport } from './extract/extract-report.ts';
import { GraphResolver } from './resolve/resolve-graph.ts';
import { GraphDocument } from './model/schema.ts';
import type { Skipped } from './model/report.ts';

export interface ExtractOptions extends ReadOptions {
  /** Called after each file, for progress bars. */
  onFile?: (file: string) => void;
}

export interface ExtractResult {
  graph: GraphDocument;
  reports: number;
  skipped: Skipped[];
}

/** Validate a document against the model (shape and cross-record rules); throws with every problem listed. */
export function validateGraph(doc: unknown, where: string): GraphDocument {
  const r = GraphDocument.safeParse(doc);
  if (!r.success) throw new GraphValidationError(where, r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return r.data;
}

export async function extractInputs(inputs: readonly string[], lexicon: Lexicon | CompiledLexicon, opts: ExtractOptions = {}): Promise<ExtractResult> {
  const lex = 'actors' in lexicon && 'lexicon' in lexicon ? lexicon : compileLexicon(lexicon as Lexicon);
  const resolver = new GraphResolver(lex);
  const skipped: Skipped[] = [];
  const seen = new Map<string, string>();
  let reports = 0;
  for await (const item of readInputs(inputs, opts)) {
    if (item.kind === 'skipped') {
      skipped.push(item.skipped);
      opts.onFile?.(item.skipped.file);
      continue;
    }
    const result = ingestFile(item.raw, lex.lexicon.ingest);
    skipped.push(...result.skipped);
    for (const report of result.reports) {
      const first = seen.get(report.sha256);
      if (first) {
        skipped.push({ file: report.file, code: 'DUPLICATE', message: `same content as ${first}; kept once` });
        continue;
      }
      seen.set(report.sha256, report.file);
      resolver.add(extractReport(report, lex));
      reports++;
    }
    opts.onFile?.(item.raw.file);
  }
  const graph = validateGraph(resolver.finish(), 'extracted graph');
  return { graph, reports, skipped: skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) };
}
