// The file-system side of ingest: walk the files and folders given, in sorted order, and yield
// each file's bytes or the reason it cannot be read. Streams, so a large archive is never held in
// memory at once. Symlink loops, unreadable files and oversized files are reported, not thrown.
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Skipped } from '../model/report.ts';
import { ReportGraphError } from '../errors.ts';
import type { RawFile } from './ingest-file.ts';
import { formatOf } from './ingest-file.ts';

export interface ReadOptions {
  /** Files larger than this are skipped (default 20 MiB): a report is never that long; a dump is. */
  maxBytes?: number;
}

export type InputItem = { kind: 'file'; raw: RawFile; path: string } | { kind: 'skipped'; skipped: Skipped };

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const IGNORED_DIRS = new Set(['node_modules', '.git', '.reportgraph']);

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'ENOENT') return 'no such file (a broken link?)';
  if (e.code === 'ELOOP') return 'too many levels of symbolic links';
  return e.message;
}

export async function* readInputs(inputs: readonly string[], opts: ReadOptions = {}): AsyncGenerator<InputItem> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const input of inputs) {
    let st;
    try {
      st = await stat(input);
    } catch (err) {
      throw new ReportGraphError('E_INPUT_MISSING', `${input}: cannot read this input (${reason(err)}); give files or folders of reports`);
    }
    if (st.isDirectory()) {
      const root = path.resolve(input);
      yield* walk(root, root, new Set([await realpath(root)]), maxBytes);
    } else {
      yield* readOne(path.resolve(input), path.basename(input), maxBytes);
    }
  }
}

async function* walk(root: string, dir: string, visited: Set<string>, maxBytes: number): AsyncGenerator<InputItem> {
  let entries: string[];
  try {
    entries = (await readdir(dir)).sort();
  } catch (err) {
    yield { kind: 'skipped', skipped: { file: toPosix(path.relative(root, dir)) || '.', code: 'UNREADABLE', message: `cannot list folder: ${reason(err)}` } };
    return;
  }
  for (const name of entries) {
    if (name.startsWith('.') || IGNORED_DIRS.has(name)) continue;
    const full = path.join(dir, name);
    const rel = toPosix(path.relative(root, full));
    let st;
    try {
      const l = await lstat(full);
      st = l.isSymbolicLink() ? await stat(full) : l;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code === 'ELOOP' ? 'SYMLINK_LOOP' : 'UNREADABLE';
      yield { kind: 'skipped', skipped: { file: rel, code, message: reason(err) } };
      continue;
    }
    if (st.isDirectory()) {
      let real: string;
      try {
        real = await realpath(full);
      } catch (err) {
        yield { kind: 'skipped', skipped: { file: rel, code: 'SYMLINK_LOOP', message: reason(err) } };
        continue;
      }
      if (visited.has(real)) {
        yield { kind: 'skipped', skipped: { file: rel, code: 'SYMLINK_LOOP', message: 'symbolic link back into a folder already read; not followed' } };
        continue;
      }
      yield* walk(root, full, new Set([...visited, real]), maxBytes);
    } else if (st.isFile()) {
      yield* readOne(full, rel, maxBytes, st.size);
    }
  }
}

async function* readOne(full: string, rel: string, maxBytes: number, size?: number): AsyncGenerator<InputItem> {
  const file = toPosix(rel);
  if (!formatOf(file)) {
    yield { kind: 'skipped', skipped: { file, code: 'UNSUPPORTED_TYPE', message: 'not a report format (.txt, .md, .html, .htm, .json, .jsonl)' } };
    return;
  }
  try {
    const bytesOnDisk = size ?? (await stat(full)).size;
    if (bytesOnDisk > maxBytes) {
      yield { kind: 'skipped', skipped: { file, code: 'TOO_LARGE', message: `${(bytesOnDisk / 1048576).toFixed(1)} MiB is over the ${(maxBytes / 1048576).toFixed(0)} MiB limit for one report (--max-file-mb)` } };
      return;
    }
    const bytes = new Uint8Array(await readFile(full));
    yield { kind: 'file', raw: { file, bytes }, path: full };
  } catch (err) {
    yield { kind: 'skipped', skipped: { file, code: 'UNREADABLE', message: reason(err) } };
  }
}

/** A quick count of the report files under the inputs, for a progress bar (symlinked folders not followed). */
export async function countInputFiles(inputs: readonly string[]): Promise<number> {
  let n = 0;
  const visit = async (p: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(p, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || IGNORED_DIRS.has(e.name)) continue;
      if (e.isDirectory()) await visit(path.join(p, e.name));
      else if (formatOf(e.name)) n++;
    }
  };
  for (const input of inputs) {
    try {
      if ((await stat(input)).isDirectory()) await visit(input);
      else n++;
    } catch {
      // Missing inputs are reported by readInputs.
    }
  }
  return n;
}
