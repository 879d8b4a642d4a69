// `cypher`: a script of parameter-free MERGE statements that rebuilds the selection in Neo4j
// (`cypher-shell -f export.cypher`): the same nodes and relationships as the `csv` export, keyed so
// a second run changes nothing. Every value is a literal written by cypherString/cypherValue, one
// statement per line; labels, relationship types and property keys come only from the model's
// fixed lists, never from the data.
import { ReportGraphError } from '../errors.ts';
import type { GraphDocument } from '../model/schema.ts';
import { EDGE_TYPES, NODE_LABELS } from '../model/vocab.ts';
import { CLAIM_KEY, isClaimType, nodeProperties, relationshipRows, type Neo4jValue } from './neo4j-properties.ts';

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

/** A float property stays a float in Neo4j: 35 is written 35.0. */
function cypherNumber(n: number, float: boolean): string {
  if (!Number.isFinite(n)) throw new ReportGraphError('E_EXPORT', `cannot write ${n} as a Cypher literal`);
  const text = String(n);
  return float && Number.isInteger(n) && !/e/i.test(text) ? `${text}.0` : text;
}

const FLOAT_KEYS = new Set(['lat', 'lon']);

function cypherValue(key: string, value: Neo4jValue): string {
  if (Array.isArray(value)) return `[${value.map(cypherString).join(', ')}]`;
  if (typeof value === 'number') return cypherNumber(value, FLOAT_KEYS.has(key));
  return cypherString(value);
}

/** Property keys are fixed camelCase names from neo4j-properties.ts; backticks keep keywords such as `end` plain keys. */
function cypherMap(props: Record<string, Neo4jValue>): string {
  const entries = Object.entries(props).map(([k, v]) => {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(k)) throw new Error(`property key ${k} is not a plain name`);
    return `\`${k}\`: ${cypherValue(k, v)}`;
  });
  return `{${entries.join(', ')}}`;
}

function checkVocab<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new ReportGraphError('E_EXPORT', `${what} ${JSON.stringify(value)} is not in the model's vocabulary`);
  return value as T;
}

export function toCypher(doc: GraphDocument): string {
  const labelOf = new Map(doc.nodes.map((n) => [n.id, checkVocab(n.label, NODE_LABELS, 'label')]));
  const rows = doc.edges.flatMap((e) => relationshipRows(e));
  const lines = [
    `// reportgraph export: ${doc.nodes.length} nodes, ${doc.edges.length} relationships (${rows.length} in Neo4j: claims are one per supporting sentence).`,
    '// Run with: cypher-shell -f <this file>. Every statement is a MERGE on ids (claims also on the sentence:',
    '// source, start, end), so running it again changes nothing. One statement per line; no parameters.',
    ...NODE_LABELS.filter((l) => doc.nodes.some((n) => n.label === l)).map(
      (l) => `CREATE CONSTRAINT reportgraph_${l.toLowerCase()}_id IF NOT EXISTS FOR (n:${l}) REQUIRE n.\`id\` IS UNIQUE;`,
    ),
  ];
  for (const node of doc.nodes) {
    const { id, ...props } = nodeProperties(node);
    const set = Object.keys(props).length ? ` SET n += ${cypherMap(props)}` : '';
    lines.push(`MERGE (n:${labelOf.get(node.id)} {\`id\`: ${cypherString(id as string)}})${set};`);
  }
  for (const row of rows) {
    const type = checkVocab(row.type, EDGE_TYPES, 'relationship type');
    const key: Record<string, Neo4jValue> = {};
    const rest: Record<string, Neo4jValue> = {};
    for (const [k, v] of Object.entries(row.properties)) {
      if (isClaimType(type) && (CLAIM_KEY as readonly string[]).includes(k)) key[k] = v;
      else rest[k] = v;
    }
    const keyMap = Object.keys(key).length ? ` ${cypherMap(key)}` : '';
    const set = Object.keys(rest).length ? ` SET r += ${cypherMap(rest)}` : '';
    lines.push(
      `MATCH (a:${labelOf.get(row.from)} {\`id\`: ${cypherString(row.from)}}), (b:${labelOf.get(row.to)} {\`id\`: ${cypherString(row.to)}}) ` +
        `MERGE (a)-[r:${type}${keyMap}]->(b)${set};`,
    );
  }
  return `${lines.join('\n')}\n`;
}
