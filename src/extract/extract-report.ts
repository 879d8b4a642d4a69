// One report to one graph fragment, in a fixed order: sentences -> mentions -> who speaks ->
// events -> claims -> nodes and edges, each edge with the sentence that supports it and the rule
// that fired. Pure: the same report and lexicon always give the same fragment.
import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import { GraphBuilder } from '../model/graph-builder.ts';
import { eventId, nodeId, sourceId } from '../model/ids.ts';
import type { Report, Sentence } from '../model/report.ts';
import type { Evidence, GraphDocument } from '../model/schema.ts';
import type { EdgeType, EventType } from '../model/vocab.ts';
import { splitSentences } from '../ingest/split-sentences.ts';
import { tokenize } from './tokens.ts';
import { actorNodeRef, findMentions, outletActors, sentenceTokens, type ActorNodeRef, type MentionContext, type PlaceMention, type PlaceRef } from './mentions.ts';
import { canBeAccusedByCall, type Analysed } from './clauses.ts';
import { colonSpeaker, descriptionMentions, Discourse, findFrames, findQuoteRegions, type Frame, type QuoteRegion, type Speaker } from './discourse.ts';
import { addEventMention, findEventMentions, foldHeadlines, placesCompatible, typesCompatible, type EventContext, type EventDraft } from './extract-events.ts';
import { findCueClaims, findImplicitAccusations, type ClaimDraft, type VoicedSpan } from './extract-claims.ts';
import { readCasualties } from './casualties.ts';

export { outletActors };

function evidenceOf(source: string, s: Sentence, rule: string, extra: Partial<Evidence> = {}): Evidence {
  const e: Evidence = { source, text: s.text, start: s.start, end: s.end, rule };
  if (extra.attributedTo) e.attributedTo = extra.attributedTo;
  if (extra.date) e.date = extra.date;
  return e;
}

const CLAIMED_RESPONSIBILITY = /^\s*(?:,[^,]{0,60},\s*)?(?:has\s+|have\s+|had\s+|later\s+|quickly\s+)*(?:claimed|claims|claiming)\s+(?:the\s+|full\s+)?responsibility\s+for\b/i;
/** Whitespace other than single spaces: only then is there anything to collapse. */
const ODD_SPACE = /[^\S ]| {2}/;
/** Spaces collapsed, trailing stops, colons and ellipses dropped, trimmed, lower case (the end stripped by a loop: a regex anchored at the end tries every space). */
const norm = (s: string) => {
  const c = ODD_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s;
  let e = c.length;
  for (let ch = c.charCodeAt(e - 1); e > 0 && (ch === 32 || ch === 46 || ch === 58 || ch === 0x2026); ch = c.charCodeAt(--e - 1));
  return c.slice(0, e).trim().toLowerCase();
};
const AUTHOR_LINE = /^(?:statement|report|press release|conference room paper|briefing|letter|communiqu[eé]|remarks|note to correspondents|statement attributable to the spokesman)\s+(?:by|of|from|for)\s+(?:the\s+)?(.{3,140})$/i;

/** Who published the report: outlet signatures, else a first line that is an organisation's name, else an authorship line. */
function findPublishers(lex: CompiledLexicon, report: Report): ActorNodeRef[] {
  const out = outletActors(lex, report.outlet).map(actorNodeRef);
  const lines = report.text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 15);
  const asActor = (text: string) => {
    const toks = tokenize(text);
    const hit = lex.actors.findAll(toks, text)[0];
    const ref = hit?.entry.find((r) => r.via === 'alias');
    return hit && ref && hit.from === 0 ? { ref, covers: hit.to >= toks.length - (toks.at(-1)?.key === 'the' ? 1 : 0), toks } : null;
  };
  const first = lines[0];
  if (out.length === 0 && first && first.split(/\s+/).length <= 8) {
    const m = asActor(first.replace(/^the\s+/i, ''));
    if (m?.covers) out.push(actorNodeRef(m.ref.actor));
  }
  for (const line of lines) {
    const m = AUTHOR_LINE.exec(line);
    if (!m?.[1]) continue;
    const who = asActor(m[1].replace(/^the\s+/i, ''));
    if (who && !out.some((o) => o.id === nodeId('Actor', who.ref.actor.name))) out.push(actorNodeRef(who.ref.actor));
  }
  return out;
}

export function extractReport(report: Report, lex: CompiledLexicon): GraphDocument {
  const g = new GraphBuilder();
  const src = sourceId(report.sha256);
  const published = report.published;
  g.mergeNode({ id: src, label: 'Source', name: report.title ?? report.file, file: report.file, title: report.title, published, outlet: report.outlet, url: report.url, sha256: report.sha256, text: report.text });

  const publishers = findPublishers(lex, report);
  for (const p of publishers) {
    addActor(g, p, p.name, src);
    g.mergeEdge('PUBLISHED_BY', src, p.id, []);
  }

  // Sentences, with their paragraph and whether they repeat the headline.
  const text = report.text;
  const paraStarts: number[] = [0];
  for (const m of text.matchAll(/\n\s*\n/g)) paraStarts.push((m.index ?? 0) + m[0].length);
  const paragraphOf = (pos: number) => {
    let p = 0;
    while (p + 1 < paraStarts.length && (paraStarts[p + 1] as number) <= pos) p++;
    return p;
  };
  const title = report.title ? norm(report.title) : null;
  const ctx: MentionContext = { published, sourceKey: src.slice(7, 15), groups: new Map(), people: new Map() };
  const analysed: (Analysed & { places: PlaceMention[] })[] = [];
  splitRunOn(splitSentences(text)).forEach((sentence, index) => {
    const tokens = sentenceTokens(sentence);
    const ns = title ? norm(sentence.text) : ''; // (only compared with a title)
    // The headline, wherever it is repeated, and any short unpunctuated line that opens the text.
    const punct = /[.!?]["”’]?$/.test(sentence.text.trim());
    const isTitle = !!title && (ns === title || (title.length > 25 && ns.includes(title)));
    // The headline wherever it is repeated (a title taken from a first sentence that ends in a full stop is body), a date-prefixed run-together title, and any short unpunctuated line that opens the text.
    const headline = (isTitle && (!punct || ns.length > (title?.length ?? 0) + 5)) || (!!title && index < 4 && title.startsWith(ns) && sentence.text.length > 20 && !punct) || (index < 4 && !/[.!?:"”’]$/.test(sentence.text.trim()) && sentence.text.split(/\s+/).length <= 20 && !/\n/.test(sentence.text));
    const { actors, places } = findMentions(lex, sentence, tokens, ctx, { headline });
    analysed.push({ index, sentence, tokens, actors, places, headline, question: /\?\s*$/.test(sentence.text) || /^Q\s*:/.test(sentence.text), paragraph: paragraphOf(sentence.start) });
  });

  const publisher = publishers.find((p) => p.kind !== 'media') ? (publishers[0]?.kind === 'media' ? null : publishers[0] ?? null) : publishers[0] ?? null;
  const disc = new Discourse(lex, publisher);
  const quotes = findQuoteRegions(text);
  const frameCache = new Map<number, Frame[]>();
  const framesOf = (i: number, quoteSpeaker: ActorNodeRef | null): Frame[] => {
    const hit = frameCache.get(i);
    if (hit) return hit;
    const f = findFrames(lex, analysed[i] as Analysed, disc, quoteSpeaker);
    frameCache.set(i, f);
    return f;
  };
  const sentenceAt = (pos: number) => analysed.findIndex((a) => a.sentence.start <= pos && pos <= a.sentence.end);
  const regionSpeaker = (r: QuoteRegion): Speaker | null => {
    if (r.speaker !== undefined) return r.speaker;
    r.speaker = null;
    const close = sentenceAt(r.end - 1);
    if (close >= 0) {
      const f = framesOf(close, null).find((x) => (x.kind === 'post' && x.to >= r.end - 3) || (x.kind === 'pre' && x.from <= r.start + 2 && x.to >= r.start));
      if (f) r.speaker = f.speaker;
    }
    const open = sentenceAt(r.start);
    if (!r.speaker && open >= 0) {
      const f = framesOf(open, null).find((x) => x.kind === 'pre' && x.from <= r.start + 2 && x.to >= r.start);
      if (f) r.speaker = f.speaker;
    }
    if (!r.speaker && disc.colon && r.start - disc.colon.afterChar <= 4 && r.start >= disc.colon.afterChar) r.speaker = disc.colon.speaker;
    return r.speaker;
  };

  const placeCtx: EventContext = { published, placeHistory: [], previousPlaces: [], voiceAt: () => null, speakerSpans: [], callStarts: [], denied: false, deniedFrom: [], placeByName: lex.placeByName };
  const events: EventDraft[] = [];
  const eventsBySentence = new Map<number, EventDraft[]>();
  const claims: (ClaimDraft & { sentenceIndex: number })[] = [];
  const placeHistory: PlaceMention[] = [];
  const usedPlaces = new Map<string, { place: PlaceRef; surface: string }>();

  const st: ReportState = { lex, text, published, quotes, regionSpeaker, framesOf, frameCache, disc, placeCtx, events, eventsBySentence, claims, placeHistory, previousPlaces: [], usedPlaces };
  for (const a of analysed) readSentence(st, a);

  // "Islamic State claimed responsibility for the attack": the claimant is the perpetrator, by its own word (no accusation).
  for (const a of analysed) {
    for (const m of a.actors) {
      if (m.ref.kind === 'media' || m.ref.kind === 'civil_society') continue;
      const rest = a.sentence.text.slice(m.end - a.sentence.start);
      if (!CLAIMED_RESPONSIBILITY.test(rest)) continue;
      const here = eventsBySentence.get(a.index) ?? [];
      const last = here.length > 0 ? here : (() => {
        const e = lastEventBefore(eventsBySentence, a.index - 1);
        return e && e.mentions.some((x) => x.sentence.start >= ((analysed[a.index - 2] as Analysed | undefined)?.sentence.start ?? 0)) ? [e] : [];
      })();
      for (const e of last) {
        if (!m.ref.group) e.perpetrators = e.perpetrators.filter((p) => !p.ref.group);
        if (!e.perpetrators.some((p) => p.ref.id === m.ref.id)) e.perpetrators.push({ ref: m.ref, attributedTo: m.ref, sentence: a.sentence, rule: 'agent:claimed-responsibility' });
      }
    }
  }

  // Incidents condemned or blamed: who is behind them.
  const finalEvents = foldHeadlines({ published, placeHistory, previousPlaces: st.previousPlaces, voiceAt: () => null, speakerSpans: [], callStarts: [], denied: false, deniedFrom: [], placeByName: lex.placeByName }, events);
  const edges: { type: EdgeType; from: ActorNodeRef; to: ActorNodeRef | EventDraft; ev: Evidence }[] = [];
  // "The Coalition condemned the attack" naming no place and no incident of its own: the incident of the sentence just before.
  const unplacedBack = (i: number): EventDraft | undefined => {
    // (a count of its own that matched no incident says it is about another one)
    if ((analysed[i]?.places.length ?? 1) > 0 || readCasualties((analysed[i] as Analysed).sentence.text).killed) return undefined;
    const e = lastEventBefore(eventsBySentence, i - 1);
    return e && e.mentions.some((m) => m.sentence.start >= ((analysed[i - 1] as Analysed | undefined)?.sentence.start ?? 0)) ? e : undefined;
  };
  for (const c of claims) {
    const s = (analysed[c.sentenceIndex] as Analysed).sentence;
    const evidence = evidenceOf(src, s, c.rule, { date: published ?? null });
    if (c.target) {
      edges.push({ type: c.type, from: c.speaker, to: c.target, ev: evidence });
      // "HRW blamed the regime for a strike on a bakery": the strike's alleged perpetrator.
      // (only a party that can do it: "holds the international community responsible" makes it no perpetrator)
      if (c.type === 'ACCUSED' && canBeAccusedByCall(c.target.kind) && (c.rule.startsWith('cue:accuse') || c.rule.startsWith('cue:attribute') || c.rule.startsWith('cue:hold-responsible'))) {
        let blamed = eventsBySentence.get(c.sentenceIndex) ?? [];
        // "The monitor attributed the attack to ISIS cells": the incident told just before.
        if (blamed.length === 0 && c.deed) {
          const last = lastEventBefore(eventsBySentence, c.sentenceIndex - 1, c.deed);
          if (last && last.mentions.some((m) => m.sentence.start >= ((analysed[c.sentenceIndex - 2] as Analysed | undefined)?.sentence.start ?? 0))) blamed = [last];
        }
        for (const e of blamed) {
          // Once the deed is pinned on a named actor, "gunmen" or "militants" were that actor's.
          if (c.deed && !c.target.group) e.perpetrators = e.perpetrators.filter((p) => !p.ref.group);
          if (!e.perpetrators.some((p) => p.ref.id === c.target?.id)) e.perpetrators.push({ ref: c.target, attributedTo: c.speaker, sentence: s, rule: `agent:${c.rule}` });
        }
      }
      continue;
    }
    const ev = c.event === 'sentence' ? (eventsBySentence.get(c.sentenceIndex) ?? [])[0] ?? countedEventBefore(eventsBySentence, c.sentenceIndex, c.sentence.text) ?? unplacedBack(c.sentenceIndex) : lastEventBefore(eventsBySentence, c.sentenceIndex, c.about, (e) => !c.aboutPlaces || c.aboutPlaces.some((p) => placesCompatible(placeCtx, e.place, p) !== null));
    if (!ev) continue;
    if (c.type === 'CONDEMNED' && ev.perpetrators.length === 0) {
      // "X condemns the bombing of Y. It blames Z for ...": Z is behind the bombing, as X says.
      for (const next of claims.filter((x) => x.type === 'ACCUSED' && x.speaker.id === c.speaker.id && x.target && (x.sentenceIndex === c.sentenceIndex + 1 || x.sentenceIndex === c.sentenceIndex))) {
        if (next.target && !ev.perpetrators.some((p) => p.ref.id === next.target?.id)) ev.perpetrators.push({ ref: next.target, attributedTo: c.speaker, sentence: (analysed[next.sentenceIndex] as Analysed).sentence, rule: 'agent:accused-next' });
      }
    }
    if (c.type === 'CONDEMNED' && ev.perpetrators.length > 0) {
      for (const p of ev.perpetrators) if (p.ref.id !== c.speaker.id) edges.push({ type: 'CONDEMNED', from: c.speaker, to: p.ref, ev: { ...evidence, rule: `${c.rule}+event` } });
    } else edges.push({ type: c.type, from: c.speaker, to: ev, ev: evidence });
  }

  // Nodes: every named actor and gazetteer place mentioned; groups and discovered places only when they take part.
  for (const a of analysed) {
    for (const m of a.actors) if (!m.ref.group && m.via !== 'coref') addActor(g, m.ref, m.surface, src);
  }
  const groupSurfaces = new Map<string, string>();
  for (const a of analysed) for (const m of a.actors) if (m.ref.group && !groupSurfaces.has(m.ref.id)) groupSurfaces.set(m.ref.id, m.surface);
  const ensureActor = (r: ActorNodeRef) => addActor(g, r, groupSurfaces.get(r.id) ?? r.name, src);
  for (const { place, surface } of usedPlaces.values()) {
    g.mergeNode({ id: place.id, label: 'Place', name: place.name, kind: place.kind, aliases: [surface], lat: place.lat, lon: place.lon, sources: [src] });
  }

  const eventIds = new Map<EventDraft, string>();
  for (const ev of finalEvents) {
    const first = ev.mentions.map((m) => m.sentence).sort((x, y) => x.start - y.start)[0];
    if (!first) continue;
    const placeId = ev.place ? ev.place.id : null;
    if (ev.place && !g.hasNode(ev.place.id)) g.mergeNode({ id: ev.place.id, label: 'Place', name: ev.place.name, kind: ev.place.kind, aliases: [ev.place.name], lat: ev.place.lat, lon: ev.place.lon, sources: [src] });
    if (ev.place && !ev.place.entry) {
      // A place the gazetteer lacks sits where the sentence put it ("the village of X in rural Idlib").
      const holder = !ev.place.entry && ev.place.within ? lex.placeByName.get(ev.place.within) : undefined;
      if (holder) {
        const hid = nodeId('Place', holder.name);
        if (!g.hasNode(hid)) g.mergeNode({ id: hid, label: 'Place', name: holder.name, kind: holder.kind, aliases: [], lat: holder.lat, lon: holder.lon, sources: [] });
        g.mergeEdge('LOCATED_IN', ev.place.id, hid, []);
      }
    }
    const id = eventId({ source: src, start: first.start, eventType: ev.eventType, date: ev.date.date, place: placeId });
    eventIds.set(ev, id);
    const evidence = ev.mentions.map((m) => evidenceOf(src, m.sentence, m.rule));
    g.mergeNode({
      id,
      label: 'Event',
      name: [ev.eventType.replace('_', ' '), ev.place ? `in ${ev.place.name}` : null, ev.date.date ? `on ${ev.date.date}` : null].filter(Boolean).join(' '),
      eventType: ev.eventType,
      date: ev.date.date,
      datePrecision: ev.date.precision,
      killedMin: ev.killed?.min ?? null,
      killedMax: ev.killed?.max ?? null,
      injuredMin: ev.injured?.min ?? null,
      injuredMax: ev.injured?.max ?? null,
      status: ev.status,
      placeQualifier: ev.placeQualifier,
      sources: [src],
      evidence,
    });
    if (placeId) g.mergeEdge('OCCURRED_IN', id, placeId, evidence);
    for (const p of ev.perpetrators) {
      ensureActor(p.ref);
      if (p.attributedTo) ensureActor(p.attributedTo);
      g.mergeEdge('PERPETRATED_BY', id, p.ref.id, [evidenceOf(src, p.sentence, p.rule, { attributedTo: p.attributedTo?.id ?? null })]);
    }
  }
  for (const e of edges) {
    ensureActor(e.from);
    if ('id' in e.to) {
      ensureActor(e.to);
      if (e.to.id === e.from.id) continue;
      g.mergeEdge(e.type, e.from.id, e.to.id, [e.ev]);
    } else {
      const id = eventIds.get(e.to);
      if (id && (e.type === 'CONDEMNED' || e.type === 'DENIED')) g.mergeEdge(e.type, e.from.id, id, [e.ev]);
    }
  }
  // A person and the organisation the sentence ties them to ("Raed al-Saleh, head of the White Helmets").
  for (const a of analysed) {
    for (const p of a.actors) {
      if (p.ref.kind !== 'person') continue;
      const org = a.actors.find((o) => o.ref.kind !== 'person' && !o.ref.group && o.from >= p.to && o.from - p.to <= 6 && /^,?\s*(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:of|from|at|for|with|in)\s+(?:the\s+)?$/i.test(a.sentence.text.slice(p.end - a.sentence.start, o.start - a.sentence.start)));
      const partOf = p.ref.entry?.partOf;
      if (org && (!partOf || org.ref.name === partOf || org.ref.entry?.name === partOf || p.ref.origin === 'discovered')) {
        g.mergeEdge('AFFILIATED_WITH', p.ref.id, org.ref.id, [evidenceOf(src, a.sentence, 'affiliation:appositive')]);
      }
    }
  }
  return g.toDocument();
}

/** What the sentences of one report share as they are read in order. */
interface ReportState {
  lex: CompiledLexicon;
  text: string;
  published: string | null;
  quotes: QuoteRegion[];
  regionSpeaker: (r: QuoteRegion) => Speaker | null;
  framesOf: (i: number, quoteSpeaker: ActorNodeRef | null) => Frame[];
  frameCache: Map<number, Frame[]>;
  disc: Discourse;
  placeCtx: EventContext;
  events: EventDraft[];
  eventsBySentence: Map<number, EventDraft[]>;
  claims: (ClaimDraft & { sentenceIndex: number })[];
  placeHistory: PlaceMention[];
  /** Places of the sentence before. */
  previousPlaces: PlaceMention[];
  usedPlaces: Map<string, { place: PlaceRef; surface: string }>;
}

/**
 * One sentence, in report order: who speaks, its events and claims, then what the next sentences
 * remember. (A function of its own rather than a loop body in extractReport: when the shapes it
 * sees change, the JIT recompiles this, not the whole report function.)
 */
function readSentence(st: ReportState, a: Analysed & { places: PlaceMention[] }): void {
  const { lex, text, published, quotes, regionSpeaker, framesOf, frameCache, disc, placeCtx, events, eventsBySentence, claims, placeHistory, usedPlaces } = st;
  const { sentence } = a;
  // The quotation this sentence stands in, and who speaks it.
  const region = quotes.find((r) => r.start <= sentence.start + 1 && r.end > sentence.start + 2) ?? quotes.find((r) => r.start >= sentence.start && r.start < sentence.start + 3 && r.end > sentence.end - 3);
  const quoteSpeaker = region ? regionSpeaker(region) : null;
  const qRef = quoteSpeaker?.refs[0] ?? null;
  const described = descriptionMentions(lex, a, disc);
  if (described.length > 0) a.actors = [...a.actors, ...described].sort((x, y) => x.start - y.start);
  frameCache.delete(a.index);
  const frames = framesOf(a.index, qRef);
  const colon = colonSpeaker(a, frames);
  let colonVoice: Speaker | null = null;
  if (disc.colon && !quoteSpeaker && (a.paragraph === disc.colon.paragraph + 1 || (a.paragraph === disc.colon.paragraph && sentence.start > disc.colon.afterChar))) colonVoice = disc.colon.speaker;
  if (colon) disc.colon = { speaker: colon, paragraph: a.paragraph, afterChar: sentence.end };
  else if (disc.colon && a.paragraph > disc.colon.paragraph + 1) disc.colon = null;
  const baseVoice: Speaker | null = quoteSpeaker ?? colonVoice ?? null;
  const publisherVoice: Speaker | null = disc.publisherAdvocacy && disc.publisher ? { refs: [disc.publisher], via: 'publisher', start: -1, end: -1 } : null;

  const voiceAt = (pos: number): Speaker | null => {
    const inner = [...frames].filter((f) => pos >= f.from && pos < f.to).sort((x, y) => y.from - x.from)[0];
    return inner?.speaker ?? baseVoice;
  };
  const cue = findCueClaims(lex, a, disc, voiceAt, qRef);
  const allFrames = [...frames, ...cue.frames];
  const voiceWithCues = (pos: number): Speaker | null => {
    const inner = allFrames.filter((f) => pos >= f.from && pos < f.to).sort((x, y) => y.from - x.from)[0];
    return inner?.speaker ?? baseVoice;
  };

  // Events of this sentence.
  const speakerSpans = allFrames.map((f) => ({ start: f.speaker.start, end: f.speaker.end }));
  const evctx: EventContext = {
    published,
    placeHistory,
    previousPlaces: st.previousPlaces,
    voiceAt: (pos) => {
      const v = voiceWithCues(pos);
      return v && v.via !== 'publisher' ? v.refs[0] ?? null : null;
    },
    speakerSpans,
    callStarts: cue.callStarts,
    denied: cue.denies,
    deniedFrom: cue.denies ? cue.distanced.map((d) => d.from) : [],
    placeByName: lex.placeByName,
  };
  const mentions = findEventMentions(lex, a, a.places, evctx);
  const here: EventDraft[] = [];
  const deniedHere: EventDraft[] = [];
  for (const m of mentions) {
    const e = addEventMention(evctx, events, m);
    if (!e) continue;
    if (!here.includes(e)) here.push(e);
    if (m.status === 'contested' && !deniedHere.includes(e)) deniedHere.push(e);
    disc.events.push({ eventType: e.eventType, agents: e.perpetrators.map((p) => p.ref) });
    if (e.place) usedPlaces.set(e.place.id, { place: e.place, surface: a.places.find((p) => p.place.id === e.place?.id)?.surface ?? e.place.name });
  }
  eventsBySentence.set(a.index, here);
  // Places named in what is denied ("denied ... the strike on a market in Ariha"): only an incident there can be the one denied.
  const deniedPlaces = a.places.filter((p) => cue.distanced.some((d) => p.start >= d.from && p.end <= d.to)).map((p) => p.place);
  if (deniedPlaces.length > 0) for (const c of cue.claims) if (c.type === 'DENIED') c.aboutPlaces = deniedPlaces;
  if (cue.denies) contestDenied(lex, text, cue.distanced, cue.claims, deniedHere, events, (e) => deniedPlaces.length === 0 || deniedPlaces.some((p) => placesCompatible(placeCtx, e.place, p) !== null));

  // Claims: cue words, then accusations in what speakers say.
  for (const c of cue.claims) claims.push({ ...c, sentenceIndex: a.index });
  const spans: VoicedSpan[] = [];
  for (const f of allFrames) {
    const inQuote = !!region && f.from >= region.start - 2 && f.to <= region.end + 2;
    spans.push({ speaker: f.speaker, from: f.from, to: f.to, direct: f.direct || inQuote, allegation: f.allegation, rule: f.kind });
  }
  if (spans.length === 0) {
    if (baseVoice) spans.push({ speaker: baseVoice, from: sentence.start, to: sentence.end, direct: true, allegation: false, rule: quoteSpeaker ? 'quote' : 'colon' });
    else if (publisherVoice && !a.question) spans.push({ speaker: publisherVoice, from: sentence.start, to: sentence.end, direct: true, allegation: false, rule: 'publisher' });
  }
  for (const c of findImplicitAccusations(lex, a, spans, cue.distanced, disc, qRef)) {
    if (!claims.some((x) => x.sentenceIndex === a.index && x.type === c.type && x.speaker.id === c.speaker.id && x.target?.id === c.target?.id)) claims.push({ ...c, sentenceIndex: a.index });
  }

  // Memory for the next sentences.
  disc.remember(a.actors.map((m) => m.ref));
  for (const f of allFrames) disc.spoke(f.speaker.refs);
  // Whoever condemned, called on or accused in this sentence is who "it" will be in the next.
  // (only a main clause's subject: "The statement came after activists had criticized ..." leaves the statement's author in place)
  const cueSpeakers = cue.claims.filter((c) => (c.type !== 'DENIED' || c.target) && c.speakerAt !== undefined && c.speakerAt >= sentence.start && a.tokens.findIndex((t) => t.start >= (c.speakerAt as number)) <= 3).map((c) => c.speaker);
  if (cueSpeakers.length > 0) disc.spoke([...new Set(cueSpeakers)]);
  placeHistory.push(...a.places);
  st.previousPlaces = a.places;
  for (const p of a.places) if (p.place.entry) usedPlaces.set(p.place.id, { place: p.place, surface: p.surface });
}

/**
 * A denial contests the incident it is about: those the denier is said to have done ("its aircraft
 * did not ..."), else one told in the same sentence, else the last one when what is denied is a report
 * of an incident ("dubbing the information fake"); a denial of some other claim contests nothing.
 */
function contestDenied(lex: CompiledLexicon, text: string, distanced: { from: number; to: number }[], claims: ClaimDraft[], here: EventDraft[], events: EventDraft[], placed: (e: EventDraft) => boolean): void {
  const deniedText = distanced.map((d) => text.slice(d.from, d.to)).join(' ');
  const named = lex.triggers.find(tokenize(deniedText), deniedText).map((h) => h.entry.eventType);
  const aboutIncident = named.length > 0 || !/\bthat\b/i.test(deniedText);
  // "The YPG denied firing the rockets": only an incident of the kind denied (and where it was denied) can be the one denied.
  const fits = (e: EventDraft) => placed(e) && (named.length === 0 || named.some((t) => typesCompatible(t, e.eventType)));
  if (here.length === 0 && !aboutIncident) return;
  const deniers = new Set<string>();
  for (const c of claims) {
    if (c.type !== 'DENIED') continue;
    deniers.add(c.speaker.name);
    let up = c.speaker.entry?.partOf;
    for (let k = 0; up && k < 4; k++) {
      deniers.add(up);
      up = lex.actorByName.get(up)?.partOf;
    }
  }
  const theirs = events.filter((e) => fits(e) && e.perpetrators.some((p) => deniers.has(p.ref.name)));
  const targets = theirs.length > 0 ? theirs : [here.find(fits) ?? (aboutIncident ? events.findLast(fits) : undefined)];
  for (const t of targets) if (t) t.status = 'contested';
}

/**
 * "The committee condemned the killing of the three men" with no incident of its own: the incident
 * just told whose count is those three, else none (a guess at the last one could blame the wrong party).
 */
function countedEventBefore(bySentence: Map<number, EventDraft[]>, index: number, text: string): EventDraft | undefined {
  const k = readCasualties(text).killed;
  if (!k || k.min === null || k.min !== k.max) return undefined;
  for (let i = index - 1; i >= Math.max(0, index - 3); i--) {
    const e = (bySentence.get(i) ?? []).filter((x) => x.killed?.min === k.min && x.killed?.max === k.max);
    if (e.length > 0) return e[e.length - 1];
  }
  return undefined;
}

/**
 * Texts with their punctuation stripped run sentences together ("... local activists said The
 * Syrian Coalition condemned ..."): a long stretch with no full stop is cut before a capitalised
 * "The" that follows a lower-case word, where a full stop was lost, so that no speaker's frame or
 * incident runs on into the next statement.
 */
export function splitRunOn(sentences: Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    if (s.text.length < 160 || /[.!?]\s/.test(s.text)) {
      out.push(s);
      continue;
    }
    let from = 0;
    for (const m of s.text.matchAll(RUN_ON)) {
      const at = m.index ?? 0;
      if (at - from < 40) continue;
      out.push({ start: s.start + from, end: s.start + at, text: s.text.slice(from, at) });
      from = at + m[0].length;
    }
    out.push(from === 0 ? s : { start: s.start + from, end: s.end, text: s.text.slice(from) });
  }
  return out;
}
const RUN_ON = /(?<=\p{Ll}|\d)\s+(?=The\s+\p{L})/gu;

function lastEventBefore(bySentence: Map<number, EventDraft[]>, index: number, about: EventType[] = [], placed: (e: EventDraft) => boolean = () => true): EventDraft | undefined {
  for (let i = index; i >= 0; i--) {
    const e = (bySentence.get(i) ?? []).filter((x) => placed(x) && (about.length === 0 || about.some((t) => typesCompatible(t, x.eventType))));
    if (e.length > 0) return e[e.length - 1];
  }
  return undefined;
}

function addActor(g: GraphBuilder, r: ActorNodeRef, surface: string, src: string): void {
  g.mergeNode({ id: r.id, label: 'Actor', name: r.name, kind: r.kind, aliases: [surface], sources: [src], origin: r.origin });
}

