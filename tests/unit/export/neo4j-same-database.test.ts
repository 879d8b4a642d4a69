// The Neo4j-facing exports build the database `kg load --store neo4j` builds. The reference is the
// Neo4j adapter itself, loading the same document into the recording fake driver (which keeps
// what the adapter sends, typed as neo4j-driver types it). The cypher script, run with MERGE
// semantics, gives exactly that database; the csv folder, imported by neo4j-admin's rules, gives
// it except for the lists an import cannot hold (an empty list, a list of one ''). Either database,
// handed to the adapter, reads back as the document, and a `kg load` of the same document
// afterwards creates and deletes nothing: nothing is duplicated or missed.
import { describe, expect, it } from 'vitest';
import { ARRAY_DELIMITER, toNeo4jCsv } from '../../../src/export/to-neo4j-csv.ts';
import { toCypher } from '../../../src/export/to-cypher.ts';
import type { GraphDocument } from '../../../src/model/schema.ts';
import { canonicalGraph } from '../../../src/store/graph-rows.ts';
import { Neo4jStore } from '../../../src/store/neo4j-store.ts';
import { adversarialGraph, smallGraph } from '../../fixtures/export/graphs.ts';
import { importNeo4jCsv, parseCypherScript, runCypher, simDbContents } from './readers.ts';
import { countUnimportable, kgLoadDatabase, NEO4J_CONFIG, serverContents, serverHolding, withoutUnimportableLists } from './stores.ts';

const viaCsv = (doc: GraphDocument) => importNeo4jCsv(toNeo4jCsv(doc), ARRAY_DELIMITER);
const viaCypher = (doc: GraphDocument) => runCypher(parseCypherScript(toCypher(doc)));

describe.each([
  ['the small graph', smallGraph],
  ['the adversarial graph', adversarialGraph],
])('%s', (_name, make) => {
  it('the cypher script builds exactly the database kg load --store neo4j builds', async () => {
    expect(simDbContents(viaCypher(make()))).toEqual(simDbContents(await kgLoadDatabase(make())));
  });

  it('the csv import builds that database, but for the lists neo4j-admin cannot hold', async () => {
    const loaded = await kgLoadDatabase(make());
    expect(simDbContents(viaCsv(make()))).toEqual(simDbContents(withoutUnimportableLists(loaded)));
    expect(countUnimportable(loaded)).toBeGreaterThan(0); // the fixture does exercise them
  });

  it.each([
    ['cypher script', viaCypher],
    ['csv import', viaCsv],
  ])('after the %s, the Neo4j store reads the document back, and kg load creates, deletes and duplicates nothing', async (_via, build) => {
    const fake = serverHolding(build(make()));
    const store = await Neo4jStore.open(NEO4J_CONFIG, () => fake);
    expect(await store.readGraph()).toEqual(canonicalGraph(make()));
    const before = { nodes: fake.nodes.size, rels: fake.rels.length };
    const stats = await store.load(make());
    await store.close();
    // Only the csv import leaves anything to write: the lists it could not hold.
    const expectUpdated = build === viaCsv ? countUnimportable(await kgLoadDatabase(make())) : 0;
    expect(stats).toEqual({ nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, nodesUpdated: expect.any(Number), relationshipsUpdated: expect.any(Number) });
    expect(stats.nodesUpdated + stats.relationshipsUpdated).toBe(expectUpdated);
    expect({ nodes: fake.nodes.size, rels: fake.rels.length }).toEqual(before);
    expect(simDbContents(serverContents(fake))).toEqual(simDbContents(await kgLoadDatabase(make())));
  });
});
