// Independent readers for the export tests: an RFC 4180 CSV parser with neo4j-admin's header and
// value rules, a lexer and parser for the Cypher subset the cypher export writes (with Neo4j's
// string escapes), a tiny MERGE interpreter, the same statements rebuilt for Kuzu, and mappings
// from what Neo4j or a graph-drawing tool would hold back to stored rows or a graph document, so
// every format can be checked by a full round trip.
import type { AbstractGraph } from 'graphology-types';
import neo4j, { type Date, type Integer } from 'neo4j-driver';
import type { Evidence, GraphDocument, GraphEdge, GraphNode } from '../../../src/model/schema.ts';
import { GRAPH_VERSION, GraphDocument as GraphDocumentSchema } from '../../../src/model/schema.ts';
import type { NodeLabel } from '../../../src/model/vocab.ts';
import type { StoredRows, StoredScalar } from '../../../src/store/graph-rows.ts';
import { isClaimType, NODE_COLUMNS, relColumns, type Column, type RelType } from '../../../src/store/stored-model.ts';

// ---------------------------------------------------------------- CSV (RFC 4180, multi-line)

export interface CsvCell {
  text: string;
  quoted: boolean;
}

export function parseCsv(content: string): CsvCell[][] {
  const rows: CsvCell[][] = [];
  let row: CsvCell[] = [];
  let i = 0;
  const n = content.length;
  while (i < n) {
    let text = '';
    let quoted = false;
    if (content[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (i >= n) throw new Error('CSV: unterminated quoted field');
        const c = content[i]!;
        if (c === '"') {
          if (content[i + 1] === '"') {
            text += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += c;
        i++;
      }
      if (i < n && content[i] !== ',' && content[i] !== '\n') throw new Error(`CSV: text after a closing quote at ${i}`);
    } else {
      while (i < n && content[i] !== ',' && content[i] !== '\n') {
        if (content[i] === '"') throw new Error(`CSV: quote inside an unquoted field at ${i}`);
        if (content[i] === '\r') throw new Error(`CSV: raw CR in an unquoted field at ${i}`);
        text += content[i];
        i++;
      }
    }
    row.push({ text, quoted });
    if (content[i] === ',') i++;
    else {
      rows.push(row);
      row = [];
      i++;
    }
  }
  return rows;
}

/** neo4j-admin header fields: `name:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, `name`, `name:type`, `name:type[]`. */
export const NEO4J_HEADER_FIELD = /^(?:([A-Za-z_][A-Za-z0-9_]*)?:(ID|LABEL|START_ID|END_ID|TYPE)|([A-Za-z_][A-Za-z0-9_]*)(?::(int|long|float|double|boolean|byte|short|char|string|date|datetime|point)(\[\])?)?)$/;

// ---------------------------------------------------------------- a Neo4j database, simulated

/** A property value as Neo4j holds it, in neo4j-driver's types: Integer, Float (a JS number), Date, String, lists. */
export type SimValue = string | number | Integer | Date<number | Integer> | SimValue[];

export interface SimNode {
  label: string;
  props: Record<string, SimValue>;
}
export interface SimRel {
  type: string;
  from: string;
  to: string;
  props: Record<string, SimValue>;
}
export interface SimDb {
  nodes: Map<string, SimNode>;
  rels: SimRel[];
}

const neoDate = (text: string): Date<Integer> => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a date: ${text}`);
  return new neo4j.types.Date(neo4j.int(Number(m[1])), neo4j.int(Number(m[2])), neo4j.int(Number(m[3])));
};

/**
 * What `neo4j-admin database import full --id-type=string --array-delimiter=U+001F` builds from the
 * csv export, by the importer's rules (org.neo4j.internal.batchimport.input.csv.CsvInputParser and
 * org.neo4j.csv.reader.Extractors): an empty field is no value, except a quoted "" for a string,
 * which is ''; a list field with nothing in it (empty, or a quoted "") is no value either; `long`
 * and `date` become Integer and Date, `double` a Float.
 */
export function importNeo4jCsv(files: { name: string; content: string }[], arrayDelimiter: string): SimDb {
  const db: SimDb = { nodes: new Map(), rels: [] };
  for (const f of files.filter((x) => x.name.endsWith('.csv'))) {
    const [header, ...rows] = parseCsv(f.content);
    const fields = header!.map((h) => {
      if (h.quoted) throw new Error(`${f.name}: header fields are written unquoted`);
      const m = NEO4J_HEADER_FIELD.exec(h.text);
      if (!m) throw new Error(`${f.name}: "${h.text}" is not a neo4j-admin header field`);
      return m[2] ? { role: m[2], name: m[1] } : { role: 'property', name: m[3]!, type: m[4] ?? 'string', array: !!m[5] };
    });
    for (const row of rows) {
      if (row.length !== fields.length) throw new Error(`${f.name}: a row has ${row.length} fields, the header ${fields.length}`);
      const props: Record<string, SimValue> = {};
      let id = '', label = '', start = '', end = '', type = '';
      row.forEach((cell, i) => {
        const fd = fields[i]!;
        if (fd.role === 'ID') {
          id = cell.text;
          if (fd.name) props[fd.name] = cell.text;
        } else if (fd.role === 'LABEL') label = cell.text;
        else if (fd.role === 'START_ID') start = cell.text;
        else if (fd.role === 'END_ID') end = cell.text;
        else if (fd.role === 'TYPE') type = cell.text;
        else {
          if (cell.text === '' && (fd.array || !cell.quoted || fd.type !== 'string')) return; // no value
          if (fd.type === 'string' && !cell.quoted) throw new Error(`${f.name}: string ${fd.name} "${cell.text}" is not quoted (neo4j-admin would trim it)`);
          const convert = (t: string): SimValue => {
            if (fd.type === 'long' || fd.type === 'int') {
              if (!/^-?\d+$/.test(t)) throw new Error(`${f.name}: ${fd.name} "${t}" is not an integer`);
              return neo4j.int(t);
            }
            if (fd.type === 'double' || fd.type === 'float') {
              if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t)) throw new Error(`${f.name}: ${fd.name} "${t}" is not a number`);
              return Number(t);
            }
            if (fd.type === 'date') return neoDate(t);
            if (fd.type !== 'string') throw new Error(`${f.name}: the export writes no ${fd.type} column`);
            return t;
          };
          props[fd.name!] = fd.array ? cell.text.split(arrayDelimiter).map(convert) : convert(cell.text);
        }
      });
      if (fields.some((x) => x.role === 'ID')) {
        if (db.nodes.has(id)) throw new Error(`${f.name}: duplicate node id ${id}`);
        db.nodes.set(id, { label, props });
      } else db.rels.push({ type, from: start, to: end, props });
    }
  }
  for (const r of db.rels) if (!db.nodes.has(r.from) || !db.nodes.has(r.to)) throw new Error(`relationship ${r.type} ${r.from}->${r.to} has a missing end`);
  return db;
}

/** A Neo4j value in a form toEqual compares by type and value: 35 (Integer) and 35.0 (Float) differ. */
export function typed(v: unknown): unknown {
  if (neo4j.isInt(v)) return { long: v.toString() };
  if (neo4j.isDate(v)) return { date: v.toString() };
  if (typeof v === 'number') return { double: v };
  if (Array.isArray(v)) return v.map(typed);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typed(x)]));
  return v;
}

/** The database as comparable data: nodes by id with label and typed properties, relationships sorted. */
export function simDbContents(db: SimDb): { nodes: Record<string, unknown>; rels: unknown[] } {
  const nodes = Object.fromEntries([...db.nodes.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, n]) => [id, { label: n.label, props: typed(n.props) }]));
  const rels = db.rels.map((r) => ({ type: r.type, from: r.from, to: r.to, props: typed(r.props) }));
  rels.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return { nodes, rels };
}

// ---------------------------------------------------------------- Cypher: lexer, parser, MERGE

type Tok = { t: 'str'; v: string } | { t: 'num'; v: number; float: boolean } | { t: 'id'; v: string } | { t: 'bt'; v: string } | { t: 'p'; v: string };

/**
 * How the server may treat \uXXXX before reading string literals: not at all, as Java does
 * (a backslash preceded by an even number of backslashes starts one), or naively everywhere.
 */
export type UnicodePass = 'none' | 'java' | 'naive';

function unicodePass(src: string, mode: UnicodePass): string {
  if (mode === 'none') return src;
  let out = '';
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '\\' && src[i + 1] === 'u') {
      let k = i - 1;
      let backslashes = 0;
      while (k >= 0 && src[k] === '\\') {
        backslashes++;
        k--;
      }
      const m = /^u+([0-9a-fA-F]{4})/.exec(src.slice(i + 1));
      if (m && (mode === 'naive' || backslashes % 2 === 0)) {
        out += String.fromCharCode(parseInt(m[1]!, 16));
        i += m[0].length;
        continue;
      }
    }
    out += src[i];
  }
  return out;
}

const ESC: Record<string, string> = { t: '\t', b: '\b', n: '\n', r: '\r', f: '\f', "'": "'", '"': '"', '\\': '\\' };

export function lexCypher(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '/' && src[i + 1] === '/') while (i < src.length && src[i] !== '\n') i++;
    else if (c === "'" || c === '"') {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error('Cypher: unterminated string');
        const d = src[i]!;
        if (d === c) {
          i++;
          break;
        }
        if (d === '\\') {
          const e = src[i + 1]!;
          if (e === 'u') {
            const hex = src.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Error(`Cypher: bad \\u escape ${hex}`);
            v += String.fromCharCode(parseInt(hex, 16));
            i += 6;
          } else if (ESC[e] !== undefined) {
            v += ESC[e];
            i += 2;
          } else throw new Error(`Cypher: invalid escape \\${e}`);
        } else {
          v += d;
          i++;
        }
      }
      toks.push({ t: 'str', v });
    } else if (c === '`') {
      let v = '';
      i++;
      for (;;) {
        if (src[i] === '`' && src[i + 1] === '`') {
          v += '`';
          i += 2;
        } else if (src[i] === '`') {
          i++;
          break;
        } else if (i >= src.length) throw new Error('Cypher: unterminated backtick name');
        else v += src[i++];
      }
      toks.push({ t: 'bt', v });
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(src[i + 1] ?? '') && toks.at(-1)?.t === 'p' && /[:,[(]/.test((toks.at(-1) as { v: string }).v))) {
      const m = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(src.slice(i))!;
      toks.push({ t: 'num', v: Number(m[0]), float: !!(m[1] || m[2]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      toks.push({ t: 'id', v: m[0] });
      i += m[0].length;
    } else if (src.startsWith('->', i) || src.startsWith('+=', i)) {
      toks.push({ t: 'p', v: src.slice(i, i + 2) });
      i += 2;
    } else if ('(){}[]:,;.-=|'.includes(c)) {
      toks.push({ t: 'p', v: c });
      i++;
    } else throw new Error(`Cypher: unexpected character ${JSON.stringify(c)} at ${i}`);
  }
  return toks;
}

/** A literal as the script wrote it, typed: integer, float, date('…'), string, or a list of them. */
export type CypherLiteral = string | { int: number } | { float: number } | { date: string } | CypherLiteral[];
export type CypherMap = Record<string, CypherLiteral>;

export type CypherStatement =
  | { kind: 'schema'; text: string }
  | { kind: 'node'; label: string; key: CypherMap; set: CypherMap | null }
  | { kind: 'rel'; a: { label: string; key: CypherMap }; b: { label: string; key: CypherMap }; type: string; key: CypherMap; set: CypherMap | null };

/**
 * Parses exactly the statement shapes the cypher export writes, anything else is an error:
 * `CREATE CONSTRAINT|INDEX|FULLTEXT INDEX …` (kept as text), `MERGE (n:L {id: …}) SET n = {…}`, and
 * `MATCH (a:L {id: …}), (b:L {id: …}) MERGE (a)-[r:T {key: …}]->(b) SET r = {…}` (key and SET optional).
 */
export function parseCypherScript(src: string, mode: UnicodePass = 'none'): CypherStatement[] {
  const toks = lexCypher(unicodePass(src, mode));
  let p = 0;
  const peek = () => toks[p];
  const isP = (v: string) => peek()?.t === 'p' && (peek() as { v: string }).v === v;
  const next = () => {
    const t = toks[p++];
    if (!t) throw new Error('Cypher: unexpected end');
    return t;
  };
  const expect = (t: Tok['t'], v?: string) => {
    const tok = next();
    if (tok.t !== t || (v !== undefined && (tok as { v: unknown }).v !== v)) throw new Error(`Cypher: expected ${v ?? t}, got ${JSON.stringify(tok)}`);
    return tok;
  };
  const kw = (v: string) => {
    const tok = next();
    if (tok.t !== 'id' || tok.v.toUpperCase() !== v) throw new Error(`Cypher: expected ${v}, got ${JSON.stringify(tok)}`);
  };
  const name = () => {
    const tok = next();
    if (tok.t !== 'id' && tok.t !== 'bt') throw new Error(`Cypher: expected a name, got ${JSON.stringify(tok)}`);
    return tok.v;
  };
  const value = (): CypherLiteral => {
    const tok = next();
    if (tok.t === 'str') return tok.v;
    if (tok.t === 'num') return tok.float ? { float: tok.v } : { int: tok.v };
    if (tok.t === 'id' && tok.v === 'date') {
      expect('p', '(');
      const text = expect('str').v as string;
      expect('p', ')');
      return { date: text };
    }
    if (tok.t === 'p' && tok.v === '[') {
      const items: CypherLiteral[] = [];
      if (isP(']')) {
        next();
        return items;
      }
      for (;;) {
        items.push(value());
        const sep = expect('p');
        if (sep.v === ']') return items;
        if (sep.v !== ',') throw new Error('Cypher: expected , or ] in a list');
      }
    }
    throw new Error(`Cypher: expected a value, got ${JSON.stringify(tok)}`);
  };
  const map = (): CypherMap => {
    expect('p', '{');
    const out: CypherMap = {};
    if (isP('}')) {
      next();
      return out;
    }
    for (;;) {
      const k = name();
      expect('p', ':');
      if (k in out) throw new Error(`Cypher: key ${k} twice in a map`);
      out[k] = value();
      const sep = expect('p');
      if (sep.v === '}') return out;
      if (sep.v !== ',') throw new Error('Cypher: expected , or } in a map');
    }
  };
  const nodePattern = (variable: string) => {
    expect('p', '(');
    expect('id', variable);
    expect('p', ':');
    const label = name();
    const key = map();
    expect('p', ')');
    return { label, key };
  };
  const setClause = (variable: string): CypherMap | null => {
    const tok = peek();
    if (tok?.t === 'id' && tok.v.toUpperCase() === 'SET') {
      next();
      expect('id', variable);
      expect('p', '=');
      return map();
    }
    return null;
  };

  const out: CypherStatement[] = [];
  while (p < toks.length) {
    const first = p;
    const head = next();
    if (head.t !== 'id') throw new Error(`Cypher: a statement starts with ${JSON.stringify(head)}`);
    const verb = head.v.toUpperCase();
    if (verb === 'CREATE') {
      const what = name().toUpperCase();
      if (!['CONSTRAINT', 'INDEX', 'FULLTEXT'].includes(what)) throw new Error(`Cypher: CREATE ${what} is not a schema statement`);
      while (!isP(';')) next();
      out.push({ kind: 'schema', text: toks.slice(first, p).map((t) => ('v' in t ? String(t.v) : '')).join(' ') });
    } else if (verb === 'MERGE') {
      const { label, key } = nodePattern('n');
      out.push({ kind: 'node', label, key, set: setClause('n') });
    } else if (verb === 'MATCH') {
      const a = nodePattern('a');
      expect('p', ',');
      const b = nodePattern('b');
      kw('MERGE');
      expect('p', '(');
      expect('id', 'a');
      expect('p', ')');
      expect('p', '-');
      expect('p', '[');
      expect('id', 'r');
      expect('p', ':');
      const type = name();
      const key = isP('{') ? map() : {};
      expect('p', ']');
      expect('p', '->');
      expect('p', '(');
      expect('id', 'b');
      expect('p', ')');
      out.push({ kind: 'rel', a, b, type, key, set: setClause('r') });
    } else throw new Error(`Cypher: unexpected statement ${head.v}`);
    expect('p', ';');
  }
  return out;
}

/** A literal as neo4j-driver would hand the stored value back. */
export function neo4jValue(v: CypherLiteral): SimValue {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(neo4jValue);
  if ('int' in v) return neo4j.int(v.int);
  if ('float' in v) return v.float;
  return neoDate(v.date);
}

const neo4jMap = (m: CypherMap) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, neo4jValue(v)]));
const matches = (key: CypherMap, props: Record<string, SimValue>) => Object.entries(key).every(([k, v]) => JSON.stringify(typed(props[k])) === JSON.stringify(typed(neo4jValue(v))));

/** Runs the statements against `db` with Neo4j's semantics: MERGE matches on the pattern's properties or creates, `SET x = {…}` replaces every property; schema statements change no data. */
export function runCypher(statements: CypherStatement[], db: SimDb = { nodes: new Map(), rels: [] }): SimDb {
  const find = (label: string, key: CypherMap) => {
    const id = key.id as string;
    const n = db.nodes.get(id);
    return n && n.label === label ? id : null;
  };
  for (const s of statements) {
    if (s.kind === 'node') {
      const id = s.key.id as string;
      const existing = db.nodes.get(id);
      if (existing && existing.label !== s.label) throw new Error(`node ${id} merged with two labels`);
      const node = existing ?? { label: s.label, props: neo4jMap(s.key) };
      if (s.set) node.props = neo4jMap(s.set);
      db.nodes.set(id, node);
    } else if (s.kind === 'rel') {
      const a = find(s.a.label, s.a.key);
      const b = find(s.b.label, s.b.key);
      if (!a || !b) throw new Error(`MATCH found no ${!a ? String(s.a.key.id) : String(s.b.key.id)}: the relationship would be silently skipped`);
      let rel = db.rels.find((r) => r.type === s.type && r.from === a && r.to === b && matches(s.key, r.props));
      if (!rel) {
        rel = { type: s.type, from: a, to: b, props: neo4jMap(s.key) };
        db.rels.push(rel);
      }
      if (s.set) rel.props = neo4jMap(s.set);
    }
  }
  return db;
}

/** Property keys whose values the script wrote as floats, to check that coordinates stay floats. */
export function floatKeys(statements: CypherStatement[]): Set<string> {
  const keys = new Set<string>();
  for (const s of statements) {
    if (s.kind === 'schema' || !s.set) continue;
    for (const [k, v] of Object.entries(s.set)) if (v && typeof v === 'object' && 'float' in v) keys.add(k);
  }
  return keys;
}

/**
 * One statement of the script in Kuzu's dialect, values as parameters: Kuzu has no `SET x = {…}`
 * (each property is set, the others to NULL, which is what replacing them means) and reads string
 * escapes differently, so the statement is rebuilt from what the parser read instead of run as text.
 * Kuzu binds an empty list parameter as NULL, so an empty list is written `[]` in the text.
 */
export function kuzuStatement(s: Exclude<CypherStatement, { kind: 'schema' }>, columns: (labelOrType: string) => readonly { name: string }[]): { text: string; params: Record<string, unknown> } {
  const ident = (name: string) => {
    if (!/^[A-Za-z_]\w*$/.test(name)) throw new Error(`not a plain name: ${name}`);
    return name;
  };
  const params: Record<string, unknown> = {};
  let n = 0;
  const param = (v: CypherLiteral): string => {
    if (Array.isArray(v) && v.length === 0) return '[]';
    const name = `p${n++}`;
    const plainValue = (x: CypherLiteral): unknown => (typeof x === 'string' ? x : Array.isArray(x) ? x.map(plainValue) : 'int' in x ? x.int : 'float' in x ? x.float : x.date);
    params[name] = plainValue(v);
    return !Array.isArray(v) && typeof v === 'object' && 'date' in v ? `date($${name})` : `$${name}`;
  };
  // Every column but the MERGE key (Kuzu cannot set a primary key; the key is set by the MERGE).
  const assignments = (variable: string, set: CypherMap | null, of: string, key: CypherMap) => {
    const cols = columns(of).filter((c) => !(c.name in key));
    return set === null || cols.length === 0 ? '' : ` SET ${cols.map((c) => `${variable}.\`${ident(c.name)}\` = ${c.name in set ? param(set[c.name]!) : 'NULL'}`).join(', ')}`;
  };
  const keyMap = (key: CypherMap) => `{${Object.entries(key).map(([k, v]) => `\`${ident(k)}\`: ${param(v)}`).join(', ')}}`;
  if (s.kind === 'node') return { text: `MERGE (n:${ident(s.label)} ${keyMap(s.key)})${assignments('n', s.set, s.label, s.key)}`, params };
  const key = Object.keys(s.key).length > 0 ? ` ${keyMap(s.key)}` : '';
  return {
    text: `MATCH (a:${ident(s.a.label)} ${keyMap(s.a.key)}), (b:${ident(s.b.label)} ${keyMap(s.b.key)}) MERGE (a)-[r:${ident(s.type)}${key}]->(b)${assignments('r', s.set, s.type, s.key)}`,
    params,
  };
}

// ---------------------------------------------------------------- back to a graph document

const NULLABLE: Record<string, readonly string[]> = {
  Actor: [],
  Place: ['lat', 'lon'],
  Event: ['date', 'killedMin', 'killedMax', 'injuredMin', 'injuredMax', 'placeQualifier'],
  Source: ['title', 'published', 'outlet', 'url'],
};
const LISTS: Record<string, readonly string[]> = { Actor: ['aliases', 'sources'], Place: ['aliases', 'sources'], Event: ['sources'], Source: [] };

function modelNode(id: string, label: string, props: Record<string, unknown>): GraphNode {
  const node: Record<string, unknown> = { ...props, id, label };
  for (const k of NULLABLE[label] ?? []) if (!(k in node)) node[k] = null;
  for (const k of LISTS[label] ?? []) if (!(k in node)) node[k] = [];
  return node as unknown as GraphNode;
}

function sortDoc(nodes: GraphNode[], edges: GraphEdge[]): GraphDocument {
  const by = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const doc = { version: GRAPH_VERSION, nodes: nodes.sort(by), edges: edges.sort(by) };
  const r = GraphDocumentSchema.safeParse(doc);
  if (!r.success) throw new Error(`read back an invalid document: ${r.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return doc as GraphDocument;
}

/** A Neo4j value as the store's rows hold it (src/store/graph-rows.ts): integers and floats as numbers, dates as YYYY-MM-DD. */
function rowValue(v: SimValue): StoredScalar {
  if (Array.isArray(v)) return v.map((x) => rowValue(x) as string | number) as string[] | number[];
  if (neo4j.isInt(v)) return v.toNumber();
  if (neo4j.isDate(v)) return v.toString();
  return v as string | number;
}

/** The stored rows a Neo4j database holds (every column, null where absent), to compare with toStoredRows and read back with fromStoredRows. */
export function storedRowsFromNeo4j(db: SimDb): StoredRows {
  const props = (raw: Record<string, SimValue>, columns: readonly Column[]) => Object.fromEntries(columns.map((c) => [c.name, raw[c.name] === undefined ? null : rowValue(raw[c.name]!)]));
  const nodes = [...db.nodes.entries()].map(([id, n]) => ({ label: n.label as NodeLabel, id, props: props(n.props, NODE_COLUMNS[n.label as NodeLabel]) }));
  const rels = db.rels.map((r) => {
    const type = r.type as RelType;
    return {
      type,
      from: r.from,
      to: r.to,
      fromLabel: db.nodes.get(r.from)!.label as NodeLabel,
      toLabel: db.nodes.get(r.to)!.label as NodeLabel,
      key: isClaimType(type) ? String(r.props.key ?? '') : '',
      props: props(r.props, relColumns(type)),
    };
  });
  return { nodes, rels };
}

/** The graph document a graphology graph parsed from our GEXF or GraphML holds. */
export function documentFromAttributeGraph(graph: AbstractGraph, opts: { decodeId?: (s: string) => string; listsAreJson?: boolean } = {}): GraphDocument {
  const decode = opts.decodeId ?? ((s: string) => s);
  const DISPLAY = new Set(['label', 'nodeLabel', 'relType', 'evidenceCount', 'firstQuote']);
  const nodes: GraphNode[] = [];
  graph.forEachNode((key, attrs) => {
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(attrs)) if (!DISPLAY.has(k)) props[k] = v;
    if (typeof props.evidence === 'string') props.evidence = JSON.parse(props.evidence);
    if (opts.listsAreJson) for (const k of ['aliases', 'sources']) if (typeof props[k] === 'string') props[k] = JSON.parse(props[k] as string);
    nodes.push(modelNode(decode(key), attrs.nodeLabel as string, props));
  });
  const edges: GraphEdge[] = [];
  graph.forEachEdge((key, attrs, source, target) => {
    edges.push({ id: decode(key), type: attrs.relType as GraphEdge['type'], from: decode(source), to: decode(target), evidence: JSON.parse(attrs.evidence as string) as Evidence[] });
  });
  return sortDoc(nodes, edges);
}
