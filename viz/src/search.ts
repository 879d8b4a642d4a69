// The search box: names and aliases, the lexicon's too, asked of the server as the user types;
// picking a hit opens its details (and frames it when it is shown).
import { api } from './api.ts';
import { el } from './dom.ts';
import { nodeColor } from './palette.ts';

export function wireSearch(input: HTMLInputElement, list: HTMLElement, pick: (id: string) => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const close = () => {
    list.hidden = true;
    list.replaceChildren();
  };
  const choose = (id: string) => {
    close();
    pick(id);
  };
  const ask = async () => {
    const q = input.value.trim();
    const ticket = ++asked;
    if (!q) return close();
    try {
      const { hits } = await api.search(q);
      if (ticket !== asked) return;
      if (hits.length === 0) {
        list.replaceChildren(el('li', { class: 'empty', text: `nothing named "${q}"` }));
      } else {
        list.replaceChildren(
          ...hits.map((h) => {
            const dot = el('span', { class: 'swatch round' });
            dot.style.background = nodeColor(h.label, undefined);
            const b = el('button', { type: 'button', role: 'option', 'data-id': h.id }, dot, ` ${h.name}`, h.matched !== h.name ? el('span', { class: 'alias', text: ` (${h.matched})` }) : null, el('span', { class: 'count', text: ` ${h.label}` }));
            b.addEventListener('click', () => choose(h.id));
            return el('li', {}, b);
          }),
        );
      }
      list.hidden = false;
    } catch (err) {
      list.replaceChildren(el('li', { class: 'error', text: (err as Error).message }));
      list.hidden = false;
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void ask(), 150);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') close();
    if (ev.key === 'Enter') {
      const first = list.querySelector<HTMLButtonElement>('button[data-id]');
      if (first?.dataset.id) choose(first.dataset.id);
    }
  });
  document.addEventListener('click', (ev) => {
    if (!list.contains(ev.target as Node) && ev.target !== input) close();
  });
}
