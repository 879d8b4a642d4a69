// The cypher export: string literals that hold any text, numbers and dates that keep their type,
// the schema `kg load --store neo4j` creates, MERGE statements keyed as the store keys them so a
// second run changes nothing, labels and types only from the vocabulary.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportGraphError } from '../../../src/errors.ts';
import type { GraphDocument } from '../../../src/model/schema.ts';
import { cypherString, ID_CONSTRAINTS, toCypher } from '../../../src/export/to-cypher.ts';
import { CYPHER_DIR, schemaStatements } from '../../../src/store/cypher-files.ts';
import { toStoredRows } from '../../../src/store/graph-rows.ts';
import { smallGraph } from '../../fixtures/export/graphs.ts';
import { floatKeys, lexCypher, parseCypherScript, runCypher, simDbContents } from './readers.ts';

describe('cypherString', () => {
  it.each([
    ['plain', "'plain'"],
    ["O'Brien", "'O\\'Brien'"],
    ['say "hi"', `'say "hi"'`],
    ['a\\b', "'a\\\\b'"],
    ['two\nlines\r\n\ttab', "'two\\nlines\\r\\n\\ttab'"],
    ['bell\u0007 nul\u0000 del\u007f', "'bell\\u0007 nul\\u0000 del\\u007F'"],
    ['\u2028\u2029', "'\\u2028\\u2029'"],
    ['text \\u0027 stays text', "'text \\\\\\u00750027 stays text'"],
    ['\\U0001F600', "'\\\\\\u0055" + "0001F600'"],
    ['دير الزور 😀', "'دير الزور 😀'"],
    ['lone \ud800 surrogate', "'lone \\uD800 surrogate'"],
    ["'}) DETACH DELETE n //", "'\\'}) DETACH DELETE n //'"],
  ])('writes %j as %s', (input, literal) => {
    expect(cypherString(input)).toBe(literal);
    const toks = lexCypher(literal);
    expect(toks).toEqual([{ t: 'str', v: input }]);
  });
});

describe('toCypher', () => {
  it('opens with the id constraints cypher/schema.cypher names, or with the schema it is given', () => {
    const schema = parseCypherScript(toCypher(smallGraph())).filter((s) => s.kind === 'schema');
    expect(schema.map((s) => s.kind === 'schema' && s.text)).toEqual(['actor', 'place', 'event', 'source'].map((l) => expect.stringContaining(`CONSTRAINT ${l}_id IF NOT EXISTS`)));
    const cypherSchema = schemaStatements(path.join(CYPHER_DIR, 'schema.cypher'));
    for (const c of ID_CONSTRAINTS) expect(cypherSchema).toContain(c);
    const lines = toCypher(smallGraph(), { schema: cypherSchema }).split('\n').filter((l) => l.startsWith('CREATE '));
    expect(lines).toEqual(cypherSchema.map((s) => `${s.replace(/\s*\n\s*/g, ' ')};`));
  });

  it('writes coordinates as floats even when they are whole numbers, and publication dates as dates', () => {
    const script = toCypher(smallGraph());
    expect(script).toContain("MERGE (n:Place {`id`: 'place:syria'}) SET n = {`id`: 'place:syria', `name`: 'Syria', `kind`: 'country', `aliases`: ['Syria'], `lat`: 35.0, `lon`: 38.5, `sources`: []};");
    expect(script).toContain("`published`: date('2017-10-05')");
    expect(floatKeys(parseCypherScript(script))).toEqual(new Set(['lat', 'lon']));
  });

  it('is idempotent: running the script twice leaves the same database', () => {
    const statements = parseCypherScript(toCypher(smallGraph()));
    const once = simDbContents(runCypher(statements));
    expect(simDbContents(runCypher(statements, runCypher(statements)))).toEqual(once);
    // Every stored row once: the claim with two sentences twice, MENTIONS from each report.
    const rows = toStoredRows(smallGraph());
    expect([Object.keys(once.nodes).length, once.rels.length]).toEqual([rows.nodes.length, rows.rels.length]);
  });

  it('merges claims on their sentence key and other relationships on their ends, as the store does', () => {
    const rels = parseCypherScript(toCypher(smallGraph())).filter((s) => s.kind === 'rel');
    const condemned = rels.filter((r) => r.kind === 'rel' && r.type === 'CONDEMNED' && r.b.key.id === 'actor:russia');
    expect(condemned.map((r) => r.kind === 'rel' && r.key)).toEqual(smallGraph().edges.find((e) => e.id === 'CONDEMNED:actor:coalition->actor:russia')!.evidence.map((e) => ({ key: `${e.source}@${e.start}-${e.end}` })));
    for (const r of rels) {
      if (r.kind !== 'rel') continue;
      expect(Object.keys(r.key), r.type).toEqual(['ACCUSED', 'CONDEMNED', 'CALLED_ON', 'DENIED'].includes(r.type) ? ['key'] : []);
      expect(r.set === null, r.type).toBe(r.type === 'MENTIONS');
    }
  });

  it.each<[string, (d: GraphDocument) => void, RegExp]>([
    ['a label outside the vocabulary', (d) => Object.assign(d.nodes[0]!, { label: 'Actor) DETACH DELETE (x' }), /label "Actor\) DETACH DELETE \(x" is not in the model's vocabulary/],
    ['a relationship type outside the vocabulary', (d) => Object.assign(d.edges[0]!, { type: 'KNOWS]->() DELETE' }), /relationship type .* is not in the model's vocabulary/],
  ])('refuses %s rather than write it', (_what, mutate, message) => {
    const d = smallGraph();
    mutate(d);
    expect(() => toCypher(d)).toThrow(ReportGraphError);
    expect(() => toCypher(d)).toThrow(message);
  });
});
