// The worker side of the extraction pool: compiles the lexicon it was given once, then turns
// files into fragments. Loaded through extract-worker.mjs, which registers tsx first.
import { workerData } from 'node:worker_threads';
import { compileLexicon } from '../lexicon/compile-lexicon.ts';
import type { Lexicon } from '../lexicon/load-lexicon.ts';
import type { RawFile } from '../ingest/ingest-file.ts';
import { extractFile, type FileExtraction } from './extract-file.ts';

const lex = compileLexicon((workerData as { lexicon: Lexicon }).lexicon);

export default function extractInWorker(raw: RawFile): FileExtraction {
  return extractFile(raw, lex);
}
