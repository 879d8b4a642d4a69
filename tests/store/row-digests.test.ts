// Row digests: what the embedded store keeps of its last load, so the next load can plan
// without reading every row back. Planning against digests must equal planning against values.
import { describe, expect, it } from 'vitest';
import { eachStoredRow, relIdentity, toStoredRows } from '../../src/store/graph-rows.ts';
import { planLoad } from '../../src/store/load-plan.ts';
import { compareWithDigests, digestsOfRows, fileLines, parseRowDigests, RowDigestWriter } from '../../src/store/row-digests.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { editedFixture, fixtureGraph } from './conformance.ts';

type Doc = ReturnType<typeof fixtureGraph>;

function digestText(doc: Doc): string {
  const lines: string[] = [];
  const w = new RowDigestWriter((l) => lines.push(l));
  eachStoredRow(doc, (n) => w.node(n), (r) => w.rel(r));
  w.finish();
  return `${lines.join('\n')}\n`;
}

const noWriter = () => new RowDigestWriter(() => {});

describe('row digests', () => {
  it('describe every row of a document, with its counts per table', () => {
    const stored = parseRowDigests(digestText(fixtureGraph()).split('\n'))!;
    const full = toStoredRows(fixtureGraph());
    expect([...stored.nodes.keys()]).toEqual(full.nodes.map((n) => n.id));
    expect([...stored.rels.keys()]).toEqual(full.rels.map(relIdentity));
    expect(Object.values(stored.counts).reduce((a, b) => a + b, 0)).toBe(full.nodes.length + full.rels.length);
    expect(stored.counts.Actor).toBe(full.nodes.filter((n) => n.label === 'Actor').length);
  });

  it('count what a load creates, updates and deletes exactly as planLoad does on the stored values, both ways', () => {
    const pairs: [Doc, Doc][] = [
      [fixtureGraph(), editedFixture()],
      [editedFixture(), fixtureGraph()],
      [fixtureGraph(), fixtureGraph()],
    ];
    for (const [from, to] of pairs) {
      const byValues = planLoad(toStoredRows(from), toStoredRows(to)).stats;
      expect(compareWithDigests(parseRowDigests(digestText(from).split('\n'))!, to, noWriter())).toEqual(byValues);
      expect(compareWithDigests(digestsOfRows(toStoredRows(from)), to, noWriter())).toEqual(byValues);
    }
    expect(compareWithDigests(digestsOfRows(toStoredRows(fixtureGraph())), editedFixture(), noWriter()).nodesUpdated).toBeGreaterThan(0);
  });

  it('write the next digest file while they compare', () => {
    const lines: string[] = [];
    compareWithDigests(digestsOfRows(toStoredRows(fixtureGraph())), editedFixture(), new RowDigestWriter((l) => lines.push(l)));
    expect(`${lines.join('\n')}\n`).toBe(`${digestText(editedFixture()).trimEnd().split('\n').slice(0, -1).join('\n')}\n`);
  });

  it('are read line by line from a file in blocks of any size, a multi-byte character split across blocks included', () => {
    const text = digestText(fixtureGraph()).replace('"format":1', '"format":1,"note":"Ḥamāh – حماة"');
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'kg-digests-')), 'rows.jsonl');
    writeFileSync(file, text);
    for (const block of [1, 2, 3, 7, 64, 1 << 16]) expect([...fileLines(file, block)], `block ${block}`).toEqual(text.split('\n').filter((l) => l !== ''));
    expect(parseRowDigests(fileLines(file, 5))).toEqual(parseRowDigests(text.split('\n')));
  });

  it('are refused when cut short, damaged or of another format, so the store is read instead', () => {
    const text = digestText(fixtureGraph());
    const lines = text.trimEnd().split('\n');
    expect(parseRowDigests(lines.slice(0, -1))).toBeNull(); // no counts line: cut short
    expect(parseRowDigests(text.slice(0, text.length - 10).split('\n'))).toBeNull();
    expect(parseRowDigests(text.replace('"format":1', '"format":2').split('\n'))).toBeNull();
    expect(parseRowDigests(['["Nope","x","y"]', lines.at(-1)!])).toBeNull();
    expect(parseRowDigests([''])).toBeNull();
  });
});
