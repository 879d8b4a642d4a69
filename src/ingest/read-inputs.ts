// The file-system side of ingest: walk the files and folders given, in sorted order, and yield
// each file's bytes or the reason it cannot be read. Streams, so a large archive is never held in
// memory at once. Symlink loops, unreadable files and oversized files are reported, not thrown.
// Paths inside a folder are kept as bytes: a file name that is not valid UTF-8 (written by another
// system) is still read, and shown with U+FFFD where its bad bytes were.
import { closeSync, lstatSync, openSync, readSync, statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Skipped } from '../model/report.ts';
import { ReportGraphError } from '../errors.ts';
import type { RawFile } from './ingest-file.ts';
import { formatOf } from './ingest-file.ts';

export interface ReadOptions {
  /** Files larger than this are skipped (default 20 MiB): a report is never that long; a dump is. */
  maxBytes?: number;
}

export type InputItem = { kind: 'file'; raw: RawFile; path: string | Buffer } | { kind: 'skipped'; skipped: Skipped };

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const IGNORED_DIRS = new Set(['node_modules', '.git', '.reportgraph']);

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** A path on disk, as the operating system spells it. */
type FsPath = string | Buffer;

function joinPath(dir: FsPath, name: Buffer): Buffer {
  return Buffer.concat([Buffer.isBuffer(dir) ? dir : Buffer.from(dir), Buffer.from(path.sep), name]);
}

/** Named pipes, sockets and devices would block a read or never end: named, not read. */
const NOT_A_FILE = 'not a regular file (a named pipe, socket or device); not read';

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
      yield* walk(root, root, new Set([(await realpath(root, { encoding: 'buffer' })).toString('hex')]), maxBytes);
    } else if (st.isFile()) {
      yield* readOne(path.resolve(input), path.basename(input), maxBytes, st.size);
    } else {
      yield { kind: 'skipped', skipped: { file: path.basename(input), code: 'UNREADABLE', message: NOT_A_FILE } };
    }
  }
}

async function* walk(root: string, dir: FsPath, visited: Set<string>, maxBytes: number): AsyncGenerator<InputItem> {
  const relOf = (p: FsPath) => toPosix(path.relative(root, p.toString()));
  let entries: Buffer[];
  try {
    // Sorted by the name as shown, then by its bytes: the same order on every run.
    entries = (await readdir(dir, { encoding: 'buffer' })).sort((a, b) => {
      const x = a.toString();
      const y = b.toString();
      return x < y ? -1 : x > y ? 1 : Buffer.compare(a, b);
    });
  } catch (err) {
    yield { kind: 'skipped', skipped: { file: relOf(dir) || '.', code: 'UNREADABLE', message: `cannot list folder: ${reason(err)}` } };
    return;
  }
  for (const entry of entries) {
    const name = entry.toString();
    if (name.startsWith('.') || IGNORED_DIRS.has(name)) continue;
    // A name that is valid UTF-8 stays a string path; any other is read by its bytes.
    const full: FsPath = Buffer.from(name).equals(entry) ? path.join(dir.toString(), name) : joinPath(dir, entry);
    const rel = relOf(full);
    let st;
    try {
      const l = lstatSync(full);
      st = l.isSymbolicLink() ? statSync(full) : l;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code === 'ELOOP' ? 'SYMLINK_LOOP' : 'UNREADABLE';
      yield { kind: 'skipped', skipped: { file: rel, code, message: reason(err) } };
      continue;
    }
    if (st.isDirectory()) {
      let real: string;
      try {
        real = (await realpath(full, { encoding: 'buffer' })).toString('hex');
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
    } else if (formatOf(rel)) {
      yield { kind: 'skipped', skipped: { file: rel, code: 'UNREADABLE', message: NOT_A_FILE } };
    }
  }
}

async function* readOne(full: FsPath, rel: string, maxBytes: number, size: number): AsyncGenerator<InputItem> {
  const file = toPosix(rel);
  if (!formatOf(file)) {
    yield { kind: 'skipped', skipped: { file, code: 'UNSUPPORTED_TYPE', message: 'not a report format (.txt, .md, .html, .htm, .json, .jsonl)' } };
    return;
  }
  try {
    const tooLarge = (bytes: number, atLeast = '') => ({
      kind: 'skipped' as const,
      skipped: { file, code: 'TOO_LARGE' as const, message: `${atLeast}${(bytes / 1048576).toFixed(1)} MiB is over the ${(maxBytes / 1048576).toFixed(0)} MiB limit for one report (--max-file-mb)` },
    });
    if (size > maxBytes) {
      yield tooLarge(size);
      return;
    }
    const bytes = readAtMost(full, maxBytes, size);
    // A file still being written can have grown since it was measured: never read past the limit.
    if (bytes === null) yield tooLarge(maxBytes, 'more than ');
    else yield { kind: 'file', raw: { file, bytes }, path: full };
  } catch (err) {
    yield { kind: 'skipped', skipped: { file, code: 'UNREADABLE', message: reason(err) } };
  }
}

/**
 * The file's bytes, or null when it holds more than `limit` bytes (only limit + 1 are ever read).
 * Synchronous on purpose: for a 2 KB report the promise round trips of open/read/close cost ten
 * times the read itself (0.19 against 0.02 ms of CPU per file), on the thread that also receives
 * the workers' results. The buffer is sized by the size measured, plus one byte to notice a file
 * that grew since.
 */
export function readAtMost(full: FsPath, limit: number, size: number): Uint8Array | null {
  const fd = openSync(full, 'r');
  try {
    let buf = Buffer.allocUnsafeSlow(Math.min(limit + 1, size + 1));
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        const grown = Buffer.allocUnsafeSlow(Math.min(limit + 1, total + (1 << 20)));
        buf.copy(grown, 0, 0, total);
        buf = grown;
      }
      const bytesRead = readSync(fd, buf, total, buf.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) return null;
    }
    return new Uint8Array(buf.buffer, buf.byteOffset, total);
  } finally {
    closeSync(fd);
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
