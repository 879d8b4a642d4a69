// How kg extract and kg build run the extraction: worker threads (--jobs) and the incremental
// cache in <home>/cache (--no-cache), declared once for both commands.
import { Option, type Command } from 'commander';
import { ExtractCache } from '../cache/extract-cache.ts';
import { homePaths, resolveHome } from '../config.ts';
import type { Lexicon } from '../lexicon/load-lexicon.ts';
import { defaultJobs } from '../parallel/extract-pool.ts';
import { say } from './output.ts';

export interface ExtractRunFlags {
  jobs?: number;
  cache: boolean;
  home?: string;
}

/** Below this many files, starting worker threads (each loads the extractor and compiles the lexicon) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 400;

export function addExtractRunOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('-j, --jobs <n>', `threads extracting: the main thread and n - 1 workers (default: one per core for ${MIN_FILES_FOR_WORKERS}+ files, else 1)`).argParser((v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1) throw new Error(`--jobs must be a whole number of at least 1, not "${v}"`);
        return n;
      }),
    )
    .option('--no-cache', 'extract every file again instead of reusing <home>/cache');
}

export async function extractRunOptions(flags: ExtractRunFlags, lexicon: Lexicon, files: number): Promise<{ jobs: number; cache?: ExtractCache }> {
  const jobs = flags.jobs ?? (files >= MIN_FILES_FOR_WORKERS ? defaultJobs() : 1);
  const cache = flags.cache ? await ExtractCache.open(homePaths(resolveHome(flags.home)).cache, lexicon.version) : undefined;
  return { jobs, cache };
}

/** One line on what the cache saved, and a warning per entry that could not be read. */
export function printCacheUse(cache: ExtractCache | undefined): void {
  if (!cache) return;
  const { hits, misses, invalid } = cache.stats;
  if (hits + misses > 0) say(`  cache: ${hits} files reused, ${misses} extracted`);
  for (const file of invalid) say(`  warning: ${file}: its cache entry was unreadable; extracted again`);
}
