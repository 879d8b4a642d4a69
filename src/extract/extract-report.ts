// One report to one graph fragment: its Source node, the actors and places it mentions, its
// events and claims, each edge with the sentence that supports it. Pure: the same report and
// lexicon always give the same fragment.
import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import type { ActorEntry, PlaceEntry } from '../lexicon/schema.ts';
import { GraphBuilder } from '../model/graph-builder.ts';
import { eventId, nodeId, sourceId } from '../model/ids.ts';
import type { Report, Sentence } from '../model/report.ts';
import type { Evidence, GraphDocument } from '../model/schema.ts';
import { splitSentences } from '../ingest/split-sentences.ts';
import { findActorMentions, findPlaceMentions, sentenceTokens, type ActorMention, type PlaceMention } from './mentions.ts';
import { findEvents } from './extract-events.ts';
import { findClaims } from './extract-claims.ts';
import { tokenize } from './tokens.ts';

function evidenceOf(source: string, s: Sentence, rule: string, extra: Partial<Evidence> = {}): Evidence {
  return { source, text: s.text, start: s.start, end: s.end, rule, ...extra };
}

function actorNode(a: ActorEntry, alias: string, source: string) {
  return { id: nodeId('Actor', a.name), label: 'Actor' as const, name: a.name, kind: a.kind, aliases: [alias], sources: [source], origin: 'lexicon' as const };
}

function placeNode(p: PlaceEntry, alias: string, source: string) {
  return { id: nodeId('Place', p.name), label: 'Place' as const, name: p.name, kind: p.kind, aliases: [alias], lat: p.lat, lon: p.lon, sources: [source] };
}

/** The actors an outlet string names ("Syrian Coalition’s Media Office + Smart News Network"). */
export function outletActors(lex: CompiledLexicon, outlet: string | null): ActorEntry[] {
  if (!outlet) return [];
  const out: ActorEntry[] = [];
  for (const part of outlet.split(/\s+\+\s+/)) {
    const s: Sentence = { start: 0, end: part.length, text: part };
    for (const m of findActorMentions(lex, s, tokenize(part))) if (!out.includes(m.actor)) out.push(m.actor);
  }
  return out;
}

export function extractReport(report: Report, lex: CompiledLexicon): GraphDocument {
  const g = new GraphBuilder();
  const src = sourceId(report.sha256);
  g.mergeNode({
    id: src,
    label: 'Source',
    name: report.title ?? report.file,
    file: report.file,
    title: report.title,
    published: report.published,
    outlet: report.outlet,
    url: report.url,
    sha256: report.sha256,
    text: report.text,
  });

  for (const a of outletActors(lex, report.outlet)) {
    g.mergeNode(actorNode(a, a.name, src));
    g.mergeEdge('PUBLISHED_BY', src, nodeId('Actor', a.name), []);
  }

  const analysed: { sentence: Sentence; actors: ActorMention[]; places: PlaceMention[] }[] = [];
  for (const sentence of splitSentences(report.text)) {
    const tokens = sentenceTokens(sentence);
    const actors = findActorMentions(lex, sentence, tokens);
    const places = findPlaceMentions(lex, sentence, tokens);
    for (const m of actors) g.mergeNode(actorNode(m.actor, m.surface, src));
    for (const m of places) g.mergeNode(placeNode(m.place, m.surface, src));
    analysed.push({ sentence, actors, places });
  }

  let lastSpeaker: ActorEntry | null = null;
  for (const { sentence, actors } of analysed) {
    for (const c of findClaims(lex, sentence, actors, lastSpeaker)) {
      g.mergeEdge(c.type, nodeId('Actor', c.speaker.name), nodeId('Actor', c.target.name), [
        evidenceOf(src, c.sentence, c.rule, { date: report.published }),
      ]);
      lastSpeaker = c.speaker;
    }
  }

  for (const ev of findEvents(lex, analysed, report.published)) {
    const first = ev.sentences[0];
    if (!first) continue;
    const placeId = ev.place ? nodeId('Place', ev.place.name) : null;
    const id = eventId({ source: src, start: first.sentence.start, eventType: ev.eventType, date: ev.date.date, place: placeId });
    const evidence = ev.sentences.map((s) => evidenceOf(src, s.sentence, s.rule));
    g.mergeNode({
      id,
      label: 'Event',
      name: [ev.eventType, ev.place ? `in ${ev.place.name}` : null, ev.date.date ? `on ${ev.date.date}` : null].filter(Boolean).join(' '),
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
    for (const p of ev.perpetrators) g.mergeEdge('PERPETRATED_BY', id, nodeId('Actor', p.name), evidence);
  }
  return g.toDocument();
}
