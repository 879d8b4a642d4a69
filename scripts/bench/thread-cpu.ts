// Where the CPU goes when extraction runs on worker threads: the main thread (reading files,
// receiving results, resolution, validation, and extracting while the workers are full) against
// the workers (jobs - 1 of them) and the runtime's helper threads. Linux only: polls /proc/self/task/*/stat while `extractInputs` runs, since worker
// threads take their counters with them when they exit.
//   tsx scripts/bench/thread-cpu.ts <corpus-dir> <jobs>
// Prints one JSON line: wall seconds, CPU seconds of the main thread, of the busiest other
// threads (the workers), and of all the rest; how many files each side extracted.
import { readdirSync, readFileSync } from 'node:fs';
import { extractInputs } from '../../src/pipeline.ts';
import { loadLexicon } from '../../src/lexicon/load-lexicon.ts';
import { compileLexicon } from '../../src/lexicon/compile-lexicon.ts';

const [dir, jobsArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: thread-cpu.ts <corpus-dir> <jobs>');
const jobs = Number(jobsArg ?? 2);
const TICK = 100; // clock ticks per second on Linux

const seen = new Map<string, number>();
const names = new Map<string, string>();
function poll(): void {
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seen.set(tid, (Number(f[11]) + Number(f[12])) / TICK); // utime + stime
      names.set(tid, stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
    } catch {
      // the thread ended between listing and reading
    }
  }
}

const lex = compileLexicon(await loadLexicon());
poll();
const before = new Map(seen);
const timer = setInterval(poll, 50);
const t0 = performance.now();
const r = await extractInputs([dir], lex, { jobs });
const wall = (performance.now() - t0) / 1000;
clearInterval(timer);
poll();
const used = [...seen].map(([tid, s]) => ({ tid, s: s - (before.get(tid) ?? 0) })).sort((a, b) => b.s - a.s);
const main = used.find((u) => u.tid === String(process.pid))?.s ?? 0;
const others = used.filter((u) => u.tid !== String(process.pid));
const workers = others.slice(0, jobs - 1); // n jobs: this thread and n - 1 workers
const rest = others.slice(jobs).reduce((n, u) => n + u.s, 0);
const round = (x: number) => Math.round(x * 100) / 100;
if (process.env.THREADS) for (const u of used) process.stderr.write(`${u.tid} ${names.get(u.tid)} ${round(u.s)}\n`);
process.stdout.write(
  `${JSON.stringify({ reports: r.reports, jobs, wallSeconds: round(wall), reportsPerSecond: Math.round(r.reports / wall), mainCpuSeconds: round(main), workerCpuSeconds: workers.map((w) => round(w.s)), restCpuSeconds: round(rest), mainMsPerReport: round((main * 1000) / r.reports), extractedOn: r.extractedOn, workerMsPerReport: round((workers.reduce((n, w) => n + w.s, 0) * 1000) / r.reports) })}\n`,
);
