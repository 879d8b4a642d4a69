// The pipeline, linear and typed: ingest -> extract -> resolve -> validate. Reads files as a
// stream so memory follows the graph, not the corpus; one bad file is skipped with a reason
// and the run goes on; the same reports in any order give the same document.
import { readInputs, type InputItem, type ReadOptions } from './ingest/read-inputs.ts';
import { compileLexicon, type CompiledLexicon } from './lexicon/compile-lexicon.ts';
import type { Lexicon } from './lexicon/load-lexicon.ts';
import { extractFile, failedExtraction, type FileExtraction } from './parallel/extract-file.ts';
import { ExtractPool } from './parallel/extract-pool.ts';
import type { ExtractCache } from './cache/extract-cache.ts';
import { GraphResolver } from './resolve/resolve-graph.ts';
import type { GraphDocument } from './model/schema.ts';
import type { Skipped } from './model/report.ts';

export interface ExtractOptions extends ReadOptions {
  /** Called after each file, for progress bars. */
  onFile?: (file: string) => void;
  /** Threads extracting, this one included (default 1: this thread alone; n starts n - 1 workers). The document is the same for any number. */
  jobs?: number;
  /** Files already extracted with the same bytes, lexicon and extractor are read from here. */
  cache?: ExtractCache;
}

export interface ExtractResult {
  graph: GraphDocument;
  reports: number;
  skipped: Skipped[];
  /** Files extracted on this thread and in workers (cached ones in neither). */
  extractedOn: { main: number; workers: number };
}

export { validateGraph } from './model/validate-graph.ts';
import { validateGraph } from './model/validate-graph.ts';

/** Lets the event loop take the workers' finished files and hand them new ones. */
const yieldToWorkers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Files in flight per job: enough to keep workers busy, few enough to bound memory. */
const WINDOW_PER_JOB = 16;

export async function extractInputs(inputs: readonly string[], lexicon: Lexicon | CompiledLexicon, opts: ExtractOptions = {}): Promise<ExtractResult> {
  const lex = 'actors' in lexicon && 'lexicon' in lexicon ? lexicon : compileLexicon(lexicon as Lexicon);
  const resolver = new GraphResolver(lex);
  const skipped: Skipped[] = [];
  const seen = new Map<string, string>();
  let reports = 0;
  const jobs = Math.max(1, Math.floor(opts.jobs ?? 1));
  // n jobs are this thread and n - 1 workers: this thread extracts whenever the workers are full,
  // which saves a worker's start-up and JIT warm-up and the copy of its results between threads.
  const pool = jobs > 1 ? new ExtractPool(lex.lexicon, jobs - 1) : undefined;
  const cache = opts.cache;
  const extractedOn = { main: 0, workers: 0 };

  // One file's extraction: from the cache, a worker, or this thread; stored in the cache on a miss.
  const extract = async (item: Extract<InputItem, { kind: 'file' }>): Promise<FileExtraction> => {
    const key = cache?.key(item.raw);
    const cached = key ? await cache!.get(key, item.raw.file) : undefined;
    if (cached) return cached;
    const here = !pool || pool.saturated();
    extractedOn[here ? 'main' : 'workers']++;
    const result = here ? extractFile(item.raw, lex) : await pool.run(item.raw).catch((err: unknown) => failedExtraction(item.raw.file, err));
    if (key) await cache!.put(key, result);
    return result;
  };
  // Consumed strictly in input order, so which of two identical reports is kept does not depend on timing.
  const consume = (file: string, result: FileExtraction) => {
    skipped.push(...result.skipped);
    for (const r of result.reports) {
      const first = seen.get(r.sha256);
      if (first) {
        skipped.push({ file: r.file, code: 'DUPLICATE', message: `same content as ${first}; kept once` });
        continue;
      }
      seen.set(r.sha256, r.file);
      resolver.add(r.fragment);
      reports++;
    }
    opts.onFile?.(file);
  };

  const inFlight: { file: string; result: Promise<FileExtraction> }[] = [];
  const window = pool ? jobs * WINDOW_PER_JOB : 1;
  try {
    for await (const item of readInputs(inputs, opts)) {
      if (item.kind === 'skipped') {
        const result = Promise.resolve<FileExtraction>({ reports: [], skipped: [item.skipped] });
        inFlight.push({ file: item.skipped.file, result });
      } else {
        const result = extract(item);
        result.catch(() => {}); // awaited below in order; avoid an unhandled rejection meanwhile
        inFlight.push({ file: item.raw.file, result });
        if (pool) await yieldToWorkers();
      }
      while (inFlight.length >= window) {
        const head = inFlight.shift()!;
        consume(head.file, await head.result);
      }
    }
    for (const head of inFlight.splice(0)) consume(head.file, await head.result);
  } finally {
    await pool?.close();
  }
  const graph = validateGraph(resolver.finish(), 'extracted graph');
  return { graph, reports, skipped: skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), extractedOn };
}
