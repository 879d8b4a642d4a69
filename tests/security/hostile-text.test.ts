// Text written to provoke ends up as data, never as query text: a report whose sentences carry
// Cypher, quotes, backticks and newlines, and a lexicon actor whose canonical name is a Cypher
// injection, go through extraction into the embedded store and the Neo4j adapter unchanged,
// and delete nothing. (Every export format is checked on the same kind of strings in
// tests/unit/export with the adversarial graph.)
import { cp, mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractInputs } from '../../src/pipeline.ts';
import { loadLexicon } from '../../src/lexicon/load-lexicon.ts';
import type { GraphDocument } from '../../src/model/schema.ts';
import { canonicalGraph } from '../../src/store/graph-rows.ts';
import { KuzuStore } from '../../src/store/kuzu-store.ts';
import { Neo4jStore } from '../../src/store/neo4j-store.ts';
import { FakeNeo4jDriver } from '../store/fake-neo4j-driver.ts';
import { ROOT } from '../helpers.ts';

const INJECTED_NAME = "Brigade'}) DETACH DELETE n //";
const HOSTILE_LINES = [
  "'}) DETACH DELETE n //",
  '`Actor`) MATCH (n) DETACH DELETE n; //',
  'MATCH (n) SET n.name = "pwned" RETURN n',
  '$rows {id: "x"} \\u0027 \\" \\\\',
];

let dir: string;
let doc: GraphDocument;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kg-hostile-'));
  // A user's lexicon with an actor whose canonical name is an injection attempt.
  const lexDir = path.join(dir, 'lexicon');
  await cp(path.join(ROOT, 'data/lexicons'), lexDir, { recursive: true });
  const actorsFile = path.join(lexDir, 'actors.json');
  const actors = JSON.parse(await readFile(actorsFile, 'utf8'));
  actors.actors.push({ name: INJECTED_NAME, kind: 'armed_group', aliases: ['Hammer Brigade'] });
  await writeFile(actorsFile, JSON.stringify(actors));
  const reports = path.join(dir, 'reports');
  await mkdir(reports);
  const text = [
    `Title: "Quotes" 'and' \`backticks\` {curly} } //`,
    '',
    'Amnesty International accused the Hammer Brigade of shelling Douma on Monday, killing five civilians.',
    '',
    ...HOSTILE_LINES.map((l) => `A statement read: ${l}`),
    '',
    'Human Rights Watch condemned the Hammer Brigade and called on Russia to stop the bombing.',
  ].join('\n');
  await writeFile(path.join(reports, "o'brien `x` DETACH.txt"), text);
  doc = (await extractInputs([reports], await loadLexicon(lexDir))).graph;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hostile text', () => {
  it('is extracted as data: the injected actor name is a node, and accusations point at it', () => {
    const actor = doc.nodes.find((n) => n.label === 'Actor' && n.name === INJECTED_NAME);
    expect(actor).toBeDefined();
    expect(doc.edges.some((e) => e.type === 'ACCUSED' && e.to === actor!.id)).toBe(true);
    const source = doc.nodes.find((n) => n.label === 'Source');
    for (const line of HOSTILE_LINES) expect(source && source.label === 'Source' ? source.text : '').toContain(line);
  });

  it('goes into the embedded store and comes back unchanged, deleting nothing', async () => {
    const store = await KuzuStore.open({ home: path.join(dir, 'home'), readOnly: false });
    try {
      const stats = await store.load(doc);
      expect(stats.nodesDeleted + stats.relationshipsDeleted).toBe(0);
      expect(await store.readGraph()).toEqual(canonicalGraph(doc));
      // A query that takes the hostile name as a parameter finds it as a plain string.
      const r = await store.query('MATCH (a:Actor) WHERE a.name = $name RETURN a.name AS name', { name: INJECTED_NAME });
      expect(r.rows).toEqual([{ name: INJECTED_NAME }]);
    } finally {
      await store.close();
    }
  });

  it('reaches Neo4j only as parameters, never inside a statement', async () => {
    const fake = new FakeNeo4jDriver();
    const store = await Neo4jStore.open({ uri: 'neo4j://localhost:7687', user: 'neo4j', password: 'pw-x', database: 'neo4j' }, () => fake);
    await store.load(doc);
    expect(await store.readGraph()).toEqual(canonicalGraph(doc));
    expect(fake.calls.length).toBeGreaterThan(0);
    for (const call of fake.calls) {
      for (const needle of [INJECTED_NAME, ...HOSTILE_LINES, 'Hammer Brigade']) expect(call.query).not.toContain(needle);
    }
    expect(JSON.stringify(fake.calls.map((c) => c.params))).toContain('Hammer Brigade');
  });
});

describe('the source builds no Cypher from values', () => {
  // A string that opens with a Cypher clause is a statement we send. A template literal may
  // interpolate only a label or a relationship type (taken from the model's fixed lists,
  // NODE_LABELS and REL_TYPES), never a value; a quoted statement may not be glued to anything
  // with +. Every file of src is scanned but export/to-cypher.ts, which writes a script for the
  // user with every string escaped and is tested on its own (tests/unit/export/cypher.test.ts).
  const CLAUSE = String.raw`\s*(MATCH|OPTIONAL MATCH|MERGE|CREATE|UNWIND|RETURN|WITH|CALL|COPY|LOAD|DELETE|DETACH|SET)\b`;
  const TEMPLATE = new RegExp('^`' + CLAUSE);
  const GLUED = new RegExp(`(['"])${CLAUSE}(?:(?!\\1)[^\\\\\n]|\\\\.)*\\1\\s*\\+|\\+\\s*(['"])${CLAUSE}`);
  const ALLOWED = new Set(['${label}', '${type}']);
  const EXEMPT = new Set(['src/export/to-cypher.ts']);

  async function sourceFiles(): Promise<string[]> {
    const files: string[] = [];
    const walk = async (d: string) => {
      for (const e of await readdir(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) await walk(p);
        else if (e.name.endsWith('.ts') && !EXEMPT.has(path.relative(ROOT, p))) files.push(p);
      }
    };
    await walk(path.join(ROOT, 'src'));
    return files;
  }

  /** Offending interpolations and concatenations in one file's text. */
  function offences(name: string, src: string): { statements: number; found: string[] } {
    const found: string[] = [];
    let statements = 0;
    for (const m of src.matchAll(/`[^`]*`/g)) {
      const lit = m[0];
      if (!TEMPLATE.test(lit)) continue;
      statements++;
      for (const i of lit.match(/\$\{[^}]*\}/g) ?? []) if (!ALLOWED.has(i)) found.push(`${name}: ${i} in ${lit.slice(0, 80)}`);
    }
    for (const line of src.split('\n')) if (GLUED.test(line)) found.push(`${name}: a statement glued with + in ${line.trim().slice(0, 80)}`);
    return { statements, found };
  }

  it('catches what it is meant to catch', () => {
    expect(offences('x', 'run(`MATCH (n:${label}) WHERE n.id = ${id} RETURN n`)').found).toHaveLength(1);
    expect(offences('x', "run('MATCH (n) WHERE n.name = \\'' + name + \"' RETURN n\")").found).toHaveLength(1);
    expect(offences('x', 'run("MATCH (n) WHERE n.id = " + id)').found).toHaveLength(1);
    expect(offences('x', "run(prefix + 'RETURN n')").found).toHaveLength(1);
    expect(offences('x', 'run(`MATCH (n:${label}) WHERE n.id = $id RETURN n`, { id })').found).toEqual([]);
    expect(offences('x', "run('MATCH (n) RETURN n', {})").found).toEqual([]);
  });

  it('interpolates nothing but vocabulary into Cypher strings anywhere in src', async () => {
    const files = await sourceFiles();
    expect(files.some((f) => f.includes(`${path.sep}store${path.sep}`))).toBe(true);
    const all = await Promise.all(files.map(async (f) => offences(path.relative(ROOT, f), await readFile(f, 'utf8'))));
    expect(all.reduce((n, o) => n + o.statements, 0)).toBeGreaterThan(0);
    expect(all.flatMap((o) => o.found)).toEqual([]);
  });
});
