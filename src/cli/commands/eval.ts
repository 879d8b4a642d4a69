// `kg eval --gold <dir> <reports...>`: extracts the reports and scores the graph against gold
// annotations (precision, recall, F1 per kind, event attribute accuracy, misses and false hits).
import type { Command } from 'commander';
import { extractInputs } from '../../pipeline.ts';
import { loadLexicon } from '../../lexicon/load-lexicon.ts';
import { compileLexicon } from '../../lexicon/compile-lexicon.ts';
import { evaluate, formatEval, readGoldDir } from '../../eval/index.ts';
import { ReportGraphError } from '../../errors.ts';
import { lexiconOption, maxFileOption, type CommonOptions } from '../options.ts';
import { printSkipped, say } from '../output.ts';

export function registerEval(program: Command, setExit: (code: number) => void): void {
  program
    .command('eval')
    .description('score the extractor against gold annotations (see README: the gold format)')
    .argument('<reports...>', 'files or folders of reports that the gold annotates')
    .requiredOption('--gold <dir>', 'folder of gold annotation files (one JSON per report)')
    .option('--json', 'print the result as JSON on stdout')
    .option('--details', 'also list every event attribute that differs')
    .addOption(lexiconOption())
    .addOption(maxFileOption())
    .action(async (inputs: string[], opts: CommonOptions & { gold: string; json?: boolean; details?: boolean }) => {
      const { gold, problems } = await readGoldDir(opts.gold);
      for (const p of problems) say(`  skipped gold ${p.file}: ${p.message}`);
      if (gold.length === 0) throw new ReportGraphError('E_USAGE', `${opts.gold}: no gold annotation files (*.json) found`);
      const lexicon = compileLexicon(await loadLexicon(opts.lexicon));
      const result = await extractInputs(inputs, lexicon, { maxBytes: opts.maxFileMb * 1048576 });
      const scored = evaluate(result.graph, gold, lexicon);
      if (opts.json) process.stdout.write(`${JSON.stringify(scored, null, 2)}\n`);
      else process.stdout.write(formatEval(scored, { details: !!opts.details }));
      say(`kg eval: ${result.reports} reports extracted, ${gold.length} gold files, macro-F1 ${scored.macroF1.toFixed(2)}`);
      printSkipped(result.skipped);
      if (problems.length > 0) setExit(2);
    });
}
