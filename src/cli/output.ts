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

/**
 * A file name or reason as one printable line: control characters (a newline in a file name, a
 * terminal escape in a broken JSON line) are shown escaped, so a hostile name can neither split
 * its line nor drive the terminal.
 */
export function printable(text: string): string {
  // C0 and C1 controls, DEL, line and paragraph separators, and bidirectional overrides.
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

export function printSkipped(skipped: readonly Skipped[]): void {
  for (const s of skipped) say(`  skipped ${printable(s.file)}: ${printable(s.message)} [${s.code}]`);
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
  const shown = (item: string) => {
    const p = printable(item);
    return p.length > 40 ? `…${p.slice(-39)}` : p;
  };
  return { tick: (item) => bar.increment(1, { item: shown(item) }), stop: () => bar.stop() };
}
