// What the viewer shows for a filter state (viz/src/filters.ts, pure): the default view of who
// accuses whom, edge types, labels and kinds, report dates, minimum sentences, focus, queries.
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { CLAIM_EDGE_TYPES, computeVisible, dateOverlaps, type FilterState, type ViewerGraph } from '../../viz/src/filters.ts';
import type { EdgeType } from '../../src/model/vocab.ts';

function graph(): ViewerGraph {
  const g: ViewerGraph = new MultiDirectedGraph();
  const actor = (id: string, kind: string) => g.addNode(id, { label: id, nodeLabel: 'Actor', name: id, kind, claims: 0, x: 0, y: 0 });
  actor('a', 'state');
  actor('b', 'armed_group');
  actor('c', 'civil_society');
  actor('d', 'media');
  g.addNode('e1', { label: 'e1', nodeLabel: 'Event', name: 'e1', kind: 'airstrike', date: '2018-07', claims: 1, x: 0, y: 0 });
  g.addNode('p', { label: 'p', nodeLabel: 'Place', name: 'p', kind: 'city', claims: 0, x: 0, y: 0 });
  const edge = (key: string, s: string, t: string, relType: EdgeType, evidenceCount: number, dates: string[]) => g.addEdgeWithKey(key, s, t, { relType, evidenceCount, dates });
  edge('ab', 'a', 'b', 'ACCUSED', 3, ['2018-07-13']);
  edge('ba', 'b', 'a', 'CONDEMNED', 1, ['2017-10-05']);
  edge('cb', 'c', 'b', 'CALLED_ON', 1, ['2014-06-11']);
  edge('cd', 'c', 'd', 'DENIED', 2, ['2018-07-13']);
  edge('ep', 'e1', 'p', 'OCCURRED_IN', 0, []);
  edge('eb', 'e1', 'b', 'PERPETRATED_BY', 1, ['2018-07-13']);
  return g;
}

function state(over: Partial<FilterState> = {}): FilterState {
  return {
    edgeTypes: new Set(CLAIM_EDGE_TYPES),
    nodeLabels: new Set(['Actor']),
    actorKinds: new Set(['state', 'armed_group', 'civil_society', 'media']),
    dateFrom: null,
    dateTo: null,
    minEvidence: 1,
    hideIsolated: true,
    focus: null,
    query: null,
    ...over,
  };
}

const sorted = (s: Set<string>) => [...s].sort();

describe('computeVisible', () => {
  it('shows who accuses whom by default: actors joined by ACCUSED, CONDEMNED or CALLED_ON', () => {
    const v = computeVisible(graph(), state());
    expect(sorted(v.edges)).toEqual(['ab', 'ba', 'cb']);
    expect(sorted(v.nodes)).toEqual(['a', 'b', 'c']);
  });

  it('keeps isolated nodes when asked, and follows edge types, labels and kinds', () => {
    expect(sorted(computeVisible(graph(), state({ hideIsolated: false })).nodes)).toEqual(['a', 'b', 'c', 'd']);
    expect(sorted(computeVisible(graph(), state({ edgeTypes: new Set(['ACCUSED']) })).edges)).toEqual(['ab']);
    expect(sorted(computeVisible(graph(), state({ actorKinds: new Set(['state', 'armed_group']) })).edges)).toEqual(['ab', 'ba']);
    const all = state({ edgeTypes: new Set(['OCCURRED_IN', 'PERPETRATED_BY']), nodeLabels: new Set(['Actor', 'Event', 'Place']) });
    expect(sorted(computeVisible(graph(), all).nodes)).toEqual(['b', 'e1', 'p']);
  });

  it('keeps edges with a sentence from a report in the date range, and events whose date overlaps it', () => {
    expect(sorted(computeVisible(graph(), state({ dateFrom: '2017-01-01', dateTo: '2017-12-31' })).edges)).toEqual(['ba']);
    const events = state({ edgeTypes: new Set(['OCCURRED_IN']), nodeLabels: new Set(['Event', 'Place']) });
    expect(computeVisible(graph(), { ...events, dateFrom: '2018-07-20', dateTo: null }).edges.size).toBe(1);
    expect(computeVisible(graph(), { ...events, dateFrom: '2018-08-01', dateTo: null }).edges.size).toBe(0);
  });

  it('hides claims with fewer sentences than the minimum, never structural edges (they have none)', () => {
    expect(sorted(computeVisible(graph(), state({ minEvidence: 2 })).edges)).toEqual(['ab']);
    const places = state({ edgeTypes: new Set(['OCCURRED_IN']), nodeLabels: new Set(['Event', 'Place']), minEvidence: 5 });
    expect(sorted(computeVisible(graph(), places).edges)).toEqual(['ep']);
  });

  it('focuses on a node to k hops over what the filters show', () => {
    const wide = state({ edgeTypes: new Set([...CLAIM_EDGE_TYPES, 'DENIED']) });
    expect(sorted(computeVisible(graph(), { ...wide, focus: { node: 'a', hops: 1 } }).nodes)).toEqual(['a', 'b']);
    expect(sorted(computeVisible(graph(), { ...wide, focus: { node: 'a', hops: 2 } }).nodes)).toEqual(['a', 'b', 'c']);
    expect(sorted(computeVisible(graph(), { ...wide, focus: { node: 'a', hops: 3 } }).nodes)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('shows exactly a query result while one is on, whatever the filters', () => {
    const v = computeVisible(graph(), state({ edgeTypes: new Set(), query: { nodes: new Set(['e1', 'p', 'gone']), edges: new Set(['ep', 'ab']) } }));
    expect(sorted(v.nodes)).toEqual(['e1', 'p']);
    expect(sorted(v.edges)).toEqual(['ep']);
  });
});

describe('dateOverlaps', () => {
  it('reads partial dates as the span they name', () => {
    expect(dateOverlaps('2018-07', '2018-07-20', null)).toBe(true);
    expect(dateOverlaps('2018', null, '2018-01-01')).toBe(true);
    expect(dateOverlaps('2018-07', '2018-08-01', null)).toBe(false);
    expect(dateOverlaps('2018-07-13', null, '2018-07-12')).toBe(false);
  });
});
