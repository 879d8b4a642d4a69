// Exports back into a real store: a `json` export loaded into a fresh embedded store reads back
// with the same nodes, edges and evidence; the `cypher` script, run statement by statement against
// a fresh embedded store, gives the counts and the graph `kg load` of the same subgraph gives, and
// nothing more when run again. Kuzu cannot run the script's text as it is (no `SET x = {…}`,
// other string escapes), so each statement is parsed with Neo4j's rules and run in Kuzu's dialect
// with its values as parameters; the constraints and indexes, which Kuzu has no use for, are skipped.
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/export/export-graph.ts';
import { selectSubgraph } from '../../src/export/select.ts';
import { toCypher, ID_CONSTRAINTS } from '../../src/export/to-cypher.ts';
import type { GraphDocument } from '../../src/model/schema.ts';
import { validateGraph } from '../../src/pipeline.ts';
import { canonicalGraph } from '../../src/store/graph-rows.ts';
import { adversarialGraph, smallGraph } from '../fixtures/export/graphs.ts';
import { loadIntoFreshStore, runScriptOnKuzu } from '../unit/export/stores.ts';

const GRAPHS: [string, () => GraphDocument][] = [
  ['the small graph', smallGraph],
  ['the adversarial graph', adversarialGraph],
  ['a selection (around Coalition, one hop, claims and events)', () => selectSubgraph(smallGraph(), { around: 'Coalition', hops: 1, types: ['CONDEMNED', 'ACCUSED', 'OCCURRED_IN', 'PERPETRATED_BY'] })],
];

describe.each(GRAPHS)('%s', (_name, make) => {
  it('exported as json and loaded into a fresh embedded store, reads back with the same nodes, edges and evidence', async () => {
    const content = exportGraph(make(), 'json');
    if (content.kind !== 'file') throw new Error('json is one file');
    const doc = validateGraph(JSON.parse(content.content), 'export.json');
    const { graph } = await loadIntoFreshStore(doc);
    expect(graph).toEqual(canonicalGraph(make()));
  });

  it('exported as a cypher script and run statement by statement in a fresh embedded store, gives what kg load gives, and nothing more when run again', async () => {
    const loaded = await loadIntoFreshStore(make());
    const run = await runScriptOnKuzu(toCypher(make()), 2);
    expect(run.skipped).toBe(ID_CONSTRAINTS.length);
    expect(run.counts[0]).toEqual(loaded.counts);
    expect(run.counts[1]).toEqual(loaded.counts);
    expect(run.graph).toEqual(loaded.graph);
  });
});

it('the selection is a real part of the graph, not all of it', () => {
  const piece = GRAPHS[2]![1]();
  expect(piece.nodes.length).toBeGreaterThan(0);
  expect(piece.nodes.length).toBeLessThan(smallGraph().nodes.length);
});
