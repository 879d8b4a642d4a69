// The Cypher files: every label and relationship type has its statements, the Kuzu tables match
// the graph model, and query files declare what they use.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_LABELS } from '../../src/model/vocab.ts';
import { CYPHER_DIR, namedStatements, prepareQueryFile, queryParams, queryVariant, readQueryFile, schemaStatements } from '../../src/store/cypher-files.ts';
import { NODE_COLUMNS, REL_PAIRS, REL_TYPES, relColumns, type Column } from '../../src/store/stored-model.ts';

const NEO = path.join(CYPHER_DIR, 'load.cypher');
const KUZU = path.join(CYPHER_DIR, 'load.kuzu.cypher');
const QUERIES = path.join(CYPHER_DIR, 'queries');
const ALL_NAMES = [...NODE_LABELS, ...REL_TYPES] as string[];

/** The labels and relationship types a statement names (`:Actor`, `:ACCUSED`, `COPY Actor`). */
function namesIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const n of ALL_NAMES) if (new RegExp(`(:|COPY |\\||')${n}\\b`).test(text)) found.add(n);
  return found;
}

describe('cypher/load.cypher (Neo4j)', () => {
  const s = namedStatements(NEO);
  it.each(ALL_NAMES)('has upsert, delete, read and id statements for %s, each about it alone', (name) => {
    const idVerb = (NODE_LABELS as readonly string[]).includes(name) ? 'ids' : 'keys';
    for (const verb of ['upsert', 'delete', 'read', idVerb]) {
      const text = s.get(`${verb}-${name}`);
      expect(text, `${verb}-${name}`).toBeTruthy();
      const named = namesIn(text!);
      expect(named.has(name)).toBe(true);
      // Relationship statements also name their end labels; never another relationship type.
      for (const other of named) if (other !== name) expect(NODE_LABELS as readonly string[]).toContain(other);
    }
  });

  it('writes with UNWIND $rows … MERGE, and takes values only as parameters', () => {
    for (const [name, text] of s) {
      if (name.startsWith('upsert-')) expect(text).toMatch(/^UNWIND \$rows AS row\n[\s\S]*MERGE /);
      expect(text).not.toMatch(/apoc\.|\bid\(/i);
      expect(text).not.toMatch(/'[^']+'/); // no literals: everything comes in $rows / $ids
    }
    expect([...s.keys()]).toHaveLength(ALL_NAMES.length * 4);
  });
});

describe('cypher/load.kuzu.cypher (embedded)', () => {
  const s = namedStatements(KUZU);
  it.each(NODE_LABELS)('copies and reads %s', (label) => {
    expect(s.get(`copy-${label}`)).toBe(`COPY ${label} FROM '{file}'`);
    expect(s.get(`read-${label}`)).toBe(`MATCH (n:${label}) RETURN n`);
  });

  it.each(REL_TYPES.flatMap((t) => REL_PAIRS[t].map(([f, o]) => [t, f, o] as const)))('copies %s from %s to %s', (type, from, to) => {
    expect(s.get(`copy-${type}-${from}-${to}`)).toBe(`COPY ${type} FROM '{file}' (from='${from}', to='${to}')`);
  });

  it('reads with the same text as on Neo4j, and holds nothing but copies and reads', () => {
    const neo = namedStatements(NEO);
    for (const [name, text] of s) if (name.startsWith('read-')) expect(text, name).toBe(neo.get(name));
    const pairs = REL_TYPES.reduce((n, t) => n + REL_PAIRS[t].length, 0);
    expect(s.size).toBe(NODE_LABELS.length * 2 + pairs + REL_TYPES.length);
  });
});

describe('cypher/schema.kuzu.cypher', () => {
  const KUZU_TYPE: Record<Column['type'], string> = { string: 'STRING', int: 'INT64', float: 'DOUBLE', date: 'DATE', 'string[]': 'STRING[]', 'int[]': 'INT64[]' };
  const tables = new Map<string, string>();
  for (const st of schemaStatements(path.join(CYPHER_DIR, 'schema.kuzu.cypher'))) {
    const m = /^CREATE (?:NODE|REL) TABLE IF NOT EXISTS (\w+)\(([\s\S]*)\)$/.exec(st);
    expect(m, st).toBeTruthy();
    tables.set(m![1]!, m![2]!);
  }
  const columnsOf = (body: string) =>
    body.split(',\n').map((l) => l.trim()).filter((l) => !l.startsWith('FROM ')).map((l) => l.replace(/ PRIMARY KEY$/, '').replace(/`/g, ''));
  const pairsOf = (body: string) => body.split(',\n').map((l) => l.trim()).filter((l) => l.startsWith('FROM '));

  it.each(NODE_LABELS)('has a typed %s table with every model property, id as primary key', (label) => {
    expect(columnsOf(tables.get(label)!)).toEqual(NODE_COLUMNS[label].map((c) => `${c.name} ${KUZU_TYPE[c.type]}`));
    expect(tables.get(label)).toMatch(/^\s*id STRING PRIMARY KEY,/);
  });

  it.each(REL_TYPES)('has a %s table joining exactly its allowed label pairs', (type) => {
    expect(pairsOf(tables.get(type)!)).toEqual(REL_PAIRS[type].map(([f, o]) => `FROM ${f} TO ${o}`));
    expect(columnsOf(tables.get(type)!)).toEqual(relColumns(type).map((c) => `${c.name} ${KUZU_TYPE[c.type]}`));
  });

  it('has nothing else', () => {
    expect([...tables.keys()].sort()).toEqual([...ALL_NAMES].sort());
  });
});

describe('cypher/queries', () => {
  const files = readdirSync(QUERIES).filter((f) => f.endsWith('.cypher'));

  it.each(files)('%s opens with comments and declares every parameter it uses', (f) => {
    const raw = readFileSync(path.join(QUERIES, f), 'utf8');
    expect(raw.split('\n').slice(0, 2).every((l) => l.startsWith('// '))).toBe(true);
    const { text, params } = readQueryFile(path.join(QUERIES, f));
    const used = new Set([...text.matchAll(/\$(\w+)/g)].map((m) => m[1]));
    expect(new Set(params.map((p) => p.name))).toEqual(used);
  });

  it.each(files.filter((f) => f.endsWith('.kuzu.cypher')))('%s sits beside its Neo4j variant, says so, and takes the same parameters', (f) => {
    const base = path.join(QUERIES, f.replace('.kuzu.cypher', '.cypher'));
    const kuzu = readQueryFile(path.join(QUERIES, f));
    expect(readFileSync(path.join(QUERIES, f), 'utf8')).toMatch(/Kuzu variant of/);
    expect(readFileSync(base, 'utf8')).toMatch(new RegExp(`embedded store runs ${f.replace(/\./g, '\\.')}`));
    expect(kuzu.params).toEqual(readQueryFile(base).params);
  });

  it('picks the variant for the store in use', () => {
    const ego = path.join(QUERIES, 'actor-ego-network.cypher');
    const egoKuzu = path.join(QUERIES, 'actor-ego-network.kuzu.cypher');
    const plain = path.join(QUERIES, 'who-accuses-whom.cypher');
    expect([queryVariant(ego, 'embedded'), queryVariant(ego, 'neo4j'), queryVariant(egoKuzu, 'neo4j'), queryVariant(egoKuzu, 'embedded')]).toEqual([egoKuzu, ego, ego, egoKuzu]);
    expect([queryVariant(plain, 'embedded'), queryVariant(plain, 'neo4j')]).toEqual([plain, plain]);
  });
});

describe('reading cypher files', () => {
  it.each([
    ['// @param limit 25 at most this many', [{ name: 'limit', default: 25, description: 'at most this many' }]],
    ['// @param from "0000-01" first month', [{ name: 'from', default: '0000-01', description: 'first month' }]],
    ['// @param actor required the actor', [{ name: 'actor', default: undefined, description: 'the actor' }]],
    ['// @param ids ["a","b"] some ids', [{ name: 'ids', default: ['a', 'b'], description: 'some ids' }]],
    ['// a comment that mentions @param in passing', []],
  ])('reads %s', (line, want) => {
    expect(queryParams(line)).toEqual(want);
  });

  it('refuses a default that is not JSON', () => {
    expect(() => queryParams('// @param who actor:x the actor')).toThrow(/not JSON/);
  });

  it('fills defaults under the given parameters', () => {
    const q = prepareQueryFile(path.join(QUERIES, 'who-accuses-whom.cypher'), 'embedded', { limit: 5 });
    expect(q.params).toEqual({ minClaims: 1, limit: 5 });
    expect(q.text.startsWith('MATCH')).toBe(true);
  });
});
