// CPU time per report, for comparing two versions of the extractor on a machine shared with other
// work (wall clock is noise there; CPU time much less so). Start-up, lexicon compilation and JIT
// warm-up are left out: the small corpus is extracted first and the figure is the difference.
//   tsx scripts/bench/cpu-per-report.ts <small-corpus> <large-corpus> [jobs] [rounds]
// Prints one JSON line: CPU ms per report (user+sys, all threads of this process) and wall ms.
import { readdir } from 'node:fs/promises';
import { extractInputs } from '../../src/pipeline.ts';
import { loadLexicon } from '../../src/lexicon/load-lexicon.ts';
import { compileLexicon } from '../../src/lexicon/compile-lexicon.ts';

const [small, large, jobsArg, roundsArg] = process.argv.slice(2);
if (!small || !large) throw new Error('usage: cpu-per-report.ts <small-corpus> <large-corpus> [jobs] [rounds]');
const jobs = Number(jobsArg ?? 1);
const rounds = Number(roundsArg ?? 1);
const lex = compileLexicon(await loadLexicon());

async function run(dir: string): Promise<{ reports: number; cpuMs: number; wallMs: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await extractInputs([dir], lex, { jobs });
  const c = process.cpuUsage(c0);
  return { reports: r.reports, cpuMs: (c.user + c.system) / 1000, wallMs: performance.now() - t0 };
}

await run(small); // warm-up: JIT, lazy compilation
const perReport: number[] = [];
const wallPerReport: number[] = [];
for (let i = 0; i < rounds; i++) {
  const a = await run(small);
  const b = await run(large);
  const n = b.reports - a.reports;
  perReport.push((b.cpuMs - a.cpuMs) / n);
  wallPerReport.push((b.wallMs - a.wallMs) / n);
}
const files = (await readdir(large, { recursive: true })).length;
const r2 = (x: number) => Math.round(x * 100) / 100;
process.stdout.write(
  `${JSON.stringify({ jobs, files, cpuMsPerReport: perReport.map(r2), wallMsPerReport: wallPerReport.map(r2), minCpuMsPerReport: r2(Math.min(...perReport)) })}\n`,
);
