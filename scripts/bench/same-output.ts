// The guard for speed work: extraction may get faster, never different. Hashes the serialized graph
// document of each corpus (and the figures `kg eval` prints), then either writes them as a baseline
// or compares them with one taken before the change.
//   tsx scripts/bench/same-output.ts --write base.json [--jobs n] [extra-corpus-dir ...]
//   tsx scripts/bench/same-output.ts --check base.json [--jobs n] [extra-corpus-dir ...]
// Default corpora: data/reports, tests/fixtures/heldout/reports and ../shared/dev/reports (when
// present); only hashes are written, never report text.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractInputs } from '../../src/pipeline.ts';
import { loadLexicon } from '../../src/lexicon/load-lexicon.ts';
import { serializeGraph } from '../../src/model/serialize.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const writeTo = flag('--write');
const checkAgainst = flag('--check');
const jobs = Number(flag('--jobs') ?? 1);
if (!writeTo === !checkAgainst) throw new Error('give exactly one of --write <file> or --check <file>');

const shared = path.resolve(ROOT, '../shared');
const corpora = [path.join(ROOT, 'data/reports'), path.join(ROOT, 'tests/fixtures/heldout/reports')];
const evals: [string, string][] = [
  [path.join(shared, 'gold'), path.join(ROOT, 'data/reports')],
  [path.join(ROOT, 'tests/fixtures/heldout/gold'), path.join(ROOT, 'tests/fixtures/heldout/reports')],
];
if (existsSync(path.join(shared, 'dev/reports'))) {
  corpora.push(path.join(shared, 'dev/reports'));
  evals.push([path.join(shared, 'dev/gold'), path.join(shared, 'dev/reports')]);
} else {
  process.stderr.write('../shared/dev is absent: the dev set is not checked\n');
}
corpora.push(...args.map((a) => path.resolve(a)));

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const lexicon = await loadLexicon();
const result: Record<string, string> = {};
for (const dir of corpora) {
  const t0 = performance.now();
  const r = await extractInputs([dir], lexicon, { jobs });
  result[`graph ${dir}`] = sha(serializeGraph(r.graph));
  process.stderr.write(`${dir}: ${r.reports} reports, ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
for (const [gold, reports] of evals) {
  if (!existsSync(gold)) continue;
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bin/kg.js'), 'eval', '--gold', gold, reports], { cwd: ROOT, encoding: 'utf8' });
  result[`eval ${reports}`] = sha(out);
}

if (writeTo) {
  await writeFile(writeTo, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`baseline written to ${writeTo} (${Object.keys(result).length} hashes)\n`);
} else {
  const base = JSON.parse(await readFile(checkAgainst!, 'utf8')) as Record<string, string>;
  let bad = 0;
  for (const [k, v] of Object.entries(result)) {
    const same = base[k] === v;
    if (!same) bad++;
    process.stdout.write(`${same ? 'same' : base[k] ? 'DIFFERENT' : 'NO BASELINE'}  ${k}\n`);
  }
  process.stdout.write(bad ? `${bad} differ\n` : 'all identical\n');
  process.exitCode = bad ? 1 : 0;
}
