// The left-hand controls: view presets, the legend (each swatch is also a filter switch for that
// type, label or kind), report dates, minimum sentences, focus depth, the Cypher box and export.
import { CLAIM_EDGE_TYPES, type FilterState } from './filters.ts';
import { el } from './dom.ts';
import { ACTOR_KIND_COLORS, EDGE_COLORS, LABEL_COLORS } from './palette.ts';

export interface ControlHooks {
  changed(): void;
  presetApplied(name: 'accusations' | 'everything'): void;
  runQuery(cypher: string): Promise<void>;
  clearQuery(): void;
  exportAs(format: 'graphology' | 'gexf' | 'graphml' | 'png'): Promise<void>;
  clearFocus(): void;
  relayout(): void;
  nameOf(id: string): string;
}

export interface Present {
  edgeTypes: Map<string, number>;
  nodeLabels: Map<string, number>;
  actorKinds: Map<string, number>;
  reportDates: string[];
  maxEvidence: number;
}

export interface Controls {
  /** Puts the checkboxes and sliders back in line with the state (after a preset or a search). */
  sync(): void;
  showQueryResult(node: HTMLElement | null): void;
  setQueryError(message: string | null): void;
}

function swatch(color: string, round: boolean): HTMLElement {
  const s = el('span', { class: round ? 'swatch round' : 'swatch' });
  s.style.background = color;
  return s;
}

export function buildControls(root: HTMLElement, state: FilterState, present: Present, hooks: ControlHooks): Controls {
  const boxes: { set: Set<string>; value: string; input: HTMLInputElement }[] = [];
  const group = (title: string, set: Set<string>, counts: Map<string, number>, colors: Record<string, string>, round: boolean, name: string) => {
    const items = [...counts.entries()].sort(([a], [b]) => (Object.keys(colors).indexOf(a) - Object.keys(colors).indexOf(b)) || (a < b ? -1 : 1));
    const list = el('ul', { class: 'legend' });
    for (const [value, n] of items) {
      const input = el('input', { type: 'checkbox', name, value });
      input.checked = set.has(value);
      input.addEventListener('change', () => {
        if (input.checked) set.add(value);
        else set.delete(value);
        hooks.changed();
      });
      boxes.push({ set, value, input });
      list.append(el('li', {}, el('label', {}, input, swatch(colors[value] ?? '#999', round), ` ${value} `, el('span', { class: 'count', text: String(n) }))));
    }
    return el('fieldset', {}, el('legend', { text: title }), list);
  };

  const preset = (name: string, id: 'accusations' | 'everything', apply: () => void) => {
    const b = el('button', { type: 'button', text: name, 'data-preset': id });
    b.addEventListener('click', () => {
      apply();
      controls.sync();
      hooks.presetApplied(id);
    });
    return b;
  };
  const all = (set: Set<string>, values: Iterable<string>) => {
    set.clear();
    for (const v of values) set.add(v);
  };
  const presets = el(
    'fieldset',
    {},
    el('legend', { text: 'View' }),
    el(
      'div',
      { class: 'buttons' },
      preset('Who accuses whom', 'accusations', () => {
        all(state.edgeTypes, CLAIM_EDGE_TYPES);
        all(state.nodeLabels, ['Actor']);
        all(state.actorKinds, present.actorKinds.keys());
        state.hideIsolated = true;
        state.focus = null;
      }),
      preset('Everything', 'everything', () => {
        all(state.edgeTypes, present.edgeTypes.keys());
        all(state.nodeLabels, present.nodeLabels.keys());
        all(state.actorKinds, present.actorKinds.keys());
        state.hideIsolated = false;
        state.focus = null;
      }),
    ),
  );

  // Report dates: two sliders over the distinct publication dates.
  const dates = present.reportDates;
  const fromInput = el('input', { type: 'range', min: '0', max: String(Math.max(0, dates.length - 1)), step: '1', value: '0', id: 'date-from', 'aria-label': 'From report date' });
  const toInput = el('input', { type: 'range', min: '0', max: String(Math.max(0, dates.length - 1)), step: '1', value: String(Math.max(0, dates.length - 1)), id: 'date-to', 'aria-label': 'To report date' });
  const dateText = el('div', { class: 'range-text' });
  const onDates = () => {
    let a = Number(fromInput.value);
    let b = Number(toInput.value);
    if (a > b) [a, b] = [b, a];
    state.dateFrom = a > 0 ? (dates[a] ?? null) : null;
    state.dateTo = b < dates.length - 1 ? (dates[b] ?? null) : null;
    dateText.textContent = dates.length ? `${dates[a]} – ${dates[b]}` : 'no report dates';
  };
  for (const input of [fromInput, toInput])
    input.addEventListener('input', () => {
      onDates();
      hooks.changed();
    });
  onDates();
  const dateSet = el('fieldset', {}, el('legend', { text: 'Report dates' }), dateText, el('label', {}, 'from ', fromInput), el('label', {}, 'to ', toInput));
  if (dates.length < 2) fromInput.disabled = toInput.disabled = true;

  const minInput = el('input', { type: 'range', min: '1', max: String(Math.max(1, present.maxEvidence)), step: '1', value: String(state.minEvidence), id: 'min-evidence' });
  const minText = el('span', { text: String(state.minEvidence) });
  minInput.addEventListener('input', () => {
    state.minEvidence = Number(minInput.value);
    minText.textContent = minInput.value;
    hooks.changed();
  });
  const isolated = el('input', { type: 'checkbox', id: 'hide-isolated' });
  isolated.checked = state.hideIsolated;
  isolated.addEventListener('change', () => {
    state.hideIsolated = isolated.checked;
    hooks.changed();
  });
  const hops = el('select', { id: 'hops', 'aria-label': 'Hops' }, ...[1, 2, 3].map((k) => el('option', { value: String(k), text: `${k} hop${k > 1 ? 's' : ''}` })));
  hops.addEventListener('change', () => {
    if (state.focus) state.focus.hops = Number(hops.value);
    hooks.changed();
  });
  const focusText = el('span', { id: 'focus-text', text: 'none (click a node, then "Focus")' });
  const clearFocus = el('button', { type: 'button', text: 'Clear focus' });
  clearFocus.addEventListener('click', () => hooks.clearFocus());
  const relayout = el('button', { type: 'button', text: 'Lay out what is shown' });
  relayout.addEventListener('click', () => hooks.relayout());
  const more = el(
    'fieldset',
    {},
    el('legend', { text: 'Support and focus' }),
    el('label', {}, 'at least ', minText, ' sentence(s) per claim ', minInput),
    el('label', {}, isolated, ' hide nodes with no edge shown'),
    el('div', {}, 'focus: ', focusText, ' ', hops),
    el('div', { class: 'buttons' }, clearFocus, relayout),
  );

  const cypher = el('textarea', { id: 'cypher', rows: '4', spellcheck: 'false', 'aria-label': 'Cypher query' });
  cypher.value = 'MATCH (a:Actor)-[r:ACCUSED]->(b:Actor) RETURN a, r, b';
  const run = el('button', { type: 'button', id: 'run-query', text: 'Run (read-only)' });
  const clear = el('button', { type: 'button', id: 'clear-query', text: 'Back to filters' });
  const queryError = el('p', { class: 'error', id: 'query-error' });
  queryError.hidden = true;
  const queryOut = el('div', { id: 'query-result' });
  run.addEventListener('click', () => {
    run.disabled = true;
    void hooks.runQuery(cypher.value).finally(() => (run.disabled = false));
  });
  clear.addEventListener('click', () => hooks.clearQuery());
  const query = el('fieldset', {}, el('legend', { text: 'Cypher' }), cypher, el('div', { class: 'buttons' }, run, clear), queryError, queryOut);

  const exportButtons = (['graphology', 'gexf', 'graphml', 'png'] as const).map((f) => {
    const b = el('button', { type: 'button', 'data-format': f, text: f === 'graphology' ? 'JSON' : f.toUpperCase() });
    b.addEventListener('click', () => {
      b.disabled = true;
      void hooks.exportAs(f).finally(() => (b.disabled = false));
    });
    return b;
  });
  const exporter = el('fieldset', {}, el('legend', { text: 'Export what is shown' }), el('div', { class: 'buttons' }, ...exportButtons));

  root.replaceChildren(
    presets,
    group('Relationships', state.edgeTypes, present.edgeTypes, EDGE_COLORS, false, 'edge-type'),
    group('Nodes', state.nodeLabels, present.nodeLabels, LABEL_COLORS, true, 'node-label'),
    group('Actor kinds', state.actorKinds, present.actorKinds, ACTOR_KIND_COLORS, true, 'actor-kind'),
    dateSet,
    more,
    query,
    exporter,
  );

  const controls: Controls = {
    sync() {
      for (const b of boxes) b.input.checked = b.set.has(b.value);
      isolated.checked = state.hideIsolated;
      focusText.textContent = state.focus ? hooks.nameOf(state.focus.node) : 'none (click a node, then "Focus")';
      if (state.focus) hops.value = String(state.focus.hops);
    },
    showQueryResult(node) {
      queryOut.replaceChildren(...(node ? [node] : []));
    },
    setQueryError(message) {
      queryError.hidden = message === null;
      queryError.textContent = message ?? '';
    },
  };
  return controls;
}
