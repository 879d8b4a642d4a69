// The side panel: a node's or an edge's properties and every supporting sentence, the quoted span
// highlighted inside its sentence, with the report's title, outlet, date and link. All of it is
// report text and goes in as text nodes.
import type { EdgeView, EvidenceView, NodeView } from './api.ts';
import { el, safeLink } from './dom.ts';
import { edgeColor } from './palette.ts';

export interface PanelActions {
  selectNode(id: string): void;
  selectEdge(id: string): void;
  focus(id: string): void;
  close(): void;
}

function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.map(formatValue).join(', ') || '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function propertiesTable(props: Record<string, unknown>): HTMLElement {
  const rows = Object.entries(props)
    .filter(([k]) => k !== 'sources')
    .map(([k, v]) => el('tr', {}, el('th', { text: k }), el('td', { text: formatValue(v) })));
  const sources = props.sources;
  if (Array.isArray(sources)) rows.push(el('tr', {}, el('th', { text: 'reports' }), el('td', { text: String(sources.length) })));
  return el('table', { class: 'props' }, ...rows);
}

export function evidenceItem(ev: EvidenceView): HTMLElement {
  const quote = el('blockquote', { class: 'evidence-text' }, ev.before ? `${ev.before}` : null, el('mark', { text: ev.text }), ev.after ? `${ev.after}` : null);
  const title = ev.sourceTitle ?? ev.file ?? ev.source;
  const meta = el(
    'div',
    { class: 'evidence-meta' },
    'Report: ',
    safeLink(ev.url, title),
    ev.outlet ? ` — ${ev.outlet}` : null,
    ev.published ? `, ${ev.published}` : null,
  );
  const extra = el(
    'div',
    { class: 'evidence-rule' },
    `rule ${ev.rule}`,
    ev.date ? ` · dated ${ev.date}` : null,
    ev.attributedToName ? ` · according to ${ev.attributedToName}` : null,
    ` · characters ${ev.start}–${ev.end}`,
  );
  return el('li', { class: 'evidence' }, quote, meta, extra);
}

function edgeSection(edge: EdgeView, actions: PanelActions, from: string | null): HTMLElement {
  const swatch = el('span', { class: 'swatch' });
  swatch.style.background = edgeColor(edge.type);
  const nameButton = (end: { id: string; name: string }) => {
    const b = el('button', { class: 'link', type: 'button', text: end.name });
    b.addEventListener('click', () => actions.selectNode(end.id));
    return b;
  };
  const openEdge = el('button', { class: 'link small', type: 'button', text: 'edge' });
  openEdge.addEventListener('click', () => actions.selectEdge(edge.id));
  const head = el(
    'h4',
    {},
    swatch,
    from === edge.from.id ? el('span', { class: 'me', text: 'this' }) : nameButton(edge.from),
    ` ${edge.type} `,
    from === edge.to.id ? el('span', { class: 'me', text: 'this' }) : nameButton(edge.to),
    ` (${edge.evidence.length} sentence${edge.evidence.length === 1 ? '' : 's'}) `,
    openEdge,
  );
  return el('section', { class: 'edge-section' }, head, edge.evidence.length ? el('ul', { class: 'evidence-list' }, ...edge.evidence.map(evidenceItem)) : null);
}

function frame(title: string, subtitle: string, actions: PanelActions, ...body: HTMLElement[]): HTMLElement[] {
  const close = el('button', { class: 'close', type: 'button', 'aria-label': 'Close', text: '×' });
  close.addEventListener('click', () => actions.close());
  return [el('div', { class: 'panel-head' }, el('h2', { text: title }), close), el('p', { class: 'subtitle', text: subtitle }), ...body];
}

export function renderNode(panel: HTMLElement, node: NodeView, actions: PanelActions, hiddenNote: string | null): void {
  const focus = el('button', { type: 'button', text: 'Focus on its neighbourhood' });
  focus.addEventListener('click', () => actions.focus(node.id));
  const sentences = node.evidence.length + node.edges.reduce((n, e) => n + e.evidence.length, 0);
  const kind = typeof node.properties.kind === 'string' ? ` · ${node.properties.kind}` : typeof node.properties.eventType === 'string' ? ` · ${node.properties.eventType}` : '';
  panel.replaceChildren(
    ...frame(
      node.name,
      `${node.label}${kind} · ${node.id}`,
      actions,
      el('div', { class: 'actions' }, focus),
      hiddenNote ? el('p', { class: 'note', text: hiddenNote }) : el('span'),
      propertiesTable(node.properties),
      el('h3', { text: `Evidence (${sentences} sentence${sentences === 1 ? '' : 's'})` }),
      node.evidence.length ? el('section', {}, el('h4', { text: 'Reported in' }), el('ul', { class: 'evidence-list' }, ...node.evidence.map(evidenceItem))) : el('span'),
      ...node.edges.map((e) => edgeSection(e, actions, node.id)),
    ),
  );
  panel.hidden = false;
  panel.scrollTop = 0;
}

export function renderEdge(panel: HTMLElement, edge: EdgeView, actions: PanelActions): void {
  panel.replaceChildren(...frame(`${edge.from.name} ${edge.type} ${edge.to.name}`, edge.id, actions, el('h3', { text: `Evidence (${edge.evidence.length})` }), edgeSection(edge, actions, null)));
  panel.hidden = false;
  panel.scrollTop = 0;
}

export function renderError(panel: HTMLElement, message: string, actions: PanelActions): void {
  panel.replaceChildren(...frame('Could not load the details', '', actions, el('p', { class: 'error', text: message })));
  panel.hidden = false;
}
