// `npm run bench`: the figures in the README's "Speed and scale" section, re-runnable.
//   npm run bench -- [--sizes 1000,10000,100000] [--jobs n]
// For each size: a generated corpus (kept in .bench/), the floor (read + tokenize only, with
// wink-nlp and with our own tokenizer), extraction on one thread and on all cores, peak memory.
// On the largest size: the whole build (extract + embedded load) and each query file's time.
// On the size nearest 10,000: a re-build after one report changed, against the full build.
// With NEO4J_URI set: the batched Neo4j load of the largest graph. Results: .bench/results.json.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate-corpus.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BENCH = path.join(ROOT, '.bench');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const sizes = (arg('--sizes') ?? '1000,10000,100000').split(',').map(Number);
const cores = Number(arg('--jobs') ?? availableParallelism());
const log = (s: string) => process.stderr.write(`${s}\n`);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one JSON line from measure.ts, shape per mode
function measure(...args: string[]): any {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/bench/measure.ts'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`measure ${args.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

async function corpus(n: number): Promise<{ dir: string; bytes: number }> {
  const dir = path.join(BENCH, `corpus-${n}`);
  const marker = path.join(dir, '.complete');
  if (existsSync(marker)) return { dir, bytes: Number(await readFile(marker, 'utf8')) };
  await rm(dir, { recursive: true, force: true });
  log(`generating ${n} reports in ${path.relative(ROOT, dir)}`);
  const bytes = await generateCorpus(n, dir, 1);
  await writeFile(marker, String(bytes));
  return { dir, bytes };
}

const results: Record<string, unknown> = { date: new Date().toISOString(), cores, loadBefore: loadavg()[0], sizes: {} };
const rows: string[] = [];
let largest: { n: number; dir: string } | undefined;
for (const n of sizes) {
  const { dir, bytes } = await corpus(n);
  largest = { n, dir };
  const mb = bytes / 1048576;
  log(`${n}: floor`);
  const wink = measure('floor-wink', dir);
  const own = measure('floor-own', dir);
  log(`${n}: extract, 1 thread`);
  const one = measure('extract', dir, '1');
  log(`${n}: extract, ${cores} threads`);
  const all = measure('extract', dir, String(cores));
  const rate = (x: { seconds: number }) => n / x.seconds;
  (results.sizes as Record<number, unknown>)[n] = { mb, wink, own, one, all };
  rows.push(
    `| ${n.toLocaleString('en')} | ${(mb / n * 1024).toFixed(1)} KB | ${Math.round(rate(one))} (${(mb / one.seconds).toFixed(2)} MB/s, ${one.peakMb} MB) | ` +
      `${Math.round(rate(all))} (${(mb / all.seconds).toFixed(2)} MB/s, ${all.peakMb} MB) | ${(1e6 / rate(one)).toFixed(0)} µs | ` +
      `${Math.round(rate(wink))} | ${Math.round(rate(own))} | ${((100 * rate(all)) / rate(wink)).toFixed(0)}% |`,
  );
}

const out: string[] = [
  `cores: ${cores}, load average before: ${(results.loadBefore as number).toFixed(1)}`,
  '',
  '| reports | mean size | extract, 1 thread: reports/s | extract, all cores: reports/s | cost per report (1 thread) | floor: read + wink-nlp tokenize, reports/s | read + our tokenizer, reports/s | all cores / wink floor |',
  '|---|---|---|---|---|---|---|---|',
  ...rows,
];

if (largest) {
  const home = path.join(BENCH, `home-${largest.n}`);
  await rm(home, { recursive: true, force: true });
  await mkdir(home, { recursive: true });
  log(`${largest.n}: whole build (extract + embedded load)`);
  const build = measure('build', largest.dir, String(cores), home);
  log(`${largest.n}: queries`);
  const load = measure('load', path.join(home, 'graph.json'), path.join(home, 'fresh'));
  results.build = build;
  results.load = load;
  out.push(
    '',
    `whole build of ${largest.n.toLocaleString('en')} reports (extract on ${cores} threads + embedded load): ${build.seconds.toFixed(1)} s ` +
      `(extract ${build.extractSeconds.toFixed(1)} s, load ${build.loadSeconds.toFixed(1)} s), peak ${build.peakMb} MB`,
    `embedded load into an empty store: ${load.nodes.toLocaleString('en')} nodes and ${load.relationships.toLocaleString('en')} relationships in ${load.seconds.toFixed(1)} s ` +
      `(${Math.round((load.nodes + load.relationships) / load.seconds).toLocaleString('en')} rows/s)`,
    '',
    '| query file | ms |',
    '|---|---|',
    ...Object.entries(load.queriesMs as Record<string, number>).map(([f, ms]) => `| ${f} | ${ms} |`),
  );
}

// Incremental: the corpus nearest 10,000, built once with the cache, then again after one report changed.
const inc = sizes.reduce((a, b) => (Math.abs(b - 10000) < Math.abs(a - 10000) ? b : a));
{
  const dir = path.join(BENCH, `corpus-${inc}`);
  const home = path.join(BENCH, `home-inc-${inc}`);
  await rm(home, { recursive: true, force: true });
  await mkdir(home, { recursive: true });
  log(`${inc}: incremental re-build`);
  const full = measure('build', dir, String(cores), home);
  const changed = path.join(dir, 'batch-0000/report-000007.txt');
  const before = await readFile(changed);
  await appendFile(changed, '\nThe Syrian Network for Human Rights accused Russian forces of bombing a bakery in Ariha on Sunday.\n');
  let again;
  try {
    again = measure('build', dir, String(cores), home);
  } finally {
    await writeFile(changed, before);
  }
  results.incremental = { full, again };
  out.push(
    '',
    `re-build after one of ${inc.toLocaleString('en')} reports changed: ${again.seconds.toFixed(2)} s against ${full.seconds.toFixed(1)} s for the full build ` +
      `(${((100 * again.seconds) / full.seconds).toFixed(1)}%; ${again.cache.misses} file extracted, ${again.cache.hits} from the cache; ` +
      `extract ${again.extractSeconds.toFixed(2)} s, load ${again.loadSeconds.toFixed(2)} s)`,
  );
}

if (process.env.NEO4J_URI && largest) {
  log('neo4j: batched load');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/kg.js'), 'load', path.join(BENCH, `home-${largest.n}`, 'graph.json'), '--store', 'neo4j'], { cwd: ROOT, encoding: 'utf8' });
  out.push('', `Neo4j load (${process.env.NEO4J_URI}): exit ${r.status}`, r.stderr.trim());
} else {
  out.push('', 'Neo4j: skipped (set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD to measure the batched load)');
}

results.loadAfter = loadavg()[0];
out.push('', `load average after: ${(results.loadAfter as number).toFixed(1)}`);
await mkdir(BENCH, { recursive: true });
await writeFile(path.join(BENCH, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${out.join('\n')}\n`);
