// `cypher`: a script of parameter-free statements that rebuilds the selection in Neo4j
// (`cypher-shell -f export.cypher`) as the very database `kg load --store neo4j` builds: the same
// schema statements first, then the stored model's rows (src/export/neo4j-rows.ts), each MERGEd on
// what the store merges on (nodes on id, claim relationships on their evidence key, others on
// their ends) and given the row's properties with `SET x = {…}`, as the store's load does, so a
// second run, or a later `kg load`, changes nothing. Every value is a literal written by
// cypherString / cypherValue, one statement per line; labels, relationship types and property keys
// come only from the model's fixed lists, never from the data.
import { ReportGraphError } from '../errors.ts';
import type { GraphDocument } from '../model/schema.ts';
import { NODE_LABELS } from '../model/vocab.ts';
import { isClaimType, NODE_COLUMNS, relColumns, type Column } from '../store/stored-model.ts';
import { neo4jRows, presentProperties, type PresentValue } from './neo4j-rows.ts';

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function u4(code: number): string {
  return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A single-quoted Cypher string literal for any string. Quotes, backslashes and line breaks use
 * their letter escapes; other control characters, line/paragraph separators and lone surrogates
 * use \uXXXX. A `u` or `U` right after a backslash is written \u0075 / \u0055, so the text `\u0027` can never
 * become an escape, whether or not the server expands \u escapes before it reads string literals.
 */
export function cypherString(s: string): string {
  let out = "'";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const code = s.charCodeAt(i);
    const simple = SIMPLE_ESCAPES[ch];
    if (simple) out += simple;
    else if ((ch === 'u' || ch === 'U') && s[i - 1] === '\\') out += u4(code);
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) out += u4(code);
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + s[i + 1]!;
        i++;
      } else out += u4(code);
    } else if (code >= 0xdc00 && code <= 0xdfff) out += u4(code);
    else out += ch;
  }
  return `${out}'`;
}

function cypherInteger(n: number): string {
  if (!Number.isSafeInteger(n)) throw new ReportGraphError('E_EXPORT', `cannot write ${n} as a Cypher integer`);
  return String(n);
}

/** A float property stays a float in Neo4j: 35 is written 35.0. */
function cypherFloat(n: number): string {
  if (!Number.isFinite(n)) throw new ReportGraphError('E_EXPORT', `cannot write ${n} as a Cypher literal`);
  const text = String(n);
  return Number.isInteger(n) && !/e/i.test(text) ? `${text}.0` : text;
}

/** A value typed by its stored column: integers, floats, `date('YYYY-MM-DD')`, strings and lists of them. */
function cypherValue(col: Column, value: PresentValue): string {
  switch (col.type) {
    case 'string':
      return cypherString(value as string);
    case 'int':
      return cypherInteger(value as number);
    case 'float':
      return cypherFloat(value as number);
    case 'date':
      return `date(${cypherString(value as string)})`;
    case 'string[]':
      return `[${(value as string[]).map(cypherString).join(', ')}]`;
    case 'int[]':
      return `[${(value as number[]).map(cypherInteger).join(', ')}]`;
  }
}

/** Property keys are the stored model's fixed camelCase names; backticks keep keywords such as `end` plain keys. */
function key(name: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`property key ${name} is not a plain name`);
  return `\`${name}\``;
}

function cypherMap(entries: [Column, PresentValue][]): string {
  return `{${entries.map(([c, v]) => `${key(c.name)}: ${cypherValue(c, v)}`).join(', ')}}`;
}

/** A uniqueness constraint on id per label, named as cypher/schema.cypher names them: what the script opens with unless given the full schema. */
export const ID_CONSTRAINTS: readonly string[] = NODE_LABELS.map((l) => `CREATE CONSTRAINT ${l.toLowerCase()}_id IF NOT EXISTS FOR (n:${l}) REQUIRE n.id IS UNIQUE`);

export interface CypherOptions {
  /** Schema statements to open with: the CLI passes cypher/schema.cypher's (what `kg load --store neo4j` runs first). */
  schema?: readonly string[];
}

export function toCypher(doc: GraphDocument, opts: CypherOptions = {}): string {
  const { nodes, rels } = neo4jRows(doc);
  const nodeCount = nodes.reduce((n, [, r]) => n + r.length, 0);
  const relCount = rels.reduce((n, [, r]) => n + r.length, 0);
  const lines = [
    `// reportgraph export: ${nodeCount} nodes and ${relCount} relationships, the stored model of ${doc.edges.length} graph edges`,
    '// (claims one relationship per supporting sentence, and MENTIONS from each report to what it names).',
    '// Run with: cypher-shell -f <this file>. Nodes MERGE on id, claims on their sentence key, other',
    '// relationships on their ends; SET replaces the properties, so running it again changes nothing.',
    ...(opts.schema ?? ID_CONSTRAINTS).map((s) => `${s.replace(/\s*\n\s*/g, ' ').trim()};`),
  ];
  for (const [label, rows] of nodes) {
    for (const n of rows) {
      lines.push(`MERGE (n:${label} {\`id\`: ${cypherString(n.id)}}) SET n = ${cypherMap(presentProperties(n.props, NODE_COLUMNS[label]))};`);
    }
  }
  for (const [type, rows] of rels) {
    const columns = relColumns(type);
    for (const r of rows) {
      const merge = isClaimType(type) ? `[r:${type} {\`key\`: ${cypherString(r.key)}}]` : `[r:${type}]`;
      const props = presentProperties(r.props, columns);
      const set = props.length > 0 ? ` SET r = ${cypherMap(props)}` : '';
      lines.push(
        `MATCH (a:${r.fromLabel} {\`id\`: ${cypherString(r.from)}}), (b:${r.toLabel} {\`id\`: ${cypherString(r.to)}}) MERGE (a)-${merge}->(b)${set};`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
