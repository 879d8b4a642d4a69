// Row digests: what the embedded store keeps of its last load, so the next load can plan
// without reading every row back. Planning against digests must equal planning against values.
import { describe, expect, it } from 'vitest';
import { eachStoredRow, toStoredRows } from '../../src/store/graph-rows.ts';
import { planLoad } from '../../src/store/load-plan.ts';
import { fileLines, parseRowDigests, RowDigestWriter } from '../../src/store/row-digests.ts';
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

/** A plan's rows by identity only (digest rows carry no values). */
const ids = (p: ReturnType<typeof planLoad>) => ({
  stats: p.stats,
  deleteNodes: p.deleteNodes.map((n) => `${n.label}:${n.id}`),
  deleteRels: p.deleteRels.map((r) => `${r.type}:${r.from}:${r.to}:${r.key}`),
  copyNodes: p.copyNodes.map(({ digest: _, ...row }) => row),
  updateNodes: p.updateNodes.map(({ digest: _, ...row }) => row),
  copyRels: p.copyRels.map(({ digest: _, ...row }) => row),
});

describe('row digests', () => {
  it('describe every row of a document, with its counts per table', () => {
    const rows = parseRowDigests(digestText(fixtureGraph()).split('\n'))!;
    const full = toStoredRows(fixtureGraph());
    expect(rows.nodes.map((n) => n.id)).toEqual(full.nodes.map((n) => n.id));
    expect(rows.rels.map((r) => [r.type, r.from, r.to, r.key, r.fromLabel, r.toLabel])).toEqual(full.rels.map((r) => [r.type, r.from, r.to, r.key, r.fromLabel, r.toLabel]));
    expect(Object.values(rows.counts).reduce((a, b) => a + b, 0)).toBe(full.nodes.length + full.rels.length);
    expect(rows.counts.Actor).toBe(full.nodes.filter((n) => n.label === 'Actor').length);
  });

  it('plan a load exactly as the stored values do, both ways between two documents', () => {
    const pairs: [Doc, Doc][] = [
      [fixtureGraph(), editedFixture()],
      [editedFixture(), fixtureGraph()],
      [fixtureGraph(), fixtureGraph()],
    ];
    for (const [from, to] of pairs) {
      const byValues = planLoad(toStoredRows(from), toStoredRows(to));
      const byDigests = planLoad(parseRowDigests(digestText(from).split('\n'))!, toStoredRows(to));
      expect(ids(byDigests)).toEqual(ids(byValues));
    }
    expect(planLoad(parseRowDigests(digestText(fixtureGraph()).split('\n'))!, toStoredRows(editedFixture())).stats.nodesUpdated).toBeGreaterThan(0);
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
