// Shared test helpers: paths, the real lexicon loaded once, running the CLI as a user would.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLexicon, type Lexicon } from '../src/lexicon/load-lexicon.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');
export const SAMPLE_REPORTS = path.join(ROOT, 'data/reports');
/** The user's shared folder beside the clone; absent in a user's own clone, so tests using it skip. */
export const SHARED = path.resolve(ROOT, '../shared');
export const HAS_SHARED = existsSync(path.join(SHARED, 'gold'));

let lexicon: Promise<Lexicon> | null = null;
export function realLexicon(): Promise<Lexicon> {
  lexicon ??= loadLexicon();
  return lexicon;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run `kg` in a child process, as `npx kg` would. */
export function runKg(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/kg.js'), ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, ...opts.env },
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
