// `kg schema`: prints the graph model as JSON Schema, for tools that read our documents.
import type { Command } from 'commander';
import { graphJsonSchema } from '../../model/json-schema.ts';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of the graph document')
    .action(() => {
      process.stdout.write(`${JSON.stringify(graphJsonSchema(), null, 2)}\n`);
    });
}
