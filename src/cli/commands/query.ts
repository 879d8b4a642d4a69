// `kg query "<cypher>" | --file f.cypher [--param k=v ...] [--format table|json|csv]`: Cypher
// against the store, read-only unless --write. A query file runs in the store's dialect variant
// (x.kuzu.cypher on the embedded store) with the defaults it declares.
import { Option, type Command } from 'commander';
import { ReportGraphError } from '../../errors.ts';
import { prepareQueryFile } from '../../store/cypher-files.ts';
import { formatResult, RESULT_FORMATS, type ResultFormat } from '../../store/format-result.ts';
import { say } from '../output.ts';
import { addStoreOptions, openStoreFor, type StoreOptions } from './load.ts';

/** `k=v`: v as JSON when it reads as JSON (10, true, null, "quoted", [1,2]), else as the plain string (actor:russia). */
export function parseParam(text: string, previous: Record<string, unknown> = {}): Record<string, unknown> {
  const eq = text.indexOf('=');
  const name = text.slice(0, eq);
  if (eq < 1 || !/^[A-Za-z_]\w*$/.test(name)) throw new ReportGraphError('E_USAGE', `--param takes name=value, not "${text}"`);
  const raw = text.slice(eq + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // a plain string
  }
  return { ...previous, [name]: value };
}

function positiveInt(flag: string) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new ReportGraphError('E_USAGE', `${flag} takes a positive whole number, not "${v}"`);
    return n;
  };
}

interface QueryOpts extends StoreOptions {
  file?: string;
  param: Record<string, unknown>;
  format: ResultFormat;
  write?: boolean;
  maxRows?: number;
  timeout?: number;
}

export function registerQuery(program: Command): void {
  addStoreOptions(
    program
      .command('query')
      .description('run Cypher against the store (read-only unless --write); results to stdout')
      .argument('[cypher]', 'the query (or --file)')
      .option('-f, --file <file>', 'a .cypher file, e.g. cypher/queries/who-accuses-whom.cypher (the store picks its variant)')
      .option('-p, --param <name=value>', 'a query parameter; repeat for several (JSON values: 10, true, "text", [1,2])', parseParam, {})
      .addOption(new Option('--format <format>', 'output format').choices(RESULT_FORMATS).default('table'))
      .option('--write', 'allow the query to change the store')
      .option('--max-rows <n>', 'stop after this many rows', positiveInt('--max-rows'))
      .option('--timeout <ms>', 'give up after this many milliseconds', positiveInt('--timeout')),
  ).action(async (cypher: string | undefined, opts: QueryOpts) => {
    if (!!cypher === !!opts.file) throw new ReportGraphError('E_USAGE', 'give a query, or --file with a .cypher file (not both)');
    let text = cypher ?? '';
    let params = opts.param;
    if (opts.file) {
      const q = prepareQueryFile(opts.file, opts.store, opts.param);
      if (q.file !== opts.file) say(`kg query: running ${q.file} (the ${opts.store} store's variant)`);
      text = q.text;
      params = q.params;
    }
    const store = await openStoreFor(opts, !opts.write);
    try {
      const result = await store.query(text, params, { write: opts.write, maxRows: opts.maxRows, timeoutMs: opts.timeout });
      const { text: out, cut } = formatResult(result, opts.format);
      process.stdout.write(out);
      const notes = [result.truncated ? `stopped at --max-rows ${opts.maxRows}` : '', cut ? 'long cells cut: --format json or csv prints them whole' : ''].filter(Boolean);
      say(`${result.rows.length} row${result.rows.length === 1 ? '' : 's'}${notes.length ? ` (${notes.join('; ')})` : ''}`);
    } finally {
      await store.close();
    }
  });
}
