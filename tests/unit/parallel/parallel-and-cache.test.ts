// Worker threads and the incremental cache change how fast a graph is made, never what it is:
// the same reports give the same bytes with 1 or 2 workers, with or without the cache; a changed
// report, lexicon or a damaged cache entry is extracted again.
import { mkdtemp, readdir, readFile, rm, writeFile, cp, appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractInputs } from '../../../src/pipeline.ts';
import { serializeGraph } from '../../../src/model/serialize.ts';
import { ExtractCache } from '../../../src/cache/extract-cache.ts';
import { generateCorpus } from '../../../scripts/bench/generate-corpus.ts';
import { FIXTURES, SAMPLE_REPORTS, realLexicon } from '../../helpers.ts';

let dir: string;
let corpus: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kg-parallel-'));
  corpus = path.join(dir, 'corpus');
  await cp(SAMPLE_REPORTS, path.join(corpus, 'samples'), { recursive: true });
  await cp(path.join(FIXTURES, 'extract/reports'), path.join(corpus, 'fixtures'), { recursive: true });
  await generateCorpus(60, path.join(corpus, 'generated'), 7);
  // the same report twice, under two names: which one is kept must not depend on timing
  await cp(path.join(SAMPLE_REPORTS, (await readdir(SAMPLE_REPORTS)).sort()[0]!), path.join(corpus, 'zz-copy.txt'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function build(opts: { jobs?: number; cache?: ExtractCache } = {}) {
  const result = await extractInputs([corpus], await realLexicon(), opts);
  return { json: serializeGraph(result.graph), result };
}

describe('parallel extraction', () => {
  it('gives byte-identical output with the main thread and workers sharing the files, and with one thread', async () => {
    const one = await build({ jobs: 1 });
    const two = await build({ jobs: 2 });
    const three = await build({ jobs: 3 });
    expect(one.result.reports).toBeGreaterThan(60);
    expect(two.json).toBe(one.json);
    expect(three.json).toBe(one.json);
    expect(two.result.skipped).toEqual(one.result.skipped);
    expect(three.result.skipped).toEqual(one.result.skipped);
    expect(one.result.skipped.some((s) => s.code === 'DUPLICATE' && s.file === 'zz-copy.txt')).toBe(true);
    // One thread extracts everything itself; with workers, the first file always goes to one
    // (none is busy yet) and this thread takes files while they are all busy (starting up, at least).
    const files = one.result.extractedOn.main;
    expect(one.result.extractedOn).toEqual({ main: files, workers: 0 });
    for (const r of [two.result, three.result]) {
      expect(r.extractedOn.main + r.extractedOn.workers).toBe(files);
      expect(r.extractedOn.workers).toBeGreaterThan(0);
      expect(r.extractedOn.main).toBeGreaterThan(0);
    }
  }, 120_000);
});

describe('incremental cache', () => {
  it('re-extracts only what changed, and the document stays the one a fresh run gives', async () => {
    const lex = await realLexicon();
    const cacheDir = path.join(dir, 'cache-a');
    const fresh = await build();

    const first = await ExtractCache.open(cacheDir, lex.version);
    expect((await build({ cache: first })).json).toBe(fresh.json);
    const files = first.stats.misses;
    expect(first.stats.hits).toBe(0);

    const second = await ExtractCache.open(cacheDir, lex.version);
    expect((await build({ cache: second })).json).toBe(fresh.json);
    expect(second.stats).toMatchObject({ hits: files, misses: 0 });

    // One report changes: one miss, and the output is what a run without the cache gives.
    const changed = path.join(corpus, 'generated/batch-0000/report-000003.txt');
    const before = await readFile(changed, 'utf8');
    await appendFile(changed, '\nThe Syrian Observatory for Human Rights accused Hezbollah of shelling Madaya on Friday.\n');
    try {
      const third = await ExtractCache.open(cacheDir, lex.version);
      const rebuilt = await build({ cache: third });
      expect(third.stats).toMatchObject({ hits: files - 1, misses: 1 });
      expect(rebuilt.json).toBe((await build()).json);
      expect(rebuilt.json).not.toBe(fresh.json);
    } finally {
      await writeFile(changed, before);
    }
  }, 120_000);

  it('misses everything when the lexicon changes', async () => {
    const lex = await realLexicon();
    const cacheDir = path.join(dir, 'cache-b');
    const a = await ExtractCache.open(cacheDir, lex.version);
    await build({ cache: a });
    const b = await ExtractCache.open(cacheDir, `${lex.version}-edited`);
    await build({ cache: b });
    expect(b.stats.hits).toBe(0);
    expect(b.stats.misses).toBe(a.stats.misses);
  }, 120_000);

  it('reads a damaged entry as a miss, names the file, and extracts it again', async () => {
    const lex = await realLexicon();
    const cacheDir = path.join(dir, 'cache-c');
    const a = await ExtractCache.open(cacheDir, lex.version);
    const expected = (await build({ cache: a })).json;
    // Damage two entries: one truncated, one valid JSON of the wrong shape.
    const shards = (await readdir(cacheDir)).sort();
    const entries = (await Promise.all(shards.map(async (s) => (await readdir(path.join(cacheDir, s))).map((f) => path.join(cacheDir, s, f))))).flat().sort();
    const text = await readFile(entries[0]!, 'utf8');
    await writeFile(entries[0]!, text.slice(0, text.length / 2));
    await writeFile(entries[1]!, JSON.stringify({ reports: [{ file: 'x' }], skipped: [] }));
    const b = await ExtractCache.open(cacheDir, lex.version);
    expect((await build({ cache: b })).json).toBe(expected);
    expect(b.stats.invalid).toHaveLength(2);
    expect(b.stats.misses).toBe(2);
    // ...and the entries were written again, so the next run reuses everything.
    const c = await ExtractCache.open(cacheDir, lex.version);
    await build({ cache: c });
    expect(c.stats.misses).toBe(0);
  }, 120_000);
});
