// One measurement in its own process, so peak memory is that run's alone. Prints one JSON line.
//   tsx scripts/bench/measure.ts extract <corpus-dir> <jobs> [home]  ingest + extract + resolve (+ cache when home given)
//   tsx scripts/bench/measure.ts floor-wink <corpus-dir>             read every file and tokenize it with wink-nlp
//   tsx scripts/bench/measure.ts floor-own <corpus-dir>              read every file and tokenize it with our tokenizer
//   tsx scripts/bench/measure.ts load <graph.json> <home>            load into a fresh embedded store, then time each query file
//   tsx scripts/bench/measure.ts build <corpus-dir> <jobs> <home>    kg build's work: extract (cached in <home>) and load into <home>'s embedded store
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { extractInputs } from '../../src/pipeline.ts';
import { loadLexicon } from '../../src/lexicon/load-lexicon.ts';
import { writeGraph } from '../../src/model/graph-chunks.ts';
import { readGraphJson } from '../../src/model/read-graph-json.ts';
import { validateGraph } from '../../src/model/validate-graph.ts';
import { ExtractCache } from '../../src/cache/extract-cache.ts';
import { homePaths } from '../../src/config.ts';
import { tokenize } from '../../src/extract/tokens.ts';

const [mode, target, arg3, arg4] = process.argv.slice(2);
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function* files(dir: string): AsyncGenerator<string> {
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else yield p;
  }
}

async function floor(tok: (text: string) => number): Promise<Record<string, number>> {
  let n = 0;
  let bytes = 0;
  let tokens = 0;
  const t0 = performance.now();
  for await (const f of files(target!)) {
    const text = await readFile(f, 'utf8');
    bytes += Buffer.byteLength(text);
    tokens += tok(text);
    n++;
  }
  const secs = (performance.now() - t0) / 1000;
  return { reports: n, bytes, tokens, seconds: secs, peakMb: peakMb() };
}

let out: Record<string, unknown>;
if (mode === 'extract') {
  const lexicon = await loadLexicon();
  const jobs = Number(arg3 ?? 1);
  const cache = arg4 ? await ExtractCache.open(homePaths(arg4).cache, lexicon.version) : undefined;
  const t0 = performance.now();
  const r = await extractInputs([target!], lexicon, { jobs, cache });
  const t1 = performance.now();
  if (arg4) await writeGraph(r.graph, homePaths(arg4).graph);
  out = { reports: r.reports, seconds: (t1 - t0) / 1000, nodes: r.graph.nodes.length, edges: r.graph.edges.length, peakMb: peakMb(), cache: cache?.stats && { hits: cache.stats.hits, misses: cache.stats.misses } };
} else if (mode === 'build') {
  const { KuzuStore } = await import('../../src/store/kuzu-store.ts');
  const lexicon = await loadLexicon();
  const cache = await ExtractCache.open(homePaths(arg4!).cache, lexicon.version);
  const t0 = performance.now();
  const r = await extractInputs([target!], lexicon, { jobs: Number(arg3), cache });
  const t1 = performance.now();
  await writeGraph(r.graph, homePaths(arg4!).graph);
  const store = await KuzuStore.open({ home: arg4!, readOnly: false });
  const stats = await store.load(r.graph);
  await store.close();
  const t2 = performance.now();
  out = { reports: r.reports, seconds: (t2 - t0) / 1000, extractSeconds: (t1 - t0) / 1000, loadSeconds: (t2 - t1) / 1000, cache: { hits: cache.stats.hits, misses: cache.stats.misses }, written: stats, peakMb: peakMb() };
} else if (mode === 'floor-wink') {
  const { default: winkNLP } = await import('wink-nlp');
  const { default: model } = await import('wink-eng-lite-web-model');
  const nlp = winkNLP(model, []); // tokenization only: no pipeline components
  out = await floor((text) => nlp.readDoc(text).tokens().length());
} else if (mode === 'floor-own') {
  out = await floor((text) => tokenize(text).length);
} else if (mode === 'load') {
  const { KuzuStore } = await import('../../src/store/kuzu-store.ts');
  const { prepareQueryFile } = await import('../../src/store/cypher-files.ts');
  const doc = validateGraph(readGraphJson(target!), target!);
  const store = await KuzuStore.open({ home: arg3!, readOnly: false });
  const t0 = performance.now();
  const stats = await store.load(doc);
  const loadSecs = (performance.now() - t0) / 1000;
  const counts = await store.counts();
  const queries: Record<string, number> = {};
  const dir = path.resolve(import.meta.dirname, '../../cypher/queries');
  for (const f of (await readdir(dir)).filter((x) => x.endsWith('.cypher') && !x.endsWith('.kuzu.cypher')).sort()) {
    const q = prepareQueryFile(path.join(dir, f), 'embedded', {});
    const t = performance.now();
    await store.query(q.text, q.params, { maxRows: 1000 });
    queries[f] = Math.round(performance.now() - t);
  }
  await store.close();
  const nodes = Object.values(counts.nodes).reduce((a, b) => a + (b ?? 0), 0);
  const rels = Object.values(counts.relationships).reduce((a, b) => a + (b ?? 0), 0);
  out = { seconds: loadSecs, nodes, relationships: rels, created: stats.nodesCreated + stats.relationshipsCreated, queriesMs: queries, peakMb: peakMb() };
} else {
  throw new Error(`unknown mode ${mode}`);
}
process.stdout.write(`${JSON.stringify(out)}\n`);
