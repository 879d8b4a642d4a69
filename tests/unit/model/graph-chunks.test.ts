// Written piece by piece (a 100,000-report document is longer than one JavaScript string can
// be), a graph document must still have exactly the bytes of serializeGraph.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { graphChunks, writeGraph } from '../../../src/model/graph-chunks.ts';
import { serializeGraph } from '../../../src/model/serialize.ts';
import type { GraphDocument } from '../../../src/model/schema.ts';
import { loadLexicon } from '../../../src/lexicon/load-lexicon.ts';
import { extractInputs } from '../../../src/pipeline.ts';
import { FIXTURES, ROOT } from '../../helpers.ts';

describe('graphChunks / writeGraph', () => {
  it('the pieces of the fixture graph join to serializeGraph', () => {
    const doc = JSON.parse(readFileSync(path.join(FIXTURES, 'graph', 'small-conflict.json'), 'utf8')) as GraphDocument;
    expect([...graphChunks(doc)].join('')).toBe(serializeGraph(doc));
  });

  it('the graph of the sample reports, written to a file and to a stream, is serializeGraph byte for byte', async () => {
    const { graph } = await extractInputs([path.join(ROOT, 'data/reports')], await loadLexicon());
    expect(graph.edges.length).toBeGreaterThan(10);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-chunks-'));
    try {
      await writeGraph(graph, path.join(dir, 'g.json'));
      expect(readFileSync(path.join(dir, 'g.json'), 'utf8')).toBe(serializeGraph(graph));
      const sink = new PassThrough();
      const parts: Buffer[] = [];
      sink.on('data', (b: Buffer) => parts.push(b));
      await writeGraph(graph, sink);
      expect(Buffer.concat(parts).toString('utf8')).toBe(serializeGraph(graph));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an empty document, and strings with newlines, quotes and non-ASCII', () => {
    const empty: GraphDocument = { version: 1, nodes: [], edges: [] };
    expect([...graphChunks(empty)].join('')).toBe(serializeGraph(empty));
    const doc = { version: 1, nodes: [{ id: 'source:1', label: 'Source', name: 'a "b"\nc', file: 'x.txt', title: null, published: null, outlet: null, url: null, sha256: 'f'.repeat(64), text: 'line\none\n\n“two” \u2028' }], edges: [] } as unknown as GraphDocument;
    expect([...graphChunks(doc)].join('')).toBe(serializeGraph(doc));
  });
});
