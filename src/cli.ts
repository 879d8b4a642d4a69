// The command line: parse arguments, call the library, print, set the exit code. The only place
// that exits. Exit codes: 0 done; 1 failed (message on stderr); 2 done, but some files were skipped.
import { Command, CommanderError } from 'commander';
import { ReportGraphError } from './errors.ts';
import { registerExtract } from './cli/commands/extract.ts';
import { registerSchema } from './cli/commands/schema.ts';
import { registerValidate } from './cli/commands/validate.ts';
import { registerLexicon } from './cli/commands/lexicon.ts';
import { registerExport } from './cli/commands/export.ts';
import { registerLoad } from './cli/commands/load.ts';
import { registerBuild } from './cli/commands/build.ts';
import { registerQuery } from './cli/commands/query.ts';
import { registerEval } from './cli/commands/eval.ts';
import { registerServe } from './cli/commands/serve.ts';

let exitCode = 0;
const setExit = (code: number) => {
  exitCode = Math.max(exitCode, code);
};

const program = new Command()
  .name('kg')
  .description('reportgraph: who accuses, condemns or calls on whom, from conflict and human-rights reports')
  .showHelpAfterError()
  .exitOverride();

registerExtract(program, setExit);
registerSchema(program);
registerValidate(program);
registerLexicon(program);
registerExport(program);
registerLoad(program);
registerBuild(program, setExit);
registerQuery(program);
registerEval(program, setExit);
registerServe(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    exitCode = err.exitCode === 0 ? 0 : 1;
  } else if (err instanceof ReportGraphError) {
    process.stderr.write(`kg: ${err.message} [${err.code}]\n`);
    exitCode = 1;
  } else {
    process.stderr.write(`kg: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
    exitCode = 1;
  }
}
process.exitCode = exitCode;
