// A pool of worker threads that extract files in parallel (piscina). The lexicon is sent once per
// worker; each task is one file's bytes, each answer its fragments. Results are consumed in input
// order by the pipeline, so a parallel run gives the same document as a single-threaded one.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Lexicon } from '../lexicon/load-lexicon.ts';
import type { RawFile } from '../ingest/ingest-file.ts';
import type { FileExtraction } from './extract-file.ts';

const TASKS_PER_WORKER = 4;
const WORKER = new URL('./extract-worker.mjs', import.meta.url).href;

export function defaultJobs(): number {
  return availableParallelism();
}

export class ExtractPool {
  private readonly pool: Piscina<RawFile, FileExtraction>;
  constructor(lexicon: Lexicon, readonly threads: number) {
    this.pool = new Piscina({
      filename: WORKER,
      workerData: { lexicon },
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
      // Several files posted to each worker at once, so it keeps working while the main thread is busy.
      concurrentTasksPerWorker: TASKS_PER_WORKER,
    });
  }

  /** Every worker already holds TASKS_PER_WORKER files and more wait: a file given now would only wait too. */
  saturated(): boolean {
    return this.pool.queueSize > 0;
  }

  run(raw: RawFile): Promise<FileExtraction> {
    return this.pool.run(raw);
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
