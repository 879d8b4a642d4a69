// Throughput of ingest + extraction on one thread: the sample reports (and the test reports)
// repeated until about N reports, each made distinct by a line so nothing is cached by content.
// Run: npx tsx scripts/bench-extract.ts [count]   (prints reports/s and KB/s)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLexicon } from '../src/lexicon/load-lexicon.ts';
import { compileLexicon } from '../src/lexicon/compile-lexicon.ts';
import { ingestFile } from '../src/ingest/ingest-file.ts';
import { extractReport } from '../src/extract/extract-report.ts';
import { GraphResolver } from '../src/resolve/resolve-graph.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dirs = [path.join(ROOT, 'data/reports'), path.join(ROOT, 'tests/fixtures/extract/reports')];
const samples = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(d, f), 'utf8')));
const count = Number(process.argv[2] ?? 2000);

const lex = compileLexicon(await loadLexicon());
const inputs = Array.from({ length: count }, (_, i) => {
  const text = `${samples[i % samples.length]}\n\nRef ${i}.`;
  return { file: `r${i}.txt`, bytes: new TextEncoder().encode(text) };
});
const bytes = inputs.reduce((n, x) => n + x.bytes.length, 0);

// Warm up the JIT on one pass of the samples, then time.
for (const x of inputs.slice(0, samples.length * 3)) for (const r of ingestFile(x, lex.lexicon.ingest).reports) extractReport(r, lex);
const t0 = performance.now();
const resolver = new GraphResolver(lex);
for (const x of inputs) for (const r of ingestFile(x, lex.lexicon.ingest).reports) resolver.add(extractReport(r, lex));
const t1 = performance.now();
const g = resolver.finish();
const t2 = performance.now();
const secs = (t1 - t0) / 1000;
process.stdout.write(
  `${count} reports (${(bytes / count / 1024).toFixed(1)} KB on average) in ${secs.toFixed(2)} s on one thread: ` +
    `${Math.round(count / secs)} reports/s, ${Math.round(bytes / 1024 / secs)} KB/s (ingest + extract + merge); ` +
    `resolve.finish ${(t2 - t1).toFixed(0)} ms for ${g.nodes.length} nodes, ${g.edges.length} edges\n`,
);
