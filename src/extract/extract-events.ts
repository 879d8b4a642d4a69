// Events from trigger phrases (data/lexicons/event-triggers.json): type, place, date, casualty
// ranges and the perpetrators the text alleges. A sentence that tells of several incidents in
// several places ("five in Binnish and two others in Sarmin") gives one event each; the
// mentions of one incident across a report ("The airstrike ...", "this massacre") become one
// event. Ongoing states ("daily bombardment"), wishes and demands ("to stop the bombing") and
// questions are not incidents.
import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import type { EventTrigger } from '../lexicon/schema.ts';
import type { Sentence } from '../model/report.ts';
import type { EventStatus, EventType, PlaceKind } from '../model/vocab.ts';
import { readCasualties, type Range } from './casualties.ts';
import { DETERMINERS, FILLER, NOT_AGENT_AFTER, canBeAccusedByCall, prepositionBefore, forceOfBefore, gapText, harmedObject, inBackerPhrase, tokenAt, type Analysed } from './clauses.ts';
import type { ActorMention, ActorNodeRef, PlaceMention, PlaceRef } from './mentions.ts';
import { resolveDate, type ResolvedDate } from './resolve-date.ts';
import type { Token } from './tokens.ts';

export interface Perpetrator {
  ref: ActorNodeRef;
  /** Who alleges it, when the sentence reports someone else's words. */
  attributedTo: ActorNodeRef | null;
  sentence: Sentence;
  rule: string;
}

export interface EventDraft {
  eventType: EventType;
  place: PlaceRef | null;
  placeQualifier: string | null;
  date: ResolvedDate;
  killed: Range | null;
  injured: Range | null;
  perpetrators: Perpetrator[];
  status: EventStatus;
  mentions: { sentence: Sentence; rule: string }[];
  headline: boolean;
}

export interface EventMention extends EventDraft {
  anaphoric: boolean;
  /** Too little of its own to stand as an event: kept only when it joins an earlier one. */
  weak: boolean;
  additional: boolean;
  /** Char range of the clause the event was read from, and where its trigger is. */
  from: number;
  to: number;
  at: number;
}

export interface EventContext {
  published: string | null;
  /** Places named so far in the report, most recent last. */
  placeHistory: PlaceMention[];
  /** Places of the sentence before, for "the hospital" in the next sentence. */
  previousPlaces: PlaceMention[];
  /** The voice at a position: the speaker of a frame or quotation (not the publisher). */
  voiceAt: (pos: number) => ActorNodeRef | null;
  /** Char ranges of speakers' names (they are not perpetrators). */
  speakerSpans: { start: number; end: number }[];
  /** Char positions after which the sentence is a call or demand ("called for ... stopping the bombing"). */
  callStarts: number[];
  /** The sentence denies something, from these char offsets on. */
  denied: boolean;
  deniedFrom: number[];
  placeByName: Map<string, { within: string | null; capital?: string | undefined; name: string }>;
}

const PRIORITY = ['civic-campaign', 'chemical', 'ground-assault', 'airstrike', 'shelling', 'execution', 'massacre', 'bomb-attack', 'explosion', 'clashes', 'siege', 'arrest', 'attack', 'displacement', 'campaign', 'killing'];
const PLACE_RANK: Record<PlaceKind, number> = {
  facility: 0, neighbourhood: 1, village: 2, town: 3, city: 4, subdistrict: 5, district: 6, region: 7, river: 8, governorate: 9, country: 10,
};
const LABELS = new Set<EventType>(['attack', 'massacre', 'other']);
const PREP_WORDS = new Set(['by', 'of', 'on', 'in', 'at', 'for', 'from', 'with', 'to', 'against', 'and', 'or', 'that', 'which', 'who', 'said', 'says']);
const CUTS = /,\s*while\b|,\s*and\s+that\b|;\s|\swhile\s|\s+and\s+(?=the\s+(?:town|village|city|neighbou?rhood|outskirts)\s+of\b)|,?\s+and\s+(?=(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|another|others?|a further)\b)/gi;
// "this massacre", "these attacks" anywhere; "the airstrike" only as the subject that opens a sentence
// ("The airstrike has reportedly caused ..."): elsewhere "the bombing of X" is as likely a new incident.
const ANAPHOR_NOUN = String.raw`(?:(?:new|brutal|alleged|latest|horrific|deadly|same|heinous|reported|purported|previous|recent)\s+){0,2}(?:attacks?|air ?strikes?|strikes?|massacres?|crimes?|bombings?|shelling|raids?|landing operation|landing|operation|incident|explosion|bombardment|assault|onslaught|gas attack)\b`;
const ANAPHOR = new RegExp(String.raw`\b(?:this|these|that|those)\s+${ANAPHOR_NOUN}|^\W*the\s+${ANAPHOR_NOUN}`, 'i');
const ADDITIONAL = /\b(?:another|an additional|a further|separately|also killed|a second|more were killed)\b/i;
const ALLEGED = /\b(?:reportedly|allegedly|alleged|purported|purportedly|suspected|claimed|it[’']s been claimed)\b/i;
const CONFIRMED = /\b(?:confirmed|documented|verified)\b/i;
const UNKNOWN_AGENT = /\b(?:unidentified|unknown|masked|anonymous)\s+(?:gunmen|assailants|attackers|men|militants|persons|people)\b/i;
const CLAUSE_OPENERS = new Set(['after', 'before', 'as', 'since']);
const RESPONSIBLE_FOR = /^\s*(?:,?\s*(?:and|as well as)\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:allies|forces|militias|partners|backers|proxies)\s+)?(?:(?:is|are|was|were|must|should|be|been|being|held|hold|holds|fully|directly|also|solely|primarily|bears?|bore|the|full|legal)\s+)*(?:responsible|accountable|to account|responsibility|blame)\s+for\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}$/i;
const ANAPHORIC_PLACE = /\bthe\s+(?:besieged\s+|rebel-held\s+|same\s+|opposition-held\s+)?(city|town|village|district|province|governorate|enclave|region|neighbou?rhood|camp|area)\b/i;
const BARE_COUNTRYSIDE = /\b(?:the\s+)?((?:north|south|east|west)(?:ern)?)\s+(?:countryside|rural areas|suburbs)\b(?!\s+of)/i;
const FACILITY_DEF = /\bthe\s+(?:\w+\s+)?(hospital|market|school|camp|bakery|mosque|convoy|factory|building|house|shelter)\b/i;

function rankOf(p: PlaceRef): number {
  return PLACE_RANK[p.kind];
}

function chainOf(ctx: EventContext, p: PlaceRef): string[] {
  const out: string[] = [p.name];
  let w = p.within;
  for (let i = 0; w && i < 6; i++) {
    out.push(w);
    w = ctx.placeByName.get(w)?.within ?? null;
  }
  return out;
}

/** True when one place is the other or contains it (a governorate and its capital count as one). */
export function placesCompatible(ctx: EventContext, a: PlaceRef | null, b: PlaceRef | null): 'same' | 'a-in-b' | 'b-in-a' | null {
  if (!a || !b) return 'same';
  if (a.id === b.id) return 'same';
  const capA = ctx.placeByName.get(a.name)?.capital;
  const capB = ctx.placeByName.get(b.name)?.capital;
  if (capA === b.name || capB === a.name) return 'same';
  if (chainOf(ctx, a).includes(b.name)) return 'a-in-b';
  if (chainOf(ctx, b).includes(a.name)) return 'b-in-a';
  return null;
}

function pickPlace(ctx: EventContext, places: PlaceMention[], text = ''): PlaceMention | null {
  const usable = places.filter((p) => p.place.kind !== 'country');
  if (usable.length === 0) return null;
  // "the towns and villages of A, B and C in Idlib province": the incident is the province's.
  // (a list: "towns and villages of", "areas including"; not "in areas held by the SDF")
  if (/\b(?:towns|villages|areas|localities|neighbou?rhoods|cities)\s+(?:and\s+(?:towns|villages|areas|localities|neighbou?rhoods|cities)\s+)?(?:of|in|like|including|such as)\b/i.test(text)) {
    const gov = usable.filter((p) => p.place.kind === 'governorate');
    if (gov.length === 1 && usable.every((p) => p === gov[0] || chainOf(ctx, p.place).includes((gov[0] as PlaceMention).place.name))) return gov[0] as PlaceMention;
  }
  const best = Math.min(...usable.map((p) => rankOf(p.place)));
  const top = usable.filter((p) => rankOf(p.place) === best);
  const distinct = [...new Map(top.map((p) => [p.place.id, p])).values()];
  // "in Hama and the western countryside of Homs": no single place.
  if (distinct.length >= 2 && best >= PLACE_RANK.governorate) return null;
  if (distinct.length >= 2) {
    // "the towns of A, B and C in the province of X": the place that holds them all.
    const holder = usable.find((p) => rankOf(p.place) > best && distinct.every((d) => chainOf(ctx, d.place).includes(p.place.name)));
    if (holder && distinct.length >= 3) return holder;
  }
  return distinct[0] ?? null;
}

function typeOf(hits: { entry: EventTrigger }[]): EventTrigger | null {
  let best: EventTrigger | null = null;
  for (const h of hits) if (!best || PRIORITY.indexOf(h.entry.id) < PRIORITY.indexOf(best.id)) best = h.entry;
  return best;
}

/** The event mentions of one sentence, one per incident clause. */
export function findEventMentions(lex: CompiledLexicon, a: Analysed, places: PlaceMention[], ctx: EventContext): EventMention[] {
  if (a.question) return [];
  const { sentence, tokens } = a;
  const hits = lex.triggers.find(tokens, sentence.text, sentence.start);
  if (hits.length === 0) {
    // "this latest crime, which took the lives of nine people": more about the last incident.
    // "... had died in the town on Saturday night": the dead of the incident just told, where it was told.
    if (!(ANAPHOR.test(sentence.text) || (ANAPHORIC_PLACE.test(sentence.text) && /\b(?:died|killed|dead)\b/i.test(sentence.text)))) return [];
    const cas = readCasualties(sentence.text);
    if (!cas.killed) return [];
    return [{ eventType: 'other', place: null, placeQualifier: null, date: resolveDate(sentence.text, ctx.published), killed: cas.killed, injured: cas.injured, perpetrators: [], status: 'reported', mentions: [{ sentence, rule: 'anaphor:casualties' }], headline: a.headline, anaphoric: true, weak: true, additional: false, from: sentence.start, to: sentence.end, at: sentence.start }];
  }

  // Clauses: cut only between places that each have their own incident.
  const specific = places.filter((p) => rankOf(p.place) <= 4);
  const cuts: number[] = [];
  if (new Set(specific.map((p) => p.place.id)).size >= 2) {
    for (const m of sentence.text.matchAll(CUTS)) {
      const at = sentence.start + (m.index ?? 0);
      if (specific.some((p) => p.end <= at) && specific.some((p) => p.start >= at)) cuts.push(at);
    }
  }
  const bounds = [sentence.start, ...cuts, sentence.end];
  const out: EventMention[] = [];
  let inherited: EventTrigger | null = null;
  let prevKilled = false;
  let inheritedAgents: Perpetrator[] = [];
  for (let s = 0; s + 1 < bounds.length; s++) {
    const from = bounds[s] as number;
    const to = bounds[s + 1] as number;
    const segText = sentence.text.slice(from - sentence.start, to - sentence.start);
    const segHits = hits.filter((h) => h.start >= from && h.end <= to).filter((h) => {
      if (ctx.callStarts.some((c) => c < h.start)) return false;
      for (let k = Math.max(0, h.from - 6); k < h.from; k++) {
        const m = lex.words.eventIrrealis.matchAt(tokens, k);
        if (m && m.to <= h.from) return false;
      }
      return true;
    });
    const trig: EventTrigger | null = typeOf(segHits) ?? (segHits.length === 0 && inherited && s > 0 ? inherited : null);
    if (!trig) continue;
    const cas = readCasualties(segText);
    // "five civilians in Binnish and two others in Sarmin": the count of a clause cut from the first.
    if (s > 0 && !cas.killed && prevKilled) cas.killed = bareCount(segText);
    const date = resolveDate(segText, ctx.published);
    const habitual = tokens.some((t, k) => t.start >= from && t.end <= to && lex.words.habitual.matchAt(tokens, k));
    if (habitual && !cas.killed && !date.date) continue;

    // A dateline ("QAMISHLI -", "BEIRUT (Reuters) -") says where the report was filed, not where it happened.
    const segPlaces = places.filter((p) => p.start >= from && p.end <= to && !(p.from === 0 && /^\p{Lu}[\p{Lu}\s-]+$/u.test(p.surface)));
    let where = pickPlace(ctx, segPlaces, segText);
    let qualifier = where?.qualifier ?? null;
    let placeFromText = !!where;
    if (!where) {
      const an = ANAPHORIC_PLACE.exec(segText);
      const bare = BARE_COUNTRYSIDE.exec(segText);
      if (bare) {
        const gov = [...ctx.placeHistory].reverse().find((p) => p.place.kind === 'governorate');
        if (gov) {
          where = gov;
          qualifier = `${bare[1]?.toLowerCase()} countryside`;
        }
      } else if (an) {
        const want = an[1]?.toLowerCase() ?? '';
        const kinds: Record<string, PlaceKind[]> = {
          city: ['city', 'town', 'governorate'], town: ['town', 'city', 'village'], village: ['village', 'town'], district: ['neighbourhood', 'district', 'town'],
          neighbourhood: ['neighbourhood'], neighborhood: ['neighbourhood'], province: ['governorate'], governorate: ['governorate'],
          enclave: ['region', 'town', 'city', 'neighbourhood'], region: ['region', 'governorate'], camp: ['facility', 'village'], area: ['region', 'town', 'city', 'village', 'neighbourhood', 'governorate'],
        };
        where = [...ctx.placeHistory].reverse().find((p) => (kinds[want] ?? []).includes(p.place.kind)) ?? null;
        placeFromText = !!where;
      } else if (FACILITY_DEF.test(segText)) {
        where = pickPlace(ctx, ctx.previousPlaces);
      }
    }

    const perps = agentsOf(lex, a, from, to, segHits.map((h) => h.from), ctx, segHits.map((h) => h.entry.id));
    const agents = perps.length > 0 ? perps : s > 0 && segHits.length === 0 ? inheritedAgents : [];
    let eventType = trig.eventType;
    // "Since March, government jets have bombed towns across the province": a campaign, not one strike.
    if (trig.role === 'means' && trig.id !== 'civic-campaign' && /\bsince\b/i.test(segText) && /\b(?:have|has)\s+(?:\w+\s+)?\w+ed\b|\bcontinu|\bintensified\b/i.test(segText)) eventType = 'campaign';
    // "a Syrian Air Force attack", "jets ... attacked": an attack from the air is an airstrike.
    const firstHit = segHits[0];
    if (eventType === 'attack' && firstHit && /^attack/i.test(firstHit.surface) && agents.length > 0 && /air ?force|warplane|jet|aircraft|helicopter|\bair\b/i.test(sentence.text.slice(Math.max(0, firstHit.start - sentence.start - 30), firstHit.start - sentence.start))) eventType = 'airstrike';
    // A target named right after the trigger ("struck a market", "an air strike on a hospital") makes it concrete.
    const facility = segHits.some((h) => lex.words.facilities.find(tokens.slice(h.to, Math.min(h.to + 6, tokenAt(tokens, to))), sentence.text, sentence.start).length > 0);
    // "18 attacks", "59 unlawful attacks": a tally of incidents, an event only where it is placed.
    const counted = segHits.some((h) => /^(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|several|numerous)$/i.test(tokens[h.from - 1]?.text ?? '') || /^(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|several|numerous)$/i.test(tokens[h.from - 2]?.text ?? '') && !/^(?:killed|injured|wounded)$/.test(tokens[h.from - 1]?.key ?? ''));
    if (counted && !(where && placeFromText)) {
      inherited = trig;
      inheritedAgents = agents;
      continue;
    }
    // Several governorates at once ("in Aleppo, Idlib and Latakia") place a survey, not an incident, unless a date or a count ties it down.
    const placed = (where && placeFromText) || (segPlaces.some((p) => p.place.kind !== 'country') && (trig.id === 'civic-campaign' || !!date.date || !!cas.killed || !!cas.injured));
    let anchors = (placed ? 1 : 0) + (date.date ? 1 : 0) + (cas.killed || cas.injured ? 1 : 0) + (agents.length > 0 ? 1 : 0) + (facility ? 1 : 0);
    // A label ("the killings and displacement of the Syrian people") needs a where, a when or a count to be one incident.
    if (trig.role === 'label' && !where && !date.date && !cas.killed && !cas.injured) anchors = Math.min(anchors, 1);
    const anaphoric = ANAPHOR.test(segText);
    // A bare killing is an incident only with its agent (named, or "unidentified gunmen") and its place.
    if (trig.id === 'killing' && !((agents.length > 0 || UNKNOWN_AGENT.test(segText)) && where && placeFromText)) anchors = 0;
    if (anchors < 2 && !(anaphoric && anchors >= 1)) {
      inherited = trig;
      inheritedAgents = agents;
      continue;
    }
    const status: EventStatus = ctx.denied && ctx.deniedFrom.some((d) => (segHits[0]?.start ?? from) >= d) ? 'contested' : ALLEGED.test(segText) ? 'alleged' : CONFIRMED.test(segText) ? 'confirmed' : 'reported';
    out.push({
      eventType,
      place: where?.place ?? null,
      placeQualifier: qualifier,
      date,
      killed: cas.killed,
      injured: cas.injured,
      perpetrators: agents,
      status,
      mentions: [{ sentence, rule: `trigger:${trig.id}` }],
      headline: a.headline,
      anaphoric,
      weak: anchors < 2,
      additional: ADDITIONAL.test(segText),
      from,
      to,
      at: segHits[0]?.start ?? from,
    });
    inherited = trig;
    inheritedAgents = agents;
    prevKilled = !!cas.killed;
  }
  return out;
}

/** The actors a clause alleges did it: "Russian airstrikes", "jets of X", "by X", "X shelled", "clashes between X and Y". */
function agentsOf(lex: CompiledLexicon, a: Analysed, from: number, to: number, triggerTokens: number[], ctx: EventContext, triggerIds: string[] = []): Perpetrator[] {
  const { tokens, sentence } = a;
  const out: Perpetrator[] = [];
  const add = (m: ActorMention, rule: string) => {
    if (m.ref.group && (m.ref.kind === 'other' || m.ref.name === 'Medical sources' || m.ref.name === 'Local sources')) return;
    // "unidentified gunmen": the text says it does not know who.
    if (/\b(?:unidentified|unknown|masked|anonymous)\s+$/i.test(sentence.text.slice(Math.max(0, m.start - sentence.start - 14), m.start - sentence.start))) return;
    // Monitors, NGOs and media report and document; they are never the agent of an incident.
    if (m.ref.kind === 'media' || (m.ref.kind === 'civil_society' && !triggerIds.includes('civic-campaign'))) return;
    // "killed four fighters of X", "targeting X positions": X is the victim or target.
    if (rule !== 'agent:by' && rule !== 'agent:between' && harmedObject(a, m.from)) return;
    if (out.some((p) => p.ref.id === m.ref.id)) return;
    out.push({ ref: m.ref, attributedTo: ctx.voiceAt(m.start), sentence, rule });
  };
  const inSeg = a.actors.filter((m) => m.start >= from && m.end <= to && !ctx.speakerSpans.some((s) => m.start < s.end && m.end > s.start) && !inBackerPhrase(a, m));
  // The first trigger that is not part of a name ("Russian jets" is a name; its verb "struck" the trigger).
  const free = triggerTokens.filter((t) => !a.actors.some((m) => t >= m.from && t < m.to));
  const firstTrigger = Math.min(...(free.length > 0 ? free : triggerTokens), tokens.length);
  const between = /\bbetween\b/i.exec(sentence.text.slice(from - sentence.start, to - sentence.start));
  for (const m of inSeg) {
    // "after Russian jets bombed it": a conjunction opening a clause, whose subject follows, not a preposition.
    const rawPrep = prepositionBefore(tokens, m.from);
    const prep = rawPrep && CLAUSE_OPENERS.has(rawPrep) && tokens[m.from - 1]?.key === rawPrep ? null : rawPrep;
    const before = sentence.text.slice(Math.max(0, m.start - sentence.start - 40), m.start - sentence.start);
    if (/according to\s+(?:the\s+)?$/i.test(before)) continue;
    if (m.via === 'adjective') {
      let j = m.from - 1;
      while (j >= 0 && DETERMINERS.has((tokens[j] as Token).key)) j--;
      if (tokens[j]?.key === 'by' && NOT_AGENT_AFTER.has(tokens[j - 1]?.key ?? '')) continue;
      add(m, 'agent:adjective');
      continue;
    }
    if (lex.words.forceNouns.matchAt(tokens, m.to) || (tokens[m.to]?.key === 's' && lex.words.forceNouns.matchAt(tokens, m.to + 1))) {
      add(m, 'agent:force-noun');
      continue;
    }
    if (forceOfBefore(lex, tokens, m.from)) {
      add(m, 'agent:force-of');
      continue;
    }
    // A name that is itself the weapon ("Russian jets", "regime warplanes") when nothing governs it.
    if (!prep && triggerTokens.some((t) => t >= m.from && t < m.to)) {
      add(m, 'agent:named-force');
      continue;
    }
    if (prep === 'by') {
      let j = m.from - 1;
      while (j >= 0 && DETERMINERS.has((tokens[j] as Token).key)) j--;
      const verb = tokens[j - 1];
      if (verb && NOT_AGENT_AFTER.has(verb.key)) continue;
      // "shelling by X", "carried out by X", "killed by X": an act of harm just before "by".
      const near = tokens.slice(Math.max(0, j - 4), j);
      const harmNear = near.some((_, k) => lex.triggers.matchAt(near, k) || lex.words.harmVerbs.matchAt(near, k) || lex.words.wrongVerbs.matchAt(near, k) || lex.words.wrongNouns.matchAt(near, k)) || /ed$/.test(verb?.key ?? '');
      if (!harmNear) continue;
      if (verb?.key === 'led') {
        // "opposition forces led by Jabhat a-Nusra": the leader stands for the led.
        const led = out.findIndex((p) => a.actors.some((x) => x.ref === p.ref && x.end <= (tokens[j - 1] as Token).start && x.end >= (tokens[j - 1] as Token).start - 2));
        if (led >= 0) out.splice(led, 1);
      }
      add(m, 'agent:by');
      // The rest of a list after "by": "by the Assad regime, Russian forces, and the coalition".
      for (const x of inSeg) if (x.start > m.end && x.start - m.end < 60 && /^[\s,]*(?:and\s+|or\s+)?(?:the\s+)?$/i.test(gapText(a, inSeg[inSeg.indexOf(x) - 1]?.end ?? m.end, x.start))) add(x, 'agent:by'); else if (x.start > m.end) break;
      continue;
    }
    if (prep === 'with' && /\b(?:joint|together|alongside|in cooperation)\b[^.]{0,30}with\s+(?:the\s+)?$/i.test(before)) {
      add(m, 'agent:joint');
      continue;
    }
    // "X is responsible for the shelling", "holds X responsible for the bombing", "X must be held accountable for the execution".
    if (canBeAccusedByCall(m.ref.kind) && m.end <= (tokens[firstTrigger]?.start ?? -1) && RESPONSIBLE_FOR.test(gapText(a, m.end, (tokens[firstTrigger] as Token).start))) {
      add(m, 'agent:responsible');
      continue;
    }
    // "X clashed with Y": both sides of the fighting.
    if (prep === 'with' && triggerIds.includes('clashes') && triggerTokens.some((t) => t < m.from && m.from - t <= 4)) {
      // "clashed with rebels of the Free Syrian Army": the named group, not the generic one.
      const named = inSeg.find((x) => x.start > m.end && /^\s+of\s+(?:the\s+)?$/i.test(gapText(a, m.end, x.start)));
      add(named ?? m, 'agent:between');
      continue;
    }
    if (between && m.start > from + between.index) {
      add(m, 'agent:between');
      continue;
    }
    if (!prep && m.to <= firstTrigger) {
      // The subject of the trigger: nothing but filler, or an appositive in commas, in between.
      const trig = tokens[firstTrigger];
      const gap = trig ? gapText(a, m.end, trig.start) : '';
      const words = tokens.filter((t) => t.start >= m.end && t.end <= (trig?.start ?? m.end));
      const plain = (words.length <= 3 && words.every((t) => /^\p{Ll}+$/u.test(t.text) && !PREP_WORDS.has(t.key)) && !/[,;:]/.test(gap)) || words.length <= 5 && words.every((t) => FILLER.has(t.key) || /^(an?|the|appalling|horrific|heinous|new|several|no|fewer|than|more|at|least|\d+|directly|deliberately|out|carried|conducted|committed|launched|dropped|a|its|their)$/.test(t.key)) && !/[;:]/.test(gap);
      const appositive = /^\s*,[^,]{0,80},\s*(?:\w+\s+){0,3}$/.test(gap) && !/\b(said|says|told|according)\b/i.test(gap);
      const reporting = words.some((_, k) => lex.words.reporting.matchAt(words, k) || lex.cues.matchAt(words, k));
      if ((plain || appositive) && !reporting) add(m, 'agent:subject');
    }
  }
  // A sentence that opens with an actor and then tells what it did ("Activists and local groups ... have launched an online campaign").
  if (out.length === 0 && triggerIds.includes('civic-campaign')) {
    const head = inSeg[0];
    const trig = tokens[firstTrigger];
    if (head && head.from <= 1 && trig && head.end <= trig.start && !prepositionBefore(tokens, head.from)) {
      const words = tokens.filter((t) => t.start >= head.end && t.end <= trig.start);
      const reporting = words.some((_, k) => lex.words.reporting.matchAt(words, k) || lex.cues.matchAt(words, k));
      if (!reporting && words.length <= 16) add(head, 'agent:subject');
    }
  }
  return out;
}

const WORD_COUNTS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
function bareCount(text: string): Range | null {
  const m = /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:more|others|other civilians|civilians|people|persons)\b/i.exec(text);
  if (!m?.[1]) return null;
  const n = WORD_COUNTS[m[1].toLowerCase()] ?? Number(m[1]);
  return { min: n, max: n };
}

function rangesOverlap(a: Range | null, b: Range | null): boolean {
  if (!a || !b) return true;
  const lo = Math.max(a.min ?? 0, b.min ?? 0);
  const hi = Math.min(a.max ?? Infinity, b.max ?? Infinity);
  return lo <= hi;
}

function datesCompatible(a: ResolvedDate, b: ResolvedDate): boolean {
  if (!a.date || !b.date) return true;
  return a.date.startsWith(b.date) || b.date.startsWith(a.date);
}

export function typesCompatible(a: EventType, b: EventType): boolean {
  return a === b || LABELS.has(a) || LABELS.has(b);
}

/** Merge a clause's event into the report's events, or start a new one. */
export function addEventMention(ctx: EventContext, events: EventDraft[], m: EventMention): EventDraft | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i] as EventDraft;
    if (e.headline !== m.headline) continue;
    if (!typesCompatible(e.eventType, m.eventType) || !datesCompatible(e.date, m.date)) continue;
    const rel = placesCompatible(ctx, e.place, m.place);
    const sameKilled = !!e.killed && !!m.killed && e.killed.min === m.killed.min && e.killed.max === m.killed.max;
    let merge = false;
    if (m.anaphoric && !m.additional && (rel !== null || !m.place) && i >= events.length - 2) merge = true;
    else if (m.additional) merge = false;
    else if (rel === 'same' && e.place && m.place && rangesOverlap(e.killed, m.killed)) merge = true;
    else if (!m.place && (!m.date.date || !e.date.date || m.date.date === e.date.date) && rangesOverlap(e.killed, m.killed) && (m.perpetrators.length === 0 || m.perpetrators.some((p) => e.perpetrators.some((q) => q.ref.id === p.ref.id))) && i === events.length - 1) merge = true;
    else if (rel === 'b-in-a' && sameKilled && i === events.length - 1) merge = true; // a finer place for the same count
    else if (rel === 'a-in-b' && m.place && e.place && rangesOverlap(e.killed, m.killed) && LABELS.has(m.eventType) && i === events.length - 1) merge = true; // a vaguer restatement
    if (!merge) {
      if (m.anaphoric && i === events.length - 1 && !m.place) continue;
      continue;
    }
    mergeInto(ctx, e, m);
    return e;
  }
  if (m.weak) return null;
  const draft: EventDraft = { ...m, mentions: [...m.mentions], perpetrators: [...m.perpetrators] };
  events.push(draft);
  return draft;
}

function widen(a: Range | null, b: Range | null): Range | null {
  if (!a) return b;
  if (!b) return a;
  // A number for the incident replaces a word ("dozens"): it is the more specific count.
  if (!!a.vague !== !!b.vague) return a.vague ? b : a;
  const min = a.min === null ? b.min : b.min === null ? a.min : Math.min(a.min, b.min);
  const max = a.max === null || b.max === null ? (a.max === null && b.max === null ? null : null) : Math.max(a.max, b.max);
  return { min, max };
}

function mergeInto(ctx: EventContext, e: EventDraft, m: EventMention): void {
  for (const s of m.mentions) if (!e.mentions.some((x) => x.sentence.start === s.sentence.start)) e.mentions.push(s);
  if (m.place) {
    const rel = placesCompatible(ctx, e.place, m.place);
    if (!e.place || (rel === 'b-in-a' && rankOf(m.place) < rankOf(e.place))) {
      e.place = m.place;
      e.placeQualifier = m.placeQualifier ?? e.placeQualifier;
    }
  }
  if (!e.date.date || (m.date.date && m.date.date.length > e.date.date.length)) e.date = m.date;
  // Means win over labels: an airstrike called a massacre stays an airstrike.
  if (LABELS.has(e.eventType) && !LABELS.has(m.eventType)) e.eventType = m.eventType;
  e.killed = widen(e.killed, m.killed);
  e.injured = widen(e.injured, m.injured);
  for (const p of m.perpetrators) if (!e.perpetrators.some((q) => q.ref.id === p.ref.id)) e.perpetrators.push(p);
  if (m.status === 'contested') e.status = 'contested';
  else if (e.status === 'reported' && m.status !== 'reported') e.status = m.status;
}

/** A headline restates the lead: its event joins the body event it matches, or stands alone. */
export function foldHeadlines(ctx: EventContext, events: EventDraft[]): EventDraft[] {
  const body = events.filter((e) => !e.headline);
  const out = [...body];
  for (const h of events.filter((e) => e.headline)) {
    const match = body.find((e) => typesCompatible(e.eventType, h.eventType) && placesCompatible(ctx, e.place, h.place) !== null);
    if (match) {
      for (const s of h.mentions) match.mentions.push(s);
      for (const p of h.perpetrators) if (!match.perpetrators.some((q) => q.ref.id === p.ref.id)) match.perpetrators.push(p);
      if (!match.place && h.place) match.place = h.place;
    } else if (body.length === 0) out.push(h);
  }
  return out;
}

