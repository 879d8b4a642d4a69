// readGraphJson cuts the nodes and edges arrays out of the file element by element; whatever the
// layout and wherever the blocks split the text (a multi-byte character, an escape, a string),
// it must give what JSON.parse gives, and refuse what JSON.parse refuses.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readGraphJson } from '../../../src/model/read-graph-json.ts';
import { serializeGraph } from '../../../src/model/serialize.ts';
import { loadLexicon } from '../../../src/lexicon/load-lexicon.ts';
import { extractInputs } from '../../../src/pipeline.ts';
import { ROOT } from '../../helpers.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-read-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fileWith = (text: string) => {
  const f = path.join(dir, `${n++}.json`);
  writeFileSync(f, text);
  return f;
};

describe('readGraphJson', () => {
  it('reads the graph of the sample reports as JSON.parse does, with blocks of 7 bytes and of 8 MB', async () => {
    const { graph } = await extractInputs([path.join(ROOT, 'data/reports')], await loadLexicon());
    const f = fileWith(serializeGraph(graph));
    const expected = JSON.parse(serializeGraph(graph));
    expect(readGraphJson(f, 7)).toEqual(expected);
    expect(readGraphJson(f)).toEqual(expected);
  });

  it('any top-level object with nodes and edges arrays, in compact and indented layouts, at any block size', () => {
    const item = fc.jsonValue({ maxDepth: 3 });
    const doc = fc.record({ version: fc.jsonValue({ maxDepth: 1 }), nodes: fc.array(item, { maxLength: 6 }), edges: fc.array(item, { maxLength: 6 }), other: item }, { requiredKeys: ['nodes'] });
    fc.assert(
      fc.property(doc, fc.integer({ min: 1, max: 64 }), fc.constantFrom(0, 2, '\t'), (d, block, indent) => {
        const text = JSON.stringify(d, null, indent);
        expect(readGraphJson(fileWith(text), block)).toEqual(JSON.parse(text));
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('strings with escaped quotes and backslashes, non-ASCII split across blocks, "__proto__" as a key', () => {
    const text = '{"nodes": [{"a": "x\\\\\\"y]}", "b": "ünï “cödé” 𝔘"}, "\\u005d"], "__proto__": {"z": 1}, "edges": []}';
    for (const block of [1, 2, 3, 5, 1024]) expect(readGraphJson(fileWith(text), block)).toEqual(JSON.parse(text));
    expect(Object.keys(readGraphJson(fileWith(text)) as object)).toContain('__proto__');
  });

  it('refuses what JSON.parse refuses, naming the place', () => {
    for (const bad of ['', '{', '{"nodes": [1,]}', '{"nodes": [1 2]}', '{"nodes": "x}', '{"a": 1} x', '{"a" 1}', '{nodes: []}', '{"nodes": [tru]}']) {
      expect(() => JSON.parse(bad), bad).toThrow();
      expect(() => readGraphJson(fileWith(bad), 3), bad).toThrow(/at character \d+/);
    }
    // Valid JSON, but a graph document is an object.
    expect(() => readGraphJson(fileWith('[1]'))).toThrow(/expected '\{', found '\['/);
  });
});
