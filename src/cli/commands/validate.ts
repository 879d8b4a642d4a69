// `kg validate <graph.json>`: checks a graph document against the model, listing every problem.
import type { Command } from 'commander';
import { readGraphJson } from '../../model/read-graph-json.ts';
import { validateGraph } from '../../pipeline.ts';
import { ReportGraphError } from '../../errors.ts';
import { printGraphSummary, say } from '../output.ts';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a graph document against the graph model')
    .argument('<file>', 'graph document (JSON)')
    .action(async (file: string) => {
      let value: unknown;
      try {
        value = readGraphJson(file);
      } catch (err) {
        throw new ReportGraphError('E_GRAPH_INVALID', `${file}: cannot read as JSON: ${(err as Error).message}`);
      }
      const graph = validateGraph(value, file);
      say(`kg validate: ${file} is a valid graph document`);
      printGraphSummary(graph);
    });
}
