// The incremental-build cache: one entry per input file, keyed by the file's path and raw bytes,
// the lexicon's version and the extractor's own source, holding what extracting that file gave.
// A changed report, lexicon or extractor misses; everything else is read back instead of
// re-extracted. Entries are written atomically; an unreadable or invalid entry is a miss.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { GraphDocument } from '../model/schema.ts';
import { SkipCode } from '../model/report.ts';
import type { RawFile } from '../ingest/ingest-file.ts';
import type { FileExtraction } from '../parallel/extract-file.ts';

/** Bump when the entry layout changes. */
const ENTRY_FORMAT = 1;
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The code whose output an entry stores: a change to any of it invalidates every entry. */
const EXTRACTOR_DIRS = ['ingest', 'extract', 'lexicon', 'model', 'parallel'];

const FileExtractionSchema = z.object({
  reports: z.array(z.object({ file: z.string(), sha256: z.string(), fragment: GraphDocument })),
  skipped: z.array(z.object({ file: z.string(), code: SkipCode, message: z.string() })),
});

let extractorVersion: Promise<string> | undefined;

/** A hash of the extractor's source files, so a new reportgraph never reads an old one's entries. */
export function extractorSourceVersion(): Promise<string> {
  extractorVersion ??= (async () => {
    const h = createHash('sha256');
    for (const dir of EXTRACTOR_DIRS) {
      const files = (await readdir(path.join(SRC, dir))).filter((f) => /\.(ts|mjs)$/.test(f)).sort();
      for (const f of files) h.update(`${dir}/${f}\0`).update(await readFile(path.join(SRC, dir, f))).update('\0');
    }
    return h.digest('hex').slice(0, 16);
  })();
  return extractorVersion;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries that existed but could not be used (corrupt or invalid); each was recomputed. */
  invalid: string[];
}

export class ExtractCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, invalid: [] };
  private constructor(
    private readonly dir: string,
    private readonly prefix: string,
  ) {}

  static async open(dir: string, lexiconVersion: string): Promise<ExtractCache> {
    return new ExtractCache(dir, `${ENTRY_FORMAT}\0${await extractorSourceVersion()}\0${lexiconVersion}\0`);
  }

  key(raw: RawFile): string {
    return createHash('sha256').update(this.prefix).update(raw.file).update('\0').update(raw.bytes).digest('hex');
  }

  private entryPath(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string, file: string): Promise<FileExtraction | undefined> {
    let text: string;
    try {
      // Synchronous: a promise round trip per entry costs more main-thread time than the read itself.
      text = readFileSync(this.entryPath(key), 'utf8');
    } catch {
      this.stats.misses++;
      return undefined;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    const r = FileExtractionSchema.safeParse(value);
    if (!r.success) {
      this.stats.invalid.push(file);
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    return r.data;
  }

  async put(key: string, value: FileExtraction): Promise<void> {
    const file = this.entryPath(key);
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(value));
    await rename(tmp, file);
  }
}
