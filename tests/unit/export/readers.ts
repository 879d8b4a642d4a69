// Independent readers for the export tests: an RFC 4180 CSV parser with neo4j-admin's header rules,
// a lexer and parser for the Cypher subset the cypher export writes (with Neo4j's string escapes),
// a tiny MERGE interpreter, and mappings from what Neo4j or a graph-drawing tool would hold back
// to a graph document, so every format can be checked by a full round trip.
import type { AbstractGraph } from 'graphology-types';
import { edgeId } from '../../../src/model/ids.ts';
import { compareEvidence } from '../../../src/model/graph-builder.ts';
import type { Evidence, GraphDocument, GraphEdge, GraphNode } from '../../../src/model/schema.ts';
import { GRAPH_VERSION, GraphDocument as GraphDocumentSchema } from '../../../src/model/schema.ts';
import { CLAIM_TYPES } from '../../../src/model/vocab.ts';

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

export interface SimNode {
  label: string;
  props: Record<string, unknown>;
}
export interface SimRel {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}
export interface SimDb {
  nodes: Map<string, SimNode>;
  rels: SimRel[];
}

/** What `neo4j-admin database import full --array-delimiter=U+001F` builds from the csv export. */
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
      const props: Record<string, unknown> = {};
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
          if (cell.text === '' && !cell.quoted) return; // absent
          if (fd.type === 'string' && !cell.quoted) throw new Error(`${f.name}: string ${fd.name} "${cell.text}" is not quoted (neo4j-admin would trim it)`);
          const convert = (t: string): unknown => {
            if (fd.type === 'int') {
              if (!/^-?\d+$/.test(t)) throw new Error(`${f.name}: ${fd.name} "${t}" is not an int`);
              return Number(t);
            }
            if (fd.type === 'double' || fd.type === 'float') {
              if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t)) throw new Error(`${f.name}: ${fd.name} "${t}" is not a number`);
              return Number(t);
            }
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
    } else if ('(){}[]:,;.-'.includes(c)) {
      toks.push({ t: 'p', v: c });
      i++;
    } else throw new Error(`Cypher: unexpected character ${JSON.stringify(c)} at ${i}`);
  }
  return toks;
}

export type CypherStatement =
  | { kind: 'constraint'; name: string; label: string }
  | { kind: 'node'; label: string; key: Record<string, unknown>; set: Record<string, unknown> }
  | { kind: 'rel'; a: { label: string; key: Record<string, unknown> }; b: { label: string; key: Record<string, unknown> }; type: string; key: Record<string, unknown>; set: Record<string, unknown> };

/** Parses exactly the statement shapes the cypher export writes; anything else is an error. */
export function parseCypherScript(src: string, mode: UnicodePass = 'none'): CypherStatement[] {
  const toks = lexCypher(unicodePass(src, mode));
  let p = 0;
  const peek = () => toks[p];
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
  const value = (): unknown => {
    const tok = next();
    if (tok.t === 'str') return tok.v;
    if (tok.t === 'num') return tok.float ? { float: tok.v } : tok.v;
    if (tok.t === 'p' && tok.v === '[') {
      const items: unknown[] = [];
      if (peek()?.t === 'p' && (peek() as { v: string }).v === ']') {
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
  const map = (): Record<string, unknown> => {
    expect('p', '{');
    const out: Record<string, unknown> = {};
    if (peek()?.t === 'p' && (peek() as { v: string }).v === '}') {
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
  const setClause = (variable: string): Record<string, unknown> => {
    const tok = peek();
    if (tok?.t === 'id' && tok.v.toUpperCase() === 'SET') {
      next();
      expect('id', variable);
      expect('p', '+=');
      return map();
    }
    return {};
  };

  const out: CypherStatement[] = [];
  while (p < toks.length) {
    const head = next();
    if (head.t !== 'id') throw new Error(`Cypher: a statement starts with ${JSON.stringify(head)}`);
    const verb = head.v.toUpperCase();
    if (verb === 'CREATE') {
      kw('CONSTRAINT');
      const cname = name();
      kw('IF');
      kw('NOT');
      kw('EXISTS');
      kw('FOR');
      expect('p', '(');
      expect('id', 'n');
      expect('p', ':');
      const label = name();
      expect('p', ')');
      kw('REQUIRE');
      expect('id', 'n');
      expect('p', '.');
      if (name() !== 'id') throw new Error('Cypher: constraint not on id');
      kw('IS');
      kw('UNIQUE');
      out.push({ kind: 'constraint', name: cname, label });
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
      let key: Record<string, unknown> = {};
      if (peek()?.t === 'p' && (peek() as { v: string }).v === '{') key = map();
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

const plain = (v: unknown): unknown => (Array.isArray(v) ? v.map(plain) : v && typeof v === 'object' && 'float' in v ? (v as { float: number }).float : v);
const plainMap = (m: Record<string, unknown>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, plain(v)]));
const sameValues = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.entries(a).every(([k, v]) => JSON.stringify(b[k]) === JSON.stringify(v));

/** Runs the statements against `db` with MERGE semantics (match on the key properties, create if none, then SET +=). */
export function runCypher(statements: CypherStatement[], db: SimDb = { nodes: new Map(), rels: [] }): SimDb {
  const find = (label: string, key: Record<string, unknown>) => {
    const id = key.id as string;
    const n = db.nodes.get(id);
    return n && n.label === label ? id : null;
  };
  for (const s of statements) {
    if (s.kind === 'node') {
      const id = s.key.id as string;
      const existing = db.nodes.get(id);
      if (existing && existing.label !== s.label) throw new Error(`node ${id} merged with two labels`);
      const node = existing ?? { label: s.label, props: { id } };
      Object.assign(node.props, plainMap(s.set));
      db.nodes.set(id, node);
    } else if (s.kind === 'rel') {
      const a = find(s.a.label, s.a.key);
      const b = find(s.b.label, s.b.key);
      if (!a || !b) throw new Error(`MATCH found no ${!a ? s.a.key.id : s.b.key.id}: the relationship would be silently skipped`);
      const key = plainMap(s.key);
      let rel = db.rels.find((r) => r.type === s.type && r.from === a && r.to === b && sameValues(key, r.props));
      if (!rel) {
        rel = { type: s.type, from: a, to: b, props: { ...key } };
        db.rels.push(rel);
      }
      Object.assign(rel.props, plainMap(s.set));
    }
  }
  return db;
}

/** Float-typed values as the script wrote them, to check that coordinates stay floats. */
export function floatKeys(statements: CypherStatement[]): Set<string> {
  const keys = new Set<string>();
  for (const s of statements) {
    if (s.kind !== 'node') continue;
    for (const [k, v] of Object.entries(s.set)) if (v && typeof v === 'object' && 'float' in v) keys.add(k);
  }
  return keys;
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

/** The graph document a Neo4j database built by the csv or cypher export holds. */
export function documentFromNeo4j(db: SimDb): GraphDocument {
  const nodes = [...db.nodes.entries()].map(([id, n]) => {
    const props = { ...n.props };
    delete props.id;
    if (n.label === 'Event') {
      const evidence = JSON.parse(props.evidence as string) as Evidence[];
      if (props.evidenceCount !== evidence.length) throw new Error(`event ${id}: evidenceCount ${String(props.evidenceCount)} but ${evidence.length} items`);
      props.evidence = evidence;
      delete props.evidenceCount;
    }
    return modelNode(id, n.label, props);
  });
  const edges = new Map<string, GraphEdge>();
  for (const r of db.rels) {
    const id = edgeId(r.type as GraphEdge['type'], r.from, r.to);
    if ((CLAIM_TYPES as readonly string[]).includes(r.type)) {
      const e = edges.get(id) ?? { id, type: r.type as GraphEdge['type'], from: r.from, to: r.to, evidence: [] };
      if (Object.keys(r.props).length > 0) e.evidence.push(r.props as unknown as Evidence);
      e.evidence.sort(compareEvidence);
      edges.set(id, e);
    } else {
      if (edges.has(id)) throw new Error(`relationship ${id} twice`);
      const evidence = JSON.parse(r.props.evidence as string) as Evidence[];
      if (r.props.evidenceCount !== evidence.length) throw new Error(`${id}: evidenceCount does not match`);
      edges.set(id, { id, type: r.type as GraphEdge['type'], from: r.from, to: r.to, evidence });
    }
  }
  return sortDoc(nodes, [...edges.values()]);
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

/** Claim evidence loses the difference between an absent and a null `date` / `attributedTo` in Neo4j: compare without it. */
export function withoutNullEvidenceKeys(doc: GraphDocument): GraphDocument {
  const clean = (e: Evidence): Evidence => {
    const out = { ...e };
    if (out.date == null) delete out.date;
    if (out.attributedTo == null) delete out.attributedTo;
    return out;
  };
  return { ...doc, edges: doc.edges.map((e) => ((CLAIM_TYPES as readonly string[]).includes(e.type) ? { ...e, evidence: e.evidence.map(clean) } : e)) };
}
