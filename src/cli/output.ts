// Where the CLI talks to people: summaries and skipped-file reasons go to stderr, so stdout stays
// clean for data (`kg schema > schema.json`, `kg query --format csv > out.csv`).
import cliProgress from 'cli-progress';
import type { Skipped } from '../model/report.ts';
import type { GraphDocument } from '../model/schema.ts';

export function say(line = ''): void {
  process.stderr.write(`${line}\n`);
}

export function countBy<T>(items: readonly T[], key: (t: T) => string): string {
  const counts = new Map<string, number>();
  for (const it of items) counts.set(key(it), (counts.get(key(it)) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
}

export function printGraphSummary(graph: GraphDocument): void {
  say(`  nodes: ${graph.nodes.length} (${countBy(graph.nodes, (n) => n.label)})`);
  say(`  edges: ${graph.edges.length} (${countBy(graph.edges, (e) => e.type)})`);
}

/** Informational skips (a non-report file in the folder, a duplicate kept once) do not fail a run. */
export const INFORMATIONAL_SKIPS = new Set(['UNSUPPORTED_TYPE', 'DUPLICATE']);

export function printSkipped(skipped: readonly Skipped[]): void {
  for (const s of skipped) say(`  skipped ${s.file}: ${s.message} [${s.code}]`);
}

export function problemSkips(skipped: readonly Skipped[]): Skipped[] {
  return skipped.filter((s) => !INFORMATIONAL_SKIPS.has(s.code));
}

/** A progress bar on a terminal; nothing when stderr is a pipe or a file (CI logs stay readable). */
export function progressBar(total: number, label: string): { tick: (item: string) => void; stop: () => void } {
  if (!process.stderr.isTTY || total < 20) return { tick: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {value}/{total} {item}`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { item: '' });
  return { tick: (item) => bar.increment(1, { item: item.length > 40 ? `…${item.slice(-39)}` : item }), stop: () => bar.stop() };
}
