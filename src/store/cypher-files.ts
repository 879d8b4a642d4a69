// Reading the Cypher in cypher/: schema scripts (statements separated by ';'), files of named
// statements ("// name: upsert-Actor"), and query files with their declared parameters
// ("// @param actor "actor:russia" the actor's id") and store-specific variants (x.kuzu.cypher).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReportGraphError } from '../errors.ts';
import type { StoreKind } from './types.ts';

export const CYPHER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cypher');

const fileCache = new Map<string, string>();
function readCypher(file: string): string {
  let text = fileCache.get(file);
  if (text === undefined) {
    text = readFileSync(file, 'utf8');
    fileCache.set(file, text);
  }
  return text;
}

/** Drop `//` comment lines and trailing blanks and semicolons; the statement text is sent as is otherwise. */
function cleanStatement(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*\/\//.test(l))
    .join('\n')
    .trim()
    .replace(/;\s*$/, '')
    .trim();
}

/** The statements of a schema script, in order. Semicolons end statements only at the end of a line. */
export function schemaStatements(file: string): string[] {
  return readCypher(file)
    .split(/;[ \t]*(?:\r?\n|$)/)
    .map(cleanStatement)
    .filter((s) => s.length > 0);
}

/** The named statements of a file: `// name: x` opens statement x, which runs to the next name. */
export function namedStatements(file: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = readCypher(file).split(/^\/\/ name: *(\S+)[ \t]*$/m);
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    if (out.has(name)) throw new Error(`${file}: statement ${name} is named twice`);
    out.set(name, cleanStatement(parts[i + 1] ?? ''));
  }
  return out;
}

/** One named statement; a missing one is a bug in cypher/, reported with the file. */
export function statement(statements: Map<string, string>, name: string, file: string): string {
  const s = statements.get(name);
  if (!s) throw new Error(`${file}: no statement named ${name}`);
  return s;
}

export interface QueryParam {
  name: string;
  /** The default value, or undefined when the query needs the parameter given. */
  default: unknown;
  description: string;
}

/**
 * Parameters a query file declares, one per line: `// @param name <JSON default or "required"> description`.
 * The CLI fills defaults and names the missing ones; tests read the defaults.
 */
export function queryParams(text: string): QueryParam[] {
  const out: QueryParam[] = [];
  for (const m of text.matchAll(/^\/\/\s*@param\s+(\w+)\s+(required|"(?:[^"\\]|\\.)*"|\S+)\s*(.*)$/gm)) {
    const [, name, raw, description] = m;
    let value: unknown;
    if (raw !== 'required') {
      try {
        value = JSON.parse(raw!);
      } catch {
        throw new ReportGraphError('E_USAGE', `@param ${name}: default ${raw} is not JSON (write strings in double quotes)`);
      }
    }
    out.push({ name: name!, default: value, description: description ?? '' });
  }
  return out;
}

/** `x.kuzu.cypher` for the embedded store when it exists beside `x.cypher`; `x.cypher` for Neo4j. */
export function queryVariant(file: string, kind: StoreKind): string {
  const base = file.endsWith('.kuzu.cypher') ? file.slice(0, -'.kuzu.cypher'.length) : file.replace(/\.cypher$/, '');
  const kuzu = `${base}.kuzu.cypher`;
  const neo = `${base}.cypher`;
  if (kind === 'embedded' && existsSync(kuzu)) return kuzu;
  if (kind === 'neo4j' && file.endsWith('.kuzu.cypher') && existsSync(neo)) return neo;
  return file;
}

/** A query file's statement (comment lines dropped) with the parameters it declares. */
export function readQueryFile(file: string): { text: string; params: QueryParam[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ReportGraphError('E_INPUT_MISSING', `${file}: cannot read the query file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return { text: cleanStatement(text), params: queryParams(text) };
}

export interface PreparedQuery {
  /** The file that runs: the store's variant of the one asked for. */
  file: string;
  text: string;
  params: Record<string, unknown>;
}

/** The store's variant of a query file, with its declared defaults filled in under the given parameters; names what is missing. */
export function prepareQueryFile(file: string, kind: StoreKind, given: Record<string, unknown>): PreparedQuery {
  const chosen = queryVariant(file, kind);
  const { text, params } = readQueryFile(chosen);
  const values: Record<string, unknown> = {};
  for (const p of params) if (p.default !== undefined) values[p.name] = p.default;
  Object.assign(values, given);
  const missing = params.filter((p) => values[p.name] === undefined);
  if (missing.length > 0) {
    throw new ReportGraphError('E_USAGE', `${chosen} needs ${missing.map((p) => `--param ${p.name}=… (${p.description || 'no description'})`).join(' and ')}`);
  }
  return { file: chosen, text, params: values };
}
