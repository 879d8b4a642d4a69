// `kg lexicon check [--lexicon dir]`: validates the knowledge files and prints their sizes.
import type { Command } from 'commander';
import { loadLexicon } from '../../lexicon/load-lexicon.ts';
import { lexiconOption } from '../options.ts';
import { say } from '../output.ts';

export function registerLexicon(program: Command): void {
  const lex = program.command('lexicon').description('work with the lexicon files in data/lexicons');
  lex
    .command('check')
    .description('validate every lexicon file against its schema')
    .addOption(lexiconOption())
    .action(async (opts: { lexicon: string }) => {
      const l = await loadLexicon(opts.lexicon);
      const aliases = l.actors.reduce((n, a) => n + a.aliases.length + a.caseSensitive.length + a.adjectives.length + 1, 0);
      say(`kg lexicon check: ${opts.lexicon} is valid (version ${l.version})`);
      say(`  actors ${l.actors.length} (${aliases} names), places ${l.places.length}, event triggers ${l.triggers.length}, claim cues ${l.cues.length}`);
      say(`  boilerplate rules ${l.ingest.lines.length + l.ingest.inline.length + l.ingest.tails.length}, outlet signatures ${l.ingest.outlets.length}`);
    });
}
