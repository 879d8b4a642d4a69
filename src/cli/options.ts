// Options shared by several commands, declared once.
import { Option } from 'commander';
import { DEFAULT_LEXICON_DIR } from '../lexicon/load-lexicon.ts';

export interface CommonOptions {
  lexicon: string;
  maxFileMb: number;
}

export function lexiconOption(): Option {
  return new Option('--lexicon <dir>', 'folder of lexicon files (actors, places, triggers, cues, boilerplate)').default(DEFAULT_LEXICON_DIR, 'data/lexicons');
}

export function maxFileOption(): Option {
  return new Option('--max-file-mb <n>', 'skip files larger than this many MiB').default(20).argParser((v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--max-file-mb must be a positive number, not "${v}"`);
    return n;
  });
}
