// `kg build <reports...>`: extract and load in one step. Writes <home>/graph.json (so `kg load`
// can load it again, elsewhere too) and loads it into the store.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { homePaths, resolveHome } from '../../config.ts';
import { countInputFiles } from '../../ingest/read-inputs.ts';
import { loadLexicon } from '../../lexicon/load-lexicon.ts';
import { writeGraph } from '../../model/graph-chunks.ts';
import { extractInputs } from '../../pipeline.ts';
import { lexiconOption, maxFileOption, type CommonOptions } from '../options.ts';
import { addExtractRunOptions, extractRunOptions, printCacheUse, type ExtractRunFlags } from '../extract-run.ts';
import { printGraphSummary, printSkipped, problemSkips, progressBar, say } from '../output.ts';
import { addStoreOptions, describeStore, loadWithProgress, openStoreFor, printLoad, shownPath, type StoreOptions } from './load.ts';

export function registerBuild(program: Command, setExit: (code: number) => void): void {
  addStoreOptions(
    addExtractRunOptions(program
      .command('build')
      .description('extract reports and load the graph into a store in one step (writes <home>/graph.json too)')
      .argument('<inputs...>', 'files or folders of reports')
      .addOption(lexiconOption())
      .addOption(maxFileOption())),
  )
    .option('--rebuild', 'embedded store: delete it first (after a reportgraph upgrade, or to start clean)')
    .action(async (inputs: string[], opts: CommonOptions & StoreOptions & ExtractRunFlags & { rebuild?: boolean }) => {
      const lexicon = await loadLexicon(opts.lexicon);
      const files = await countInputFiles(inputs);
      const run = await extractRunOptions(opts, lexicon, files);
      const bar = progressBar(files, 'extracting');
      const result = await extractInputs(inputs, lexicon, { onFile: bar.tick, maxBytes: opts.maxFileMb * 1048576, ...run });
      bar.stop();
      const graphFile = homePaths(resolveHome(opts.home)).graph;
      say(`kg build: ${result.reports} reports read, ${result.skipped.length} files skipped, wrote ${shownPath(graphFile)}`);
      printGraphSummary(result.graph);
      printCacheUse(run.cache);
      printSkipped(result.skipped);
      if (result.reports === 0) {
        say('  no reports found: give files or folders of .txt, .md, .html, .json or .jsonl reports; nothing loaded');
        setExit(1);
        return;
      }
      await mkdir(path.dirname(graphFile), { recursive: true });
      await writeGraph(result.graph, graphFile);
      const store = await openStoreFor(opts, false, opts.rebuild);
      try {
        say(`  loading into ${describeStore(opts)}`);
        const { stats, seconds } = await loadWithProgress(store, result.graph);
        await printLoad(store, stats, seconds);
      } finally {
        await store.close();
      }
      if (problemSkips(result.skipped).length > 0) setExit(2);
    });
}
