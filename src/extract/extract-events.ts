// Events from trigger phrases (data/lexicons/event-triggers.json): type, place, date, casualty
// ranges and the perpetrators the sentence alleges. Sentences of one report that tell of the
// same incident (same type, place and date) become one event.
import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import type { ActorEntry, PlaceEntry } from '../lexicon/schema.ts';
import type { Sentence } from '../model/report.ts';
import type { EventStatus, EventType, PlaceKind } from '../model/vocab.ts';
import { readCasualties, type Range } from './casualties.ts';
import type { ActorMention, PlaceMention } from './mentions.ts';
import { resolveDate, type ResolvedDate } from './resolve-date.ts';

export interface EventDraft {
  eventType: EventType;
  place: PlaceEntry | null;
  placeQualifier: string | null;
  date: ResolvedDate;
  killed: Range | null;
  injured: Range | null;
  perpetrators: ActorEntry[];
  status: EventStatus;
  sentences: { sentence: Sentence; rule: string }[];
}

/** When a sentence has several triggers, the means wins over the label: a strike called a massacre is an airstrike. */
const TYPE_PRIORITY: EventType[] = ['chemical_attack', 'airstrike', 'shelling', 'execution', 'clashes', 'siege', 'attack', 'massacre', 'arrest', 'displacement', 'campaign', 'other'];

const PLACE_RANK: Record<PlaceKind, number> = {
  facility: 0, neighbourhood: 1, village: 2, town: 3, city: 4, subdistrict: 5, district: 6, river: 7, governorate: 8, region: 9, country: 10,
};

const REPORTING_AFTER = /^[\s,’'s]*(?:said|says|stressed|added|reported|announced|condemned|condemns|called|calls|urged|noted|stated|confirmed|claimed|accused|denied|warned|documented|tells|told)\b/i;
const QUALIFIER_BEFORE = /\b((?:(?:north|south|east|west)(?:ern)?|central|northern|southern|eastern|western)?\s*(?:rural|countryside of|outskirts of|near|around|southeast of|southwest of|northeast of|northwest of|north of|south of|east of|west of|the suburbs of|the vicinity of))\s+(?:the\s+(?:town|city|village|province|governorate)\s+of\s+)?$/i;
const AGENT_OF = /\b(?:warplanes|jets|aircraft|planes|helicopters|forces|militias|troops|artillery|drones|fighters)\s+of\s+(?:the\s+)?$/i;
const BY_BEFORE = /\bby\s+(?:the\s+)?$/i;

function pickType(lex: CompiledLexicon, text: string): { type: EventType; rule: string } | null {
  let best: { type: EventType; rule: string } | null = null;
  for (const t of lex.triggers) {
    t.re.lastIndex = 0;
    if (!t.re.test(text)) continue;
    if (!best || TYPE_PRIORITY.indexOf(t.entry.eventType) < TYPE_PRIORITY.indexOf(best.type)) best = { type: t.entry.eventType, rule: `trigger:${t.entry.id}` };
  }
  return best;
}

function perpetratorsOf(s: Sentence, actors: ActorMention[]): ActorEntry[] {
  const out: ActorEntry[] = [];
  const add = (a: ActorEntry) => {
    if (!out.includes(a)) out.push(a);
  };
  actors.forEach((m, i) => {
    const before = s.text.slice(0, m.start - s.start);
    const after = s.text.slice(m.end - s.start);
    if (REPORTING_AFTER.test(after)) return;
    if (m.viaAdjective || AGENT_OF.test(before) || BY_BEFORE.test(before)) add(m.actor);
    // "by the Assad regime, Russian forces, and the coalition": the rest of a list that follows "by".
    const prev = actors[i - 1];
    if (prev && out.includes(prev.actor) && /^[\s,]*(?:and|,)\s*(?:the\s+)?$/i.test(s.text.slice(prev.end - s.start, m.start - s.start))) add(m.actor);
  });
  return out;
}

function mostSpecificPlace(s: Sentence, places: PlaceMention[]): { place: PlaceEntry; qualifier: string | null } | null {
  let best: PlaceMention | null = null;
  for (const p of places) if (!best || PLACE_RANK[p.place.kind] < PLACE_RANK[best.place.kind]) best = p;
  if (!best) return null;
  const q = QUALIFIER_BEFORE.exec(s.text.slice(0, best.start - s.start));
  return { place: best.place, qualifier: q?.[1]?.trim().toLowerCase() ?? null };
}

function statusOf(text: string): EventStatus {
  if (/\bdeni(ed|es)\b|\bfake\b|\bbaseless\b/i.test(text)) return 'contested';
  if (/\b(reportedly|allegedly|alleged|purported|suspected)\b/i.test(text)) return 'alleged';
  if (/\b(confirmed|documented|verified)\b/i.test(text)) return 'confirmed';
  return 'reported';
}

export function findEvents(
  lex: CompiledLexicon,
  sentences: { sentence: Sentence; actors: ActorMention[]; places: PlaceMention[] }[],
  published: string | null,
): EventDraft[] {
  const drafts: EventDraft[] = [];
  for (const { sentence, actors, places } of sentences) {
    const typed = pickType(lex, sentence.text);
    if (!typed) continue;
    const where = mostSpecificPlace(sentence, places);
    const cas = readCasualties(sentence.text);
    drafts.push({
      eventType: typed.type,
      place: where?.place ?? null,
      placeQualifier: where?.qualifier ?? null,
      date: resolveDate(sentence.text, published),
      killed: cas.killed,
      injured: cas.injured,
      perpetrators: perpetratorsOf(sentence, actors),
      status: statusOf(sentence.text),
      sentences: [{ sentence, rule: typed.rule }],
    });
  }
  return mergeDrafts(drafts);
}

function sameIncident(a: EventDraft, b: EventDraft): boolean {
  if (a.eventType !== b.eventType) return false;
  if (a.place && b.place && a.place !== b.place) return false;
  if (a.date.date && b.date.date && !a.date.date.startsWith(b.date.date) && !b.date.date.startsWith(a.date.date)) return false;
  return a.place !== null && a.place === b.place;
}

function widen(a: Range | null, b: Range | null): Range | null {
  if (!a) return b;
  if (!b) return a;
  const min = a.min === null ? b.min : b.min === null ? a.min : Math.min(a.min, b.min);
  const max = a.max === null || b.max === null ? null : Math.max(a.max, b.max);
  return { min, max };
}

function mergeDrafts(drafts: EventDraft[]): EventDraft[] {
  const out: EventDraft[] = [];
  for (const d of drafts) {
    const same = out.find((o) => sameIncident(o, d));
    if (!same) {
      out.push(d);
      continue;
    }
    same.sentences.push(...d.sentences);
    if (!same.date.date || (d.date.date && d.date.date.length > same.date.date.length)) same.date = d.date;
    same.killed = widen(same.killed, d.killed);
    same.injured = widen(same.injured, d.injured);
    same.placeQualifier ??= d.placeQualifier;
    for (const p of d.perpetrators) if (!same.perpetrators.includes(p)) same.perpetrators.push(p);
  }
  return out;
}
