// The file-system walk: what it yields for odd things found in a folder (names that are not
// UTF-8, named pipes, symbolic-link loops, files at and over the size limit), in a fixed order.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAtMost, readInputs, type InputItem } from '../../../src/ingest/read-inputs.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kg-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(inputs: string[], maxBytes?: number): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readInputs(inputs, { maxBytes })) items.push(item);
  return items;
}
const summary = (items: InputItem[]) =>
  items.map((i) => (i.kind === 'file' ? `read ${i.raw.file} ${new TextDecoder().decode(i.raw.bytes)}` : `skipped ${i.skipped.file} ${i.skipped.code}`));

describe('readInputs', () => {
  it('reads a file whose name is not valid UTF-8, naming it with U+FFFD', async () => {
    const d = path.join(dir, 'names');
    await mkdir(d);
    // 'café.txt' as Latin-1 wrote it: the é is the single byte 0xE9.
    await writeFile(Buffer.concat([Buffer.from(`${d}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), 'latin one');
    await writeFile(path.join(d, 'café.txt'), 'utf eight');
    expect(summary(await collect([d]))).toEqual(['read café.txt utf eight', 'read caf\uFFFD.txt latin one']);
  });

  it('names a named pipe instead of waiting on it forever, in a folder or given directly', async () => {
    const d = path.join(dir, 'pipes');
    await mkdir(d);
    try {
      execFileSync('mkfifo', [path.join(d, 'pipe.txt')]);
    } catch {
      console.info('read-inputs: mkfifo is not available, the named-pipe case is unchecked');
      return;
    }
    await writeFile(path.join(d, 'report.txt'), 'text');
    expect(summary(await collect([d]))).toEqual(['skipped pipe.txt UNREADABLE', 'read report.txt text']);
    const direct = await collect([path.join(d, 'pipe.txt')]);
    expect(direct).toHaveLength(1);
    expect(direct[0]!.kind === 'skipped' && direct[0]!.skipped.message).toMatch(/not a regular file/);
  });

  it('reads a file of exactly the limit and skips one byte more, reading no further', async () => {
    const d = path.join(dir, 'sizes');
    await mkdir(d);
    await writeFile(path.join(d, 'at.txt'), 'x'.repeat(100));
    await writeFile(path.join(d, 'over.txt'), 'x'.repeat(101));
    expect(summary(await collect([d], 100))).toEqual([`read at.txt ${'x'.repeat(100)}`, 'skipped over.txt TOO_LARGE']);
  });

  it('names symbolic-link loops and follows no link back into a folder already read', async () => {
    const d = path.join(dir, 'links');
    await mkdir(path.join(d, 'sub'), { recursive: true });
    await writeFile(path.join(d, 'sub', 'r.txt'), 'once');
    await symlink('..', path.join(d, 'sub', 'up'));
    await symlink('me.txt', path.join(d, 'me.txt'));
    expect(summary(await collect([d]))).toEqual(['skipped me.txt SYMLINK_LOOP', 'read sub/r.txt once', 'skipped sub/up SYMLINK_LOOP']);
  });

  it('reads a file that grew after it was measured whole, and still stops past the limit', async () => {
    const f = path.join(dir, 'grown.txt');
    await writeFile(f, 'abcdefghij'.repeat(300));
    // Measured when it was empty, or 10 bytes long: the buffer must grow, not truncate.
    expect(Buffer.from(readAtMost(f, 10_000, 0)!).toString()).toBe('abcdefghij'.repeat(300));
    expect(Buffer.from(readAtMost(f, 10_000, 10)!).toString()).toBe('abcdefghij'.repeat(300));
    expect(readAtMost(f, 2999, 10)).toBeNull();
    expect(readAtMost(f, 3000, 3000)!.length).toBe(3000);
  });
});
