// Scores an extracted graph against gold annotations: precision, recall and F1 for ACCUSED,
// CONDEMNED, CALLED_ON and events, attribute accuracy for matched events, and every miss and
// false hit. Claims are scored per (report, type, speaker, target): a predicted claim is right when
// a gold item of that pair has evidence overlapping one of its sentences; gold items marked
// optional are neither required nor counted as false hits.
import path from 'node:path';
import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import type { ActorNode, EventNode, GraphDocument, GraphNode, PlaceNode, SourceNode } from '../model/schema.ts';
import type { GoldEvent, GoldReport } from './gold.ts';
import { ActorMatcher, locate, overlaps, placeMatches, type Span } from './match.ts';

export const CLAIM_KINDS = ['ACCUSED', 'CONDEMNED', 'CALLED_ON'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
export const KINDS = [...CLAIM_KINDS, 'events'] as const;
export type Kind = (typeof KINDS)[number];
export const ATTRIBUTES = ['type', 'place', 'perpetrators', 'date', 'casualties'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Finding {
  report: string;
  kind: Kind;
  what: string;
  evidence: string;
}

export interface EvalResult {
  reports: number;
  kinds: Record<Kind, Counts>;
  macroF1: number;
  attributes: Record<Attribute, { right: number; total: number; accuracy: number }>;
  misses: Finding[];
  falseHits: Finding[];
  attributeErrors: Finding[];
  unmatchedGold: string[];
  ungradedSources: string[];
}

const GOLD_KEYS: Record<ClaimKind, { field: 'accused' | 'condemned' | 'called_on'; from: string; to: string }> = {
  ACCUSED: { field: 'accused', from: 'accuser', to: 'accused' },
  CONDEMNED: { field: 'condemned', from: 'condemner', to: 'target' },
  CALLED_ON: { field: 'called_on', from: 'caller', to: 'addressee' },
};

/** Our event types in the gold's vocabulary. */
const TYPE_TO_GOLD: Record<string, string> = { chemical_attack: 'attack', execution: 'other', arrest: 'other' };

function finish(tp: number, fp: number, fn: number): Counts {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

const clip = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}…` : s);

export function evaluate(graph: GraphDocument, golds: readonly GoldReport[], lex: CompiledLexicon): EvalResult {
  const byId = new Map<string, GraphNode>(graph.nodes.map((n) => [n.id, n]));
  const sources = graph.nodes.filter((n): n is SourceNode => n.label === 'Source');
  const raw: Record<Kind, { tp: number; fp: number; fn: number }> = { ACCUSED: { tp: 0, fp: 0, fn: 0 }, CONDEMNED: { tp: 0, fp: 0, fn: 0 }, CALLED_ON: { tp: 0, fp: 0, fn: 0 }, events: { tp: 0, fp: 0, fn: 0 } };
  const attrs = Object.fromEntries(ATTRIBUTES.map((a) => [a, { right: 0, total: 0, accuracy: 0 }])) as EvalResult['attributes'];
  const misses: Finding[] = [];
  const falseHits: Finding[] = [];
  const attributeErrors: Finding[] = [];
  const unmatchedGold: string[] = [];
  const graded = new Set<string>();

  for (const gold of golds) {
    const src = sources.find((s) => path.basename(s.file.replace(/#\d+$/, '')) === gold.report);
    if (!src) {
      unmatchedGold.push(gold.report);
      for (const k of CLAIM_KINDS) for (const item of gold[GOLD_KEYS[k].field]) if (!item.optional) raw[k].fn++;
      raw.events.fn += gold.events.filter((e) => !e.optional).length;
      continue;
    }
    graded.add(src.id);
    const actors = new ActorMatcher(gold, lex);
    const nameOf = (id: string): string => {
      const n = byId.get(id);
      if (n?.label === 'Actor') return actors.map(n as ActorNode);
      return n?.label === 'Event' ? '#event' : id;
    };
    const spanOf = (text: string): Span | null => locate(src.text, text);

    // Claims.
    for (const kind of CLAIM_KINDS) {
      const keys = GOLD_KEYS[kind];
      const items = (gold[keys.field] as Record<string, unknown>[]).map((it) => ({
        from: it[keys.from] as string,
        to: it[keys.to] as string,
        optional: !!it.optional,
        evidence: it.evidence as string,
        span: spanOf(it.evidence as string),
      }));
      const units = new Map<string, { from: string; to: string; spans: (Span & { text: string })[] }>();
      for (const e of graph.edges) {
        if (e.type !== kind) continue;
        const ev = e.evidence.filter((x) => x.source === src.id);
        if (ev.length === 0) continue;
        const from = nameOf(e.from);
        const to = nameOf(e.to);
        const key = `${from}\u0000${to}`;
        const u = units.get(key) ?? { from, to, spans: [] };
        u.spans.push(...ev.map((x) => ({ start: x.start, end: x.end, text: x.text })));
        units.set(key, u);
      }
      const found = new Set<number>();
      for (const u of units.values()) {
        let required = false;
        let any = false;
        items.forEach((it, i) => {
          const pairOk = it.from === u.from && (it.to === u.to || (u.to === '#event' && !actors.isGoldActor(it.to)));
          const evOk = it.span ? u.spans.some((s) => overlaps(s, it.span as Span)) : u.spans.some((s) => s.text.includes(it.evidence) || it.evidence.includes(s.text));
          if (pairOk && evOk) {
            any = true;
            if (!it.optional) {
              required = true;
              found.add(i);
            }
          }
        });
        if (required) raw[kind].tp++;
        else if (!any) {
          raw[kind].fp++;
          falseHits.push({ report: gold.report, kind, what: `${u.from} -> ${u.to}`, evidence: clip(u.spans[0]?.text ?? '') });
        }
      }
      items.forEach((it, i) => {
        if (it.optional || found.has(i)) return;
        raw[kind].fn++;
        misses.push({ report: gold.report, kind, what: `${it.from} -> ${it.to}`, evidence: clip(it.evidence) });
      });
    }

    // Events.
    const preds = graph.nodes
      .filter((n): n is EventNode => n.label === 'Event' && n.sources.includes(src.id))
      .map((e) => {
        const placeEdge = graph.edges.find((x) => x.type === 'OCCURRED_IN' && x.from === e.id);
        const place = placeEdge ? (byId.get(placeEdge.to) as PlaceNode | undefined) ?? null : null;
        const perps = e.status === 'contested' ? [] : graph.edges.filter((x) => x.type === 'PERPETRATED_BY' && x.from === e.id).map((x) => nameOf(x.to));
        return { e, place, perps: [...new Set(perps)].sort(), spans: e.evidence.filter((x) => x.source === src.id) };
      });
    const goldEvents = gold.events.map((g) => ({ g, span: spanOf(g.evidence) }));
    const pairs: { p: number; q: number; score: number }[] = [];
    preds.forEach((p, i) => {
      goldEvents.forEach(({ g, span }, j) => {
        const ok = span ? p.spans.some((s) => overlaps(s, span)) : p.spans.some((s) => s.text.includes(g.evidence));
        if (!ok) return;
        const a = attributeChecks(lex, gold, p, g);
        pairs.push({ p: i, q: j, score: 100 + (g.optional ? 0 : 50) + Object.values(a).filter(Boolean).length * 10 });
      });
    });
    pairs.sort((x, y) => y.score - x.score || x.p - y.p || x.q - y.q);
    const predTaken = new Map<number, number>();
    const goldTaken = new Set<number>();
    for (const pr of pairs) {
      if (predTaken.has(pr.p) || goldTaken.has(pr.q)) continue;
      predTaken.set(pr.p, pr.q);
      goldTaken.add(pr.q);
    }
    preds.forEach((p, i) => {
      const q = predTaken.get(i);
      if (q === undefined) {
        raw.events.fp++;
        falseHits.push({ report: gold.report, kind: 'events', what: `${p.e.eventType} ${p.place?.name ?? '(no place)'} ${p.e.date ?? ''}`.trim(), evidence: clip(p.spans[0]?.text ?? '') });
        return;
      }
      const { g } = goldEvents[q] as { g: GoldEvent };
      if (!g.optional) raw.events.tp++;
      const checks = attributeChecks(lex, gold, p, g);
      for (const attr of ATTRIBUTES) {
        attrs[attr].total++;
        if (checks[attr]) attrs[attr].right++;
        else attributeErrors.push({ report: gold.report, kind: 'events', what: `${attr}: gold ${describe(g, attr)}, ours ${describePred(p, attr)}`, evidence: clip(g.evidence) });
      }
    });
    goldEvents.forEach(({ g }, j) => {
      if (g.optional || goldTaken.has(j)) return;
      raw.events.fn++;
      misses.push({ report: gold.report, kind: 'events', what: `${g.type} ${g.place ?? '(no place)'} ${g.date ?? ''}`.trim(), evidence: clip(g.evidence) });
    });
  }

  const kinds = Object.fromEntries(KINDS.map((k) => [k, finish(raw[k].tp, raw[k].fp, raw[k].fn)])) as Record<Kind, Counts>;
  for (const a of ATTRIBUTES) attrs[a].accuracy = attrs[a].total === 0 ? 1 : attrs[a].right / attrs[a].total;
  return {
    reports: golds.length - unmatchedGold.length,
    kinds,
    macroF1: KINDS.reduce((s, k) => s + kinds[k].f1, 0) / KINDS.length,
    attributes: attrs,
    misses,
    falseHits,
    attributeErrors,
    unmatchedGold,
    ungradedSources: sources.filter((s) => !graded.has(s.id)).map((s) => s.file).sort(),
  };
}

interface PredEvent {
  e: EventNode;
  place: PlaceNode | null;
  perps: string[];
}

function attributeChecks(lex: CompiledLexicon, gold: GoldReport, p: PredEvent, g: GoldEvent): Record<Attribute, boolean> {
  const type = TYPE_TO_GOLD[p.e.eventType] ?? p.e.eventType;
  const gmin = g.killed_min ?? null;
  const gmax = g.killed_max ?? null;
  // "more than 25" may be annotated 25 or 26.
  const minOk = gmin === p.e.killedMin || (gmin !== null && p.e.killedMin === gmin + 1);
  return {
    type: type === g.type,
    place: placeMatches(lex, gold, g.place, p.place),
    perpetrators: JSON.stringify([...new Set(g.perpetrators)].sort()) === JSON.stringify(p.perps),
    date: (g.date ?? null) === p.e.date,
    casualties: minOk && gmax === p.e.killedMax,
  };
}

function describe(g: GoldEvent, attr: Attribute): string {
  switch (attr) {
    case 'type':
      return g.type;
    case 'place':
      return g.place ?? 'none';
    case 'perpetrators':
      return `[${g.perpetrators.join(', ')}]`;
    case 'date':
      return g.date ?? 'none';
    case 'casualties':
      return `${g.killed_min ?? '-'}..${g.killed_max ?? '-'}`;
  }
}

function describePred(p: PredEvent, attr: Attribute): string {
  switch (attr) {
    case 'type':
      return p.e.eventType;
    case 'place':
      return p.place?.name ?? 'none';
    case 'perpetrators':
      return `[${p.perps.join(', ')}]`;
    case 'date':
      return p.e.date ?? 'none';
    case 'casualties':
      return `${p.e.killedMin ?? '-'}..${p.e.killedMax ?? '-'}`;
  }
}
