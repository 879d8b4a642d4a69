// CPU time per report of ingest + extraction alone (what a worker does), with the files already
// in memory: no reading, resolution or validation, so two versions of the extractor compare
// on what changed. The corpus is extracted once to warm up, then `rounds` times measured.
//   tsx scripts/bench/extract-cpu.ts <corpus-dir> [rounds]
// Prints one JSON line: CPU ms per report (user+sys) for each round, and the least.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadLexicon } from '../../src/lexicon/load-lexicon.ts';
import { compileLexicon } from '../../src/lexicon/compile-lexicon.ts';
import { extractFile } from '../../src/parallel/extract-file.ts';
import type { RawFile } from '../../src/ingest/ingest-file.ts';

const [dir, roundsArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: extract-cpu.ts <corpus-dir> [rounds]');
const rounds = Number(roundsArg ?? 3);
const lex = compileLexicon(await loadLexicon());
const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
const files: RawFile[] = await Promise.all(names.map(async (f) => ({ file: path.relative(dir, f), bytes: new Uint8Array(await readFile(f)) })));

function pass(): { reports: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  let reports = 0;
  for (const raw of files) reports += extractFile(raw, lex).reports.length;
  const c = process.cpuUsage(c0);
  return { reports, cpuMs: (c.user + c.system) / 1000 };
}

pass();
const per: number[] = [];
let reports = 0;
for (let i = 0; i < rounds; i++) {
  const r = pass();
  reports = r.reports;
  per.push(Math.round((r.cpuMs / r.reports) * 1000) / 1000);
}
process.stdout.write(`${JSON.stringify({ reports, cpuMsPerReport: per, min: Math.min(...per) })}\n`);
