// `kg extract <inputs...> --out graph.json`: reports in, a validated graph document out.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { extractInputs } from '../../pipeline.ts';
import { loadLexicon } from '../../lexicon/load-lexicon.ts';
import { countInputFiles } from '../../ingest/read-inputs.ts';
import { writeGraph } from '../../model/graph-chunks.ts';
import { addExtractRunOptions, extractRunOptions, printCacheUse, type ExtractRunFlags } from '../extract-run.ts';
import { printGraphSummary, printSkipped, problemSkips, progressBar, say } from '../output.ts';
import { lexiconOption, maxFileOption, type CommonOptions } from '../options.ts';

export function registerExtract(program: Command, setExit: (code: number) => void): void {
  addExtractRunOptions(program
    .command('extract')
    .description('read reports (files or folders: .txt .md .html .json .jsonl) and write the graph document')
    .argument('[inputs...]', 'files or folders of reports', ['data/reports'])
    .option('-o, --out <file>', 'where to write the graph document (- for stdout)', '.reportgraph/graph.json')
    .addOption(lexiconOption())
    .addOption(maxFileOption())
    .option('--home <dir>', 'reportgraph home holding the extraction cache (default: REPORTGRAPH_HOME or .reportgraph)'))
    .action(async (inputs: string[], opts: CommonOptions & ExtractRunFlags & { out: string }) => {
      const lexicon = await loadLexicon(opts.lexicon);
      const files = await countInputFiles(inputs);
      const run = await extractRunOptions(opts, lexicon, files);
      const bar = progressBar(files, 'extracting');
      const result = await extractInputs(inputs, lexicon, { onFile: bar.tick, maxBytes: opts.maxFileMb * 1048576, ...run });
      bar.stop();
      if (opts.out === '-') await writeGraph(result.graph, process.stdout);
      else {
        await mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
        await writeGraph(result.graph, opts.out);
      }
      say(`kg extract: ${result.reports} reports read, ${result.skipped.length} files skipped${opts.out === '-' ? '' : `, wrote ${opts.out}`}`);
      printGraphSummary(result.graph);
      printCacheUse(run.cache);
      printSkipped(result.skipped);
      if (result.reports === 0) {
        say('  no reports found: give files or folders of .txt, .md, .html, .json or .jsonl reports');
        setExit(1);
      } else if (problemSkips(result.skipped).length > 0) setExit(2);
    });
}
