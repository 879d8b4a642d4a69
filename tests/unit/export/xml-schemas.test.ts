// GEXF and GraphML exports validate against the formats' published XML schemas (kept in
// tests/fixtures/xsd, see its README) with xmllint, for a small graph, the adversarial graph and an
// empty one; and xmllint does reject files that break those schemas, so a pass means something.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRAPH_VERSION, type GraphDocument } from '../../../src/model/schema.ts';
import { toGexf } from '../../../src/export/to-gexf.ts';
import { toGraphml } from '../../../src/export/to-graphml.ts';
import { FIXTURES } from '../../helpers.ts';
import { adversarialGraph, smallGraph } from '../../fixtures/export/graphs.ts';

const XSD = {
  gexf: path.join(FIXTURES, 'xsd/gexf-1.3/gexf.xsd'),
  graphml: path.join(FIXTURES, 'xsd/graphml-1.0/graphml.xsd'),
};
const HAS_XMLLINT = spawnSync('xmllint', ['--version']).status === 0;
if (!HAS_XMLLINT && process.env.CI) throw new Error('xmllint is missing: .ci/run installs libxml2-utils, which the schema tests need');
if (!HAS_XMLLINT) console.warn('skipping XML schema tests: xmllint not found (Debian: apt-get install libxml2-utils)');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kg-xsd-'));
let n = 0;
function validate(kind: 'gexf' | 'graphml', xml: string): { ok: boolean; errors: string } {
  const file = path.join(tmp, `${n++}.${kind}`);
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD[kind], file], { encoding: 'utf8' });
  return { ok: r.status === 0, errors: r.stderr };
}

const EMPTY: GraphDocument = { version: GRAPH_VERSION, nodes: [], edges: [] };
const GRAPHS: [string, () => GraphDocument][] = [
  ['the small graph', smallGraph],
  ['the adversarial graph', adversarialGraph],
  ['an empty graph', () => EMPTY],
];

describe.skipIf(!HAS_XMLLINT)('published schemas', () => {
  it.each(GRAPHS)('the GEXF export of %s validates against GEXF 1.3 (gexf.xsd)', (_n, make) => {
    const r = validate('gexf', toGexf(make()));
    expect(r.errors).toMatch(/validates/);
    expect(r.ok).toBe(true);
  });

  it.each(GRAPHS)('the GraphML export of %s validates against GraphML 1.0 (graphml.xsd)', (_n, make) => {
    const r = validate('graphml', toGraphml(make()));
    expect(r.errors).toMatch(/validates/);
    expect(r.ok).toBe(true);
  });

  it.each<[string, 'gexf' | 'graphml', (xml: string) => string]>([
    ['a GEXF attribute of an undeclared type', 'gexf', (x) => x.replace('type="liststring"', 'type="list"')],
    ['a GEXF edge without a target', 'gexf', (x) => x.replace(/ target="[^"]*"/, '')],
    ['a GEXF file of another version', 'gexf', (x) => x.replace('version="1.3"', 'version="1.2"')],
    ['a GraphML key of an unknown attr.type', 'graphml', (x) => x.replace('attr.type="int"', 'attr.type="integer"')],
    ['a GraphML node id that is no name token', 'graphml', (x) => x.replace('<node id="actor:coalition">', '<node id="actor coalition">')],
    ['a GraphML data element before its key declarations', 'graphml', (x) => x.replace(/(<key [^>]*\/>\n)/, '  <graph edgedefault="directed"/>\n$1')],
  ])('xmllint rejects %s', (_what, kind, breakIt) => {
    const good = kind === 'gexf' ? toGexf(smallGraph()) : toGraphml(smallGraph());
    const bad = breakIt(good);
    expect(bad).not.toBe(good);
    expect(validate(kind, bad).ok).toBe(false);
  });
});
