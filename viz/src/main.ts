// The viewer: loads the graph from the server, draws it with sigma (WebGL), and wires the
// filters, search, focus, hover, side panel, Cypher box and export together.
import { MultiDirectedGraph } from 'graphology';
import fa2Module from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeLineProgram } from 'sigma/rendering';
import { DEFAULT_EDGE_CURVATURE, EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { downloadAsPNG } from '@sigma/export-image';
import { api, ApiError, type QueryAnswer, type ViewGraph } from './api.ts';
import { buildControls } from './controls.ts';
import { byId, el } from './dom.ts';
import { CLAIM_EDGE_TYPES, computeVisible, type FilterState, type ViewerGraph, type Visible } from './filters.ts';
import { DIMMED, edgeColor, nodeColor } from './palette.ts';
import { renderEdge, renderError, renderNode, type PanelActions } from './panel.ts';
import { wireSearch } from './search.ts';

// graphology-layout-forceatlas2 is CommonJS: the bundler hands its module.exports over as the default.
const forceAtlas2 = fa2Module as unknown as typeof fa2Module.default;

/** Above this many edges, edges are hidden while the camera moves and labels need a closer zoom. */
const LARGE = 5000;

function nodeSize(claims: number): number {
  return Math.min(30, 4 + 2.2 * Math.sqrt(claims));
}

function edgeSize(sentences: number): number {
  return Math.min(12, 1 + 0.9 * Math.max(1, sentences));
}

/**
 * Large graphs draw edges as thin lines: arrowheads and curves cost a shape per edge, which on a
 * machine without a GPU (software WebGL) makes a 50,000-edge frame take seconds. Direction stays
 * in the side panel and the hover highlight.
 */
function buildGraph(data: ViewGraph, large: boolean): ViewerGraph {
  const graph: ViewerGraph = new MultiDirectedGraph();
  graph.import({ ...data, attributes: {} } as never);
  graph.forEachNode((id, a) => {
    graph.mergeNodeAttributes(id, { color: nodeColor(a.nodeLabel, a.kind), size: nodeSize(a.claims), x0: a.x, y0: a.y });
  });
  // Edges between the same two nodes (either way) are curved apart; the rest stay straight (cheaper to draw).
  const pairs = new Map<string, string[]>();
  graph.forEachEdge((id, _a, s, t) => {
    const key = s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
    const list = pairs.get(key) ?? [];
    list.push(id);
    pairs.set(key, list);
  });
  for (const ids of pairs.values()) {
    const perDirection = new Map<string, number>();
    for (const id of ids) {
      const a = graph.getEdgeAttributes(id);
      const dir = graph.source(id);
      const i = perDirection.get(dir) ?? 0;
      perDirection.set(dir, i + 1);
      graph.mergeEdgeAttributes(id, {
        color: edgeColor(a.relType),
        size: large ? 1 : edgeSize(a.evidenceCount),
        type: large ? 'line' : ids.length > 1 ? 'curved' : 'arrow',
        curvature: DEFAULT_EDGE_CURVATURE * (1 + i),
      });
    }
  }
  return graph;
}

function countBy(values: Iterable<string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function main(): Promise<void> {
  const data = await api.graph();
  const large = data.edges.length > LARGE || data.nodes.length > LARGE;
  const graph = buildGraph(data, large);

  const present = {
    edgeTypes: countBy(data.edges.map((e) => e.attributes.relType)),
    nodeLabels: countBy(data.nodes.map((n) => n.attributes.nodeLabel)),
    actorKinds: countBy(data.nodes.filter((n) => n.attributes.nodeLabel === 'Actor').map((n) => n.attributes.kind ?? 'other')),
    reportDates: data.attributes.reportDates,
    maxEvidence: data.edges.reduce((m, e) => Math.max(m, e.attributes.evidenceCount), 1),
  };
  // The default view: who accuses whom (actors, and the claims between them).
  const state: FilterState = {
    edgeTypes: new Set(CLAIM_EDGE_TYPES.filter((t) => present.edgeTypes.has(t))),
    nodeLabels: new Set(['Actor']),
    actorKinds: new Set(present.actorKinds.keys()),
    dateFrom: null,
    dateTo: null,
    minEvidence: 1,
    hideIsolated: true,
    focus: null,
    query: null,
  };
  let visible: Visible = computeVisible(graph, state);
  let hovered: string | null = null;
  let hoverNeighbours = new Set<string>();
  let selected: { kind: 'node' | 'edge'; id: string } | null = null;

  const container = byId('sigma');
  const renderer = new Sigma(graph, container, {
    defaultEdgeType: 'arrow',
    edgeProgramClasses: { arrow: EdgeArrowProgram, curved: EdgeCurvedArrowProgram, line: EdgeLineProgram },
    renderEdgeLabels: false,
    enableEdgeEvents: !large,
    hideEdgesOnMove: large,
    hideLabelsOnMove: large,
    labelRenderedSizeThreshold: large ? 14 : 6,
    labelDensity: large ? 0.3 : 1,
    labelSize: 13,
    labelFont: 'system-ui, sans-serif',
    zIndex: true,
    minEdgeThickness: 1,
    stagePadding: 40,
    nodeReducer: (node, attrs) => {
      if (!visible.nodes.has(node)) return { ...attrs, hidden: true };
      const out: Record<string, unknown> = { ...attrs };
      if (hovered && !large && node !== hovered && !hoverNeighbours.has(node)) {
        out.color = DIMMED;
        out.label = '';
        out.zIndex = 0;
      } else out.zIndex = 1;
      if ((selected?.kind === 'node' && selected.id === node) || node === hovered || (large && hoverNeighbours.has(node))) {
        out.highlighted = true;
        out.forceLabel = true;
        out.zIndex = 2;
      }
      return out;
    },
    edgeReducer: (edge, attrs) => {
      if (!visible.edges.has(edge)) return { ...attrs, hidden: true };
      if (hovered && !large && graph.source(edge) !== hovered && graph.target(edge) !== hovered) return { ...attrs, color: DIMMED, zIndex: 0 };
      if (selected?.kind === 'edge' && selected.id === edge) return { ...attrs, size: (attrs.size as number) + 3, zIndex: 2 };
      return { ...attrs, zIndex: 1 };
    },
  });

  const stats = byId('stats');
  const banner = byId('banner');
  const panel = byId('panel');

  /** Frames the camera on what is shown. */
  const fitToVisible = () => {
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const n of visible.nodes) {
      const { x, y } = graph.getNodeAttributes(n);
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    if (visible.nodes.size === 0) renderer.setCustomBBox(null);
    else {
      // Give the box the viewport's shape: sigma fits a box of another shape by one side only, cutting the other.
      const { width, height } = renderer.getDimensions();
      // Labels are drawn to the right of their nodes: leave them room on that side.
      maxX += (maxX - minX) * 0.3;
      let w = Math.max(maxX - minX, 1e-6);
      let h = Math.max(maxY - minY, 1e-6);
      const aspect = height > 0 && width > 0 ? height / width : 1;
      if (h / w < aspect) h = w * aspect;
      else w = h / aspect;
      const cx = (minX + maxX) / 2;
      const cy = (minY + maxY) / 2;
      const pad = visible.nodes.size === 1 ? 1 : 0;
      renderer.setCustomBBox({ x: [cx - w / 2 - pad, cx + w / 2 + pad], y: [cy - h / 2 - pad, cy + h / 2 + pad] });
    }
    renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  };

  /** ForceAtlas2 over what is shown, from the current positions (deterministic: no random start). */
  const relayout = () => {
    const sub = new MultiDirectedGraph();
    for (const n of visible.nodes) sub.addNode(n, { x: graph.getNodeAttribute(n, 'x'), y: graph.getNodeAttribute(n, 'y') });
    for (const e of visible.edges) sub.addEdge(graph.source(e), graph.target(e), { weight: graph.getEdgeAttribute(e, 'evidenceCount') || 1 });
    if (sub.order < 2) return;
    const iterations = sub.order > 3000 ? 30 : sub.order > 500 ? 100 : 400;
    const settings = { ...forceAtlas2.inferSettings(sub), edgeWeightInfluence: 0.5, scalingRatio: sub.order < 100 ? 30 : 10, gravity: 1 };
    forceAtlas2.assign(sub, { iterations, settings, getEdgeWeight: 'weight' });
    sub.forEachNode((n, a) => graph.mergeNodeAttributes(n, { x: a.x, y: a.y }));
  };

  // The side panel narrows the stage: sigma sizes its canvases to the container again and the
  // camera frames what is shown in the new shape.
  new ResizeObserver(() => {
    renderer.resize();
    fitToVisible();
    renderer.refresh();
  }).observe(container);

  const restorePositions = () => graph.forEachNode((n, a) => graph.mergeNodeAttributes(n, { x: a.x0 as number, y: a.y0 as number }));

  const update = (opts: { fit?: boolean } = {}) => {
    visible = computeVisible(graph, state);
    stats.textContent = `${visible.nodes.size} nodes · ${visible.edges.size} edges shown (of ${graph.order} · ${graph.size})`;
    stats.dataset.nodes = String(visible.nodes.size);
    stats.dataset.edges = String(visible.edges.size);
    if (state.query) {
      banner.hidden = false;
      banner.textContent = `Showing a query result: ${visible.nodes.size} nodes, ${visible.edges.size} edges. "Back to filters" returns to the filtered view.`;
    } else if (state.focus) {
      banner.hidden = false;
      banner.textContent = `Focus: ${graph.getNodeAttribute(state.focus.node, 'name') as string}, ${state.focus.hops} hop(s).`;
    } else banner.hidden = true;
    if (opts.fit !== false) fitToVisible();
    renderer.refresh();
  };

  const nameOf = (id: string) => (graph.hasNode(id) ? (graph.getNodeAttribute(id, 'name') as string) : id);

  const actions: PanelActions = {
    selectNode: (id) => void selectNode(id),
    selectEdge: (id) => void selectEdge(id),
    focus: (id) => {
      state.focus = { node: id, hops: state.focus?.hops ?? 1 };
      state.query = null;
      controls.sync();
      update();
    },
    close: () => {
      panel.hidden = true;
      selected = null;
      renderer.refresh();
    },
  };

  async function selectNode(id: string): Promise<void> {
    selected = { kind: 'node', id };
    renderer.refresh();
    try {
      const view = await api.node(id);
      renderNode(panel, view, actions, visible.nodes.has(id) ? null : 'Hidden by the current filters: "Focus on its neighbourhood" shows it.');
      // Bring the node into view only when the panel (or the camera) left it off screen.
      const shown = renderer.getNodeDisplayData(id);
      if (shown && visible.nodes.has(id)) {
        const p = renderer.framedGraphToViewport(shown);
        const { width, height } = renderer.getDimensions();
        if (p.x < 20 || p.y < 20 || p.x > width - 20 || p.y > height - 20) void renderer.getCamera().animate({ x: shown.x, y: shown.y }, { duration: 300 });
      }
    } catch (err) {
      renderError(panel, (err as Error).message, actions);
    }
  }

  async function selectEdge(id: string): Promise<void> {
    selected = { kind: 'edge', id };
    renderer.refresh();
    try {
      renderEdge(panel, await api.edge(id), actions);
    } catch (err) {
      renderError(panel, (err as Error).message, actions);
    }
  }

  const queryTable = (answer: QueryAnswer): HTMLElement => {
    const shown = answer.rows.slice(0, 50);
    const cell = (v: unknown): string => {
      if (v === null || v === undefined) return '';
      if (Array.isArray(v)) return `[${v.map(cell).join(', ')}]`;
      if (typeof v !== 'object') return String(v);
      const o = v as Record<string, unknown>;
      if (typeof o.node === 'string') return `${String(o.name)} (${String(o.label)})`;
      if (typeof o.relationship === 'string') return `${String(o.from)} ${o.relationship} ${String(o.to)}`;
      if (Array.isArray(o.path)) return o.path.join(' – ');
      return JSON.stringify(v);
    };
    return el(
      'div',
      {},
      el('p', {
        class: 'note',
        text: `${answer.rows.length} row(s)${answer.truncated ? ` (stopped at the server's limit of ${answer.maxRows})` : ''}; drawn: ${answer.nodes.length} nodes, ${answer.edges.length} edges${answer.rows.length > shown.length ? '; first 50 rows below' : ''}`,
      }),
      el(
        'div',
        { class: 'table-wrap' },
        el('table', { class: 'rows' }, el('tr', {}, ...answer.columns.map((c) => el('th', { text: c }))), ...shown.map((r) => el('tr', {}, ...answer.columns.map((c) => el('td', { text: cell(r[c]) }))))),
      ),
    );
  };

  const controls = buildControls(byId('controls'), state, present, {
    changed: () => {
      state.query = null;
      update();
    },
    presetApplied: (name) => {
      state.query = null;
      if (name === 'everything') restorePositions();
      visible = computeVisible(graph, state);
      if (name === 'accusations') relayout();
      update();
    },
    nameOf,
    async runQuery(cypher) {
      controls.setQueryError(null);
      try {
        const answer = await api.query(cypher);
        controls.showQueryResult(queryTable(answer));
        // A table of values only (counts, names) leaves the drawing as it is.
        if (answer.nodes.length === 0 && answer.edges.length === 0) return;
        state.query = { nodes: new Set(answer.nodes), edges: new Set(answer.edges) };
        update();
      } catch (err) {
        controls.setQueryError(err instanceof ApiError ? `${err.message} [${err.code}]` : String(err));
      }
    },
    clearQuery() {
      state.query = null;
      controls.showQueryResult(null);
      controls.setQueryError(null);
      update();
    },
    clearFocus() {
      state.focus = null;
      controls.sync();
      update();
    },
    relayout() {
      relayout();
      update();
    },
    async exportAs(format) {
      if (format === 'png') {
        await downloadAsPNG(renderer, { fileName: 'reportgraph', backgroundColor: '#ffffff' });
        return;
      }
      const blob = await api.exportView(format, [...visible.nodes], [...visible.edges]);
      download(blob, `reportgraph.${format === 'graphology' ? 'graphology.json' : format}`);
    },
  });

  // Hover: on a small graph everything else fades; on a large one only the node and its
  // neighbours are redrawn, highlighted (fading 60,000 items on every hover would stall the page).
  const setHover = (node: string | null) => {
    const before = hovered ? [hovered, ...hoverNeighbours] : [];
    hovered = node;
    hoverNeighbours = new Set(node ? graph.neighbors(node) : []);
    if (!large) return renderer.refresh({ skipIndexation: true });
    const nodes = [...new Set([...before, ...(node ? [node, ...hoverNeighbours] : [])])];
    renderer.refresh({ partialGraph: { nodes }, skipIndexation: true });
  };
  renderer.on('enterNode', ({ node }) => setHover(node));
  renderer.on('leaveNode', () => setHover(null));
  renderer.on('clickNode', ({ node }) => void selectNode(node));
  renderer.on('clickEdge', ({ edge }) => void selectEdge(edge));
  renderer.on('clickStage', () => actions.close());

  wireSearch(byId<HTMLInputElement>('search'), byId('search-results'), (id) => void selectNode(id));

  // The first picture: the default view laid out on its own, framed.
  if (!large) relayout();
  update();
  byId('loading').remove();
  performance.mark('reportgraph-first-render');
  document.body.dataset.ready = 'true';
  // For the browser test and the benchmark: the renderer and what is shown, read-only use.
  (window as unknown as { reportgraph: unknown }).reportgraph = { renderer, graph, visible: () => visible };
}

main().catch((err: unknown) => {
  const box = byId('loading');
  box.classList.add('error');
  box.textContent = `Could not load the graph: ${err instanceof Error ? err.message : String(err)}`;
});
