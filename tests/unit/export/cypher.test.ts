// The cypher export: string literals that hold any text, numbers that keep their type, MERGE
// statements that make a second run change nothing, labels and types only from the vocabulary.
import { describe, expect, it } from 'vitest';
import { ReportGraphError } from '../../../src/errors.ts';
import type { GraphDocument } from '../../../src/model/schema.ts';
import { cypherString, toCypher } from '../../../src/export/to-cypher.ts';
import { smallGraph } from '../../fixtures/export/graphs.ts';
import { floatKeys, lexCypher, parseCypherScript, runCypher } from './readers.ts';

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
  it('opens with one uniqueness constraint per label present', () => {
    const constraints = parseCypherScript(toCypher(smallGraph())).filter((s) => s.kind === 'constraint');
    expect(constraints.map((c) => c.kind === 'constraint' && c.label)).toEqual(['Actor', 'Place', 'Event', 'Source']);
  });

  it('writes coordinates as floats even when they are whole numbers', () => {
    const script = toCypher(smallGraph());
    expect(script).toContain("MERGE (n:Place {`id`: 'place:syria'}) SET n += {`name`: 'Syria', `kind`: 'country', `aliases`: ['Syria'], `lat`: 35.0, `lon`: 38.5, `sources`: []};");
    expect(floatKeys(parseCypherScript(script))).toEqual(new Set(['lat', 'lon']));
  });

  it('is idempotent: running the script twice leaves the same database', () => {
    const statements = parseCypherScript(toCypher(smallGraph()));
    const once = runCypher(statements);
    const counts = { nodes: once.nodes.size, rels: once.rels.length };
    const twice = runCypher(statements, once);
    expect({ nodes: twice.nodes.size, rels: twice.rels.length }).toEqual(counts);
    // Every relationship once, and the claim with two sentences twice.
    expect(counts).toEqual({ nodes: smallGraph().nodes.length, rels: smallGraph().edges.length + 1 });
  });

  it('keys claims on their sentence, so two sentences make two relationships', () => {
    const rels = parseCypherScript(toCypher(smallGraph())).filter((s) => s.kind === 'rel' && s.type === 'CONDEMNED' && s.b.key.id === 'actor:russia');
    expect(rels.map((r) => r.kind === 'rel' && Object.keys(r.key))).toEqual([['source', 'start', 'end'], ['source', 'start', 'end']]);
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
