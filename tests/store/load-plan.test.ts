// Load planning: what a bulk loader deletes and copies so the store mirrors the document.
import { describe, expect, it } from 'vitest';
import { toStoredRows, type RelRow, type StoredRows } from '../../src/store/graph-rows.ts';
import { findStale, planLoad } from '../../src/store/load-plan.ts';
import { editedFixture, fixtureGraph } from './conformance.ts';

const empty: StoredRows = { nodes: [], rels: [] };
const original = toStoredRows(fixtureGraph());
const edited = toStoredRows(editedFixture());

describe('planLoad', () => {
  it('copies everything into an empty store', () => {
    const p = planLoad(empty, original);
    expect(p.copyNodes).toHaveLength(original.nodes.length);
    expect(p.copyRels).toHaveLength(original.rels.length);
    expect(p.deleteNodes.length + p.deleteRels.length).toBe(0);
  });

  it('plans nothing when the store already holds the document', () => {
    const p = planLoad(original, toStoredRows(fixtureGraph()));
    expect(p.work).toBe(0);
    expect(p.stats).toEqual({ nodesCreated: 0, nodesUpdated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsUpdated: 0, relationshipsDeleted: 0 });
  });

  it('updates a changed node in place, keeping its relationships; a gone node is deleted with its own', () => {
    const p = planLoad(original, edited);
    expect(p.deleteNodes.map((n) => n.id)).toEqual(['actor:river-news']);
    expect(p.copyNodes.map((n) => n.id)).toEqual(['actor:observer-group']);
    expect(p.updateNodes.map((n) => n.id)).toEqual(['actor:valdoria']);
    expect(p.updateNodes[0]!.props.aliases).toContain('Valdorian army');
    // Valdoria's unchanged relationships are neither deleted nor copied again.
    const unchanged = edited.rels.filter((r) => (r.from === 'actor:valdoria' || r.to === 'actor:valdoria') && original.rels.some((o) => JSON.stringify(o) === JSON.stringify(r)));
    expect(unchanged.length).toBeGreaterThan(0);
    for (const r of unchanged) {
      expect(p.copyRels).not.toContainEqual(r);
      expect(p.deleteRels).not.toContainEqual(r);
    }
    // relationships of deleted nodes go with them: never deleted one by one
    expect(p.deleteRels.some((r) => r.from === 'actor:river-news' || r.to === 'actor:river-news')).toBe(false);
    expect(p.stats).toEqual({ nodesCreated: 1, nodesUpdated: 1, nodesDeleted: 1, relationshipsCreated: 2, relationshipsUpdated: 1, relationshipsDeleted: 3 });
  });

  it('deletes and copies again a changed relationship whose ends stay', () => {
    const p = planLoad(original, edited);
    const called = (rows: RelRow[]) => rows.filter((r) => r.type === 'CALLED_ON' && r.from === 'actor:rights-watch-north');
    expect(called(p.deleteRels)).toHaveLength(1);
    expect(called(p.copyRels).map((r) => r.props.rule)).toEqual(['cue:call-on-v2']);
  });
});

describe('findStale', () => {
  it('finds what the store has and the document not, and leaves a deleted node’s relationships to DETACH', () => {
    const stale = findStale(original.nodes, original.rels, edited);
    expect(stale.nodes.map((n) => n.id)).toEqual(['actor:river-news']);
    expect(stale.rels.map((r) => `${r.type} ${r.from} ${r.to}`).sort()).toEqual([
      'ACCUSED actor:rights-watch-north actor:valdoria',
      `MENTIONS ${original.rels.find((r) => r.to === 'actor:river-news' && r.type === 'MENTIONS')!.from} actor:river-news`,
      `PUBLISHED_BY ${original.rels.find((r) => r.type === 'PUBLISHED_BY' && r.to === 'actor:river-news')!.from} actor:river-news`,
    ]);
    expect(stale.relsToDelete.map((r) => r.type)).toEqual(['ACCUSED']);
  });
});
