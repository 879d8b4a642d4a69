// The graph the viewer draws: deterministic layout, node sizes from claims, edge dates from the
// reports' publication dates, no report text.
import { describe, expect, it } from 'vitest';
import type { SourceNode } from '../../src/model/schema.ts';
import { claimCounts, viewGraph } from '../../src/server/view-graph.ts';
import { fixtureGraph } from '../store/conformance.ts';

describe('viewGraph', () => {
  const doc = fixtureGraph();

  it('lays the graph out the same way every time, with nodes apart', () => {
    const a = viewGraph(doc);
    const b = viewGraph(structuredClone(doc));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const spots = new Set(a.nodes.map((n) => `${n.attributes.x},${n.attributes.y}`));
    expect(spots.size).toBe(a.nodes.length);
  });

  it('counts the sentences of the claims touching a node, and an event\'s own', () => {
    const counts = claimCounts(doc);
    for (const n of doc.nodes) {
      let expected = doc.edges.filter((e) => ['ACCUSED', 'CONDEMNED', 'CALLED_ON', 'DENIED'].includes(e.type) && (e.from === n.id || e.to === n.id)).reduce((k, e) => k + e.evidence.length * (e.from === e.to ? 2 : 1), 0);
      if (n.label === 'Event') expected += n.evidence.length;
      expect(counts.get(n.id) ?? 0, n.id).toBe(expected);
    }
  });

  it('dates an edge by the publication dates of the reports its sentences come from', () => {
    const published = new Map(doc.nodes.filter((n): n is SourceNode => n.label === 'Source').map((n) => [n.id, n.published]));
    const view = viewGraph(doc);
    for (const e of view.edges) {
      const edge = doc.edges.find((d) => d.id === e.key)!;
      expect(e.attributes.dates).toEqual([...new Set(edge.evidence.map((ev) => published.get(ev.source)).filter(Boolean))].sort());
    }
    expect(JSON.stringify(view)).not.toContain('"text"');
  });
});
