// Claims: ACCUSED, CONDEMNED, CALLED_ON and DENIED, with direction. Two sources:
// 1. Cue words (data/lexicons/claim-cues.json): "X condemned Y", "X called on Y to", "X accused
//    Y of", "Y was condemned by X", "X called for Y to"; the speaker is the cue's subject, a
//    pronoun or description resolved through the discourse, or the speaker of the quotation the
//    cue stands in ("We condemn ...," the charity added).
// 2. Accusations without a cue, in what a speaker says (a frame, a quotation, the publisher's own
//    release): an actor as the agent of wrongdoing ("X committed a massacre", "crimes of X",
//    "Russia's crimes", "killed by X", "X was behind it", "pressure on X to stop the killing").
//    Plain reports of harm ("X bombed a hospital") accuse only in a speaker's own words or an
//    allegation; in indirect speech they need a word of wrongdoing.
// Negation and distance are respected: "did not condemn", "without apportioning blame", "denied
// claims that ...", "no indication that ...", "called on the UN to condemn" give nothing.
import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import type { ClaimCue } from '../lexicon/schema.ts';
import type { Sentence } from '../model/report.ts';
import type { ClaimType, EventType } from '../model/vocab.ts';
import { DETERMINERS, NOT_AGENT_AFTER, canBeAccusedByCall, coordinated, inBackerPhrase, forceOfBefore, gapText, insidePhrase, prepositionBefore, tokenAt, type Analysed } from './clauses.ts';
import { findSubject, refEndingAt, type Discourse, type Frame, type Speaker } from './discourse.ts';
import type { ActorMention, ActorNodeRef, PlaceRef } from './mentions.ts';
import type { Token } from './tokens.ts';

export interface ClaimDraft {
  type: ClaimType;
  speaker: ActorNodeRef;
  /** The actor the claim is about; null with `event` when it is about an incident ("condemned this crime"). */
  target: ActorNodeRef | null;
  event: 'sentence' | 'last' | null;
  sentence: Sentence;
  rule: string;
  /** When the claim is reported by someone else than its speaker (rarely: nested speech). */
  attributedTo: ActorNodeRef | null;
  /** Char offset where the speaker is named (-1 when it is a voice, not a word in the sentence). */
  speakerAt?: number;
  /** "blamed the killings on X": the accusation is about a deed (of these kinds of incident, or any when empty), whose agent X is. */
  deed?: EventType[];
  /** For a denial: the kinds of incident its object names ("denied firing the rockets": shelling); empty when it names none. */
  about?: EventType[];
  /** For a denial: the places its object names (set by the report, which knows the places). */
  aboutPlaces?: PlaceRef[];
}

export interface CueResult {
  claims: ClaimDraft[];
  /** Content after a cue is its speaker's voice ("X called on Y to stop crimes by Z"). */
  frames: Frame[];
  /** Char ranges the speaker puts at a distance (denied, dismissed, "no indication that"). */
  distanced: { from: number; to: number }[];
  /** Char positions of calls and demands (what follows them is wished for, not reported). */
  callStarts: number[];
  /** The sentence denies something. */
  denies: boolean;
}

const DENIAL_OBJECT = /^\s*(?:(?:the|any|all|these|those|such|his|her|its|their|media|western|recent|latest)\s+)*(?:[\w’'-]+\s+){0,2}?(?:claims?|reports?|allegations?|accusations?|charges?|information|line|narrative|version|statements?|stor(?:y|ies)|news|involvement|responsibility|role|that|any\s+role)\b|^\s*(?:\w+ing)\b/i;
const DISTANCING_NOUNS = new Set(['claim', 'claims', 'allegation', 'allegations', 'accusation', 'accusations', 'reports', 'rumours', 'rumors', 'charges', 'speculation']);
const BOUNDARY = /[.;:!?]|,\s*(?:which|who|while|as|after|before|because|but|and\s+(?:called|urged|said|stressed|warned|demanded|added))\b|\s(?:as it|as they|while|after|before|because|whereas|towards|toward|regarding|over)\s/i;

function speakerOf(lex: CompiledLexicon, a: Analysed, cueTok: number, disc: Discourse, voice: Speaker | null, quoteSpeaker: ActorNodeRef | null, previous: Speaker | null = null): Speaker | null {
  const { tokens } = a;
  // "X condemned the attacks and called on Y": the second verb shares the first one's subject.
  if (previous && ['and', 'also'].includes(tokens[cueTok - 1]?.key ?? '') && !findSubjectStrict(lex, a, cueTok, disc, quoteSpeaker)) return previous;
  const cueStart = (tokens[cueTok] as Token).start;
  // "..., condemning X": the subject of the sentence.
  if (/ing$/.test((tokens[cueTok] as Token).key) && /,\s*$/.test(gapText(a, a.sentence.start, cueStart))) {
    const head = a.actors.find((m) => m.end <= cueStart && !prepositionBefore(tokens, m.from));
    if (head && head.from <= 3) return { refs: [head.ref], via: head.via, start: head.start, end: head.end };
    const r = refEndingAt(lex, a, (tokens[1] as Token | undefined)?.end ?? 0) ?? refEndingAt(lex, a, (tokens[0] as Token | undefined)?.end ?? 0);
    if (r) {
      const ref = disc.resolve(r.word, r.desc, quoteSpeaker);
      if (ref) return { refs: [ref], via: r.desc ? `coref:${r.word}` : `pronoun:${r.word}`, start: r.start, end: r.end };
    }
    return voice;
  }
  const subj = findSubject(lex, a, cueTok, disc, quoteSpeaker);
  if (subj) return subj;
  // "The Secretary-General reminds all parties ... and calls on X": the sentence's subject, second verb.
  if (tokens[cueTok - 1]?.key === 'and') {
    const head = a.actors.find((m) => m.from <= 1 && m.end < cueStart && !prepositionBefore(tokens, m.from));
    const verb = head ? tokens[head.to] : undefined;
    if (head && verb && /^\p{Ll}+s$/u.test(verb.text) && !/[,;:]/.test(gapText(a, head.end, verb.start))) return { refs: [head.ref], via: head.via, start: head.start, end: head.end };
  }
  // In a quotation or a frame, a cue with no actor for subject ("Syria demands ...", "We condemn ...") is the speaker's.
  return voice;
}

function findSubjectStrict(lex: CompiledLexicon, a: Analysed, cueTok: number, disc: Discourse, quoteSpeaker: ActorNodeRef | null): Speaker | null {
  const s = findSubject(lex, a, cueTok, disc, quoteSpeaker);
  return s && s.end >= ((a.tokens[cueTok - 2] as Token | undefined)?.start ?? 0) ? s : null;
}

function isNegated(lex: CompiledLexicon, tokens: Token[], i: number): boolean {
  for (let k = Math.max(0, i - 4); k < i; k++) {
    const m = lex.words.negators.matchAt(tokens, k);
    if (m && m.to <= i) return true;
  }
  return false;
}

const MODALS = new Set(['could', 'might', 'may', 'would', 'will', 'shall', 'if', 'unless', 'whether', 'lest']);
/** "Russia could commit new massacres", "if the regime uses chemical weapons": not an accusation of a deed. */
function isHypothetical(tokens: Token[], i: number): boolean {
  for (let k = Math.max(0, i - 4); k < i; k++) if (MODALS.has((tokens[k] as Token).key)) return true;
  return false;
}

function isIrrealis(lex: CompiledLexicon, tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const prev2 = tokens[i - 2];
  if (!prev) return false;
  if (prev.key === 'to' || (prev2?.key === 'to' && /ly$/.test(prev.key))) return true;
  for (let k = Math.max(0, i - 3); k < i; k++) {
    const m = lex.words.claimIrrealis.matchAt(tokens, k);
    if (m && m.to <= i && m.entries[0] !== 'to') return true;
  }
  return false;
}

/** Actor mentions and coreferring descriptions right after char `from`, as one coordinated list. */
function objectList(lex: CompiledLexicon, a: Analysed, from: number, disc: Discourse, quoteSpeaker: ActorNodeRef | null, maxLead = 3): { refs: ActorNodeRef[]; end: number; mentions: ActorMention[] } | null {
  const { tokens } = a;
  const ti = tokenAt(tokens, from);
  let j = ti;
  while (j < tokens.length && j - ti < maxLead && (DETERMINERS.has((tokens[j] as Token).key) || ['upon', 'on', 'that', 'again', 'both'].includes((tokens[j] as Token).key))) j++;
  const k = a.actors.findIndex((m) => m.from >= ti && m.from <= j);
  if (k >= 0) {
    const list = coordinated(a, k).filter((m) => m.from >= ti);
    return { refs: [...new Set(list.map((m) => m.ref))], end: (list.at(-1) as ActorMention).end, mentions: list };
  }
  // "slammed the coalition", "urged them"
  for (let e = j; e < Math.min(tokens.length, j + 3); e++) {
    const r = refEndingAt(lex, a, (tokens[e] as Token).end);
    if (r && r.start >= (tokens[ti] as Token | undefined)?.start!) {
      if (r.word === 'it' || r.word === 'he' || r.word === 'she' || r.word === 'we' || r.word === 'i') return null;
      const ref = disc.resolve(r.word, r.desc, quoteSpeaker);
      if (ref) return { refs: [ref], end: r.end, mentions: [] };
    }
  }
  return null;
}

/** Agents inside a noun phrase that is condemned: "the Russian airstrikes", "the silence of X", "the onslaught by X and Y". */
function agentsInPhrase(lex: CompiledLexicon, a: Analysed, from: number, to: number): ActorMention[] {
  const out: ActorMention[] = [];
  const { tokens } = a;
  const inside = a.actors.filter((m) => m.start >= from && m.end <= to);
  for (let k = 0; k < inside.length; k++) {
    const m = inside[k] as ActorMention;
    const prep = prepositionBefore(tokens, m.from);
    const first = m.from === tokenAt(tokens, from) || tokens.slice(tokenAt(tokens, from), m.from).every((t) => DETERMINERS.has(t.key) || /ly$/.test(t.key) || ['recent', 'latest', 'continued', 'ongoing', 'new', 'barbaric', 'brutal', 'horrific', 'daily', 'heinous'].includes(t.key));
    if (m.via === 'adjective' || first || prep === 'by' || forceOfBefore(lex, tokens, m.from) || (prep === 'of' && !out.length && !prepositionBefore(tokens, m.from - 2)) || tokens[m.to]?.key === 's') {
      for (const x of coordinated(a, a.actors.indexOf(m)).filter((x) => x.start >= from && x.end <= to)) if (!out.includes(x)) out.push(x);
    }
  }
  return out;
}

export function findCueClaims(lex: CompiledLexicon, a: Analysed, disc: Discourse, voiceAt: (pos: number) => Speaker | null, quoteSpeaker: ActorNodeRef | null): CueResult {
  const res: CueResult = { claims: [], frames: [], distanced: [], callStarts: [], denies: false };
  const { tokens, sentence } = a;
  const hits = lex.cues.find(tokens, sentence.text, sentence.start);
  const calls: { start: number; end: number }[] = [];
  // "could not verify claims that X ...", "reports that X ...": what a claim says is its owner's, not the speaker's.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const c = lex.words.claimNouns.matchAt(tokens, i);
    if (!c || !DISTANCING_NOUNS.has((tokens[i] as Token).key)) continue;
    // "said in a statement that ...", "in its report that": the speaker's own words, not a claim held at a distance.
    if (tokens[i - 1] && ['a', 'its', 'their', 'his', 'her', 'our'].includes((tokens[i - 1] as Token).key) && tokens[i - 2]?.key === 'in') continue;
    const that = [c.to, c.to + 1].find((k) => tokens[k]?.key === 'that');
    if (that === undefined) continue;
    // ... up to a participle clause of the speaker's own ("..., arguing that ...").
    const from = (tokens[that] as Token).end;
    const own = /,\s+\p{L}+ing\b|\s(?:arguing|saying|claiming|insisting|adding|stressing|noting|suggesting|asserting|stating)\s+that\b/u.exec(sentence.text.slice(from - sentence.start));
    res.distanced.push({ from, to: own ? from + own.index : sentence.end });
  }
  let previous: Speaker | null = null;
  for (const hit of hits) {
    const cue: ClaimCue = hit.entry;
    const cueTok = hit.from;
    if (cue.type === 'CALLED_ON') res.callStarts.push(hit.end);
    if (isNegated(lex, tokens, cueTok)) continue;
    if (cue.form !== 'passive' && isIrrealis(lex, tokens, cueTok)) continue;
    // Inside a call ("called on the UN to ... pass a resolution condemning X"): wished for, not done.
    if (cue.type !== 'CALLED_ON' && calls.some((c) => c.start < hit.start && /\bto\b/.test(gapText(a, c.end, hit.start)))) continue;
    const voice = voiceAt(hit.start);
    const restText = sentence.text.slice(hit.end - sentence.start);

    if (cue.type === 'DENIED') {
      // "denied on Sunday using chemical weapons": the day of the denial stands before what is denied.
      if (!DENIAL_OBJECT.test(restText.replace(/^\s*(?:on\s+\w+(?:\s+\d{1,2})?|yesterday|today|again|categorically|strongly|flatly)\s*,?/i, ' '))) {
        // "dismissed the raid as one more crime by X": not a denial, a characterisation by the subject.
        const sp = speakerOf(lex, a, cueTok, disc, voice, quoteSpeaker);
        if (sp) res.frames.push({ speaker: sp, from: hit.end, to: sentence.end, kind: 'cue', direct: false, allegation: false });
        continue;
      }
      res.denies = true;
      // What is denied runs to the end of the sentence, or to a second verb of the same subject ("denied ... and accused X").
      const nextCue = hits.find((h) => h.start > hit.end && /\band\s+$/i.test(sentence.text.slice(Math.max(0, h.start - sentence.start - 6), h.start - sentence.start)));
      const deniedTo = nextCue ? nextCue.start : sentence.end;
      res.distanced.push({ from: hit.end, to: deniedTo });
      const about = [...new Set(lex.triggers.find(tokens.filter((t) => t.start >= hit.end && t.end <= deniedTo), sentence.text, sentence.start).map((h) => h.entry.eventType))];
      let sp = speakerOf(lex, a, cueTok, disc, voice, quoteSpeaker, previous);
      if (!sp && cueTok <= 1) {
        // "Calling the reports false, the ministry said ..."
        const comma = sentence.text.indexOf(',', hit.end - sentence.start);
        const after = comma >= 0 ? a.actors.find((m) => m.start > sentence.start + comma) : undefined;
        if (after) sp = { refs: [after.ref], via: after.via, start: after.start, end: after.end };
        else if (comma >= 0) {
          for (let e = tokenAt(tokens, sentence.start + comma); e < Math.min(tokens.length, tokenAt(tokens, sentence.start + comma) + 4); e++) {
            const r = refEndingAt(lex, a, (tokens[e] as Token).end);
            const ref = r ? disc.resolve(r.word, r.desc, quoteSpeaker) : null;
            if (r && ref) {
              sp = { refs: [ref], via: `coref:${r.word}`, start: r.start, end: r.end };
              break;
            }
          }
        }
      }
      if (!sp) continue;
      previous = sp;
      // Whose claim: "denied Amnesty's claim", "rejected the government's version", "rejected allegations by X".
      const objEnd = Math.min(clauseStop(a, hit.end), hit.end + 80);
      const owners = a.actors.filter((m) => m.start >= hit.end && m.end <= objEnd && (m.via === 'adjective' || tokens[m.to]?.key === 's' || prepositionBefore(tokens, m.from) === 'by' || lex.words.claimNouns.matchAt(tokens, m.to) !== null));
      for (const s of sp.refs) {
        if (owners.length === 0) res.claims.push({ type: 'DENIED', speaker: s, target: null, event: 'last', sentence, rule: `cue:${cue.id}`, attributedTo: null, about });
        for (const o of owners) if (o.ref.id !== s.id) res.claims.push({ type: 'DENIED', speaker: s, target: o.ref, event: null, sentence, rule: `cue:${cue.id}`, attributedTo: null, about });
      }
      continue;
    }

    let speaker: Speaker | null;
    let targets: ActorNodeRef[] = [];
    let eventTarget: ClaimDraft['event'] = null;
    let objEnd = hit.end;
    let deed: EventType[] | undefined;
    if (cue.form === 'passive') {
      const obj = objectList(lex, a, hit.end, disc, quoteSpeaker, 2);
      const subj = findSubject(lex, a, cueTok, disc, quoteSpeaker);
      if (!obj || !subj) continue;
      speaker = { refs: obj.refs, via: 'passive', start: hit.end, end: obj.end };
      targets = subj.refs;
    } else {
      speaker = speakerOf(lex, a, cueTok, disc, voice, quoteSpeaker, previous);
      if (!speaker) continue;
      previous = speaker;
      if (cue.type === 'CALLED_ON') {
        let obj = objectList(lex, a, hit.end, disc, quoteSpeaker, cue.form === 'call-for' ? 1 : 3);
        if (!obj && cue.form !== 'call-for') {
          // "calls on the guarantors of the arrangement, Russia and Turkey, to ensure ...": the names in the appositive.
          const ap = /^\s*(?:the|all)\s+[^,.;:"“”]{2,60},\s*/i.exec(restText);
          const named = ap ? objectList(lex, a, hit.end + ap[0].length, disc, quoteSpeaker, 1) : null;
          if (named && named.mentions.length > 0 && /^\s*,\s*(?:to|not to)\b/i.test(sentence.text.slice(named.end - sentence.start))) obj = named;
        }
        if (!obj) continue;
        const after = sentence.text.slice(obj.end - sentence.start);
        // An appeal names its addressee and what it is to do: "urged X to", "called on X not to", "appealed to X for".
        if (!/^\s*,?\s*(?:[\w’'-]+\s+){0,4}?(?:to|not to|for|that)\b|^\s*[,(]/i.test(after) && !/^\s*(?:\w+\s+)?that\b/i.test(restText)) continue;
        targets = obj.refs;
        objEnd = obj.end;
        calls.push({ start: hit.start, end: obj.end });
        // "called on Russia and the regime to stop targeting hospitals": those asked to stop are accused of it.
        const stop = /^\s*,?\s*to\s+(?:stop|end|cease|halt|put an end to)\b/i.exec(after);
        if (stop) {
          const from = obj.end + stop[0].length;
          const tail = tokens.slice(tokenAt(tokens, from), tokenAt(tokens, from) + 8);
          if (lex.words.wrongNouns.find(tail, sentence.text, sentence.start).length > 0 || lex.words.harmVerbs.find(tail, sentence.text, sentence.start).length > 0 || lex.words.wrongVerbs.find(tail, sentence.text, sentence.start).length > 0) {
            for (const s of speaker.refs) for (const t of targets) if (t.id !== s.id && canBeAccusedByCall(t.kind)) res.claims.push({ type: 'ACCUSED', speaker: s, target: t, event: null, sentence, rule: `accuse:call-to-stop+cue:${cue.id}`, attributedTo: null });
          }
        }
      } else if (cue.type === 'ACCUSED') {
        const obj = objectList(lex, a, hit.end, disc, quoteSpeaker, 3);
        if (cue.then) {
          // "held the regime and its Russian allies responsible": the allies' noun stands between.
          const next = obj ? sentence.text.slice(obj.end - sentence.start).trim().toLowerCase().replace(/^(?:allies|forces|militias|partners|backers|proxies)\s+/, '') : '';
          if (!obj || !cue.then.some((w) => next.startsWith(w))) continue;
        }
        if (cue.form === 'noun') {
          // "complained about the latest massacre carried out by X": the agents of what is complained about.
          const stop = clauseStop(a, hit.end);
          targets = agentsInPhrase(lex, a, hit.end, stop).map((m) => m.ref);
          objEnd = stop;
        } else if (obj) {
          targets = obj.refs;
          objEnd = obj.end;
        }
        if (targets.length === 0 && cue.objectAfter) {
          const found = deedThenTarget(lex, a, hit.end, cue.objectAfter, disc, quoteSpeaker);
          if (found) {
            targets = found.refs;
            objEnd = found.end;
            deed = found.about;
          }
        }
        if (targets.length === 0) continue;
      } else {
        // CONDEMNED: the condemned phrase, its agents, or the incident it names.
        const stop = clauseStop(a, hit.end);
        const obj = objectList(lex, a, hit.end, disc, quoteSpeaker, 3);
        const agents = agentsInPhrase(lex, a, hit.end, stop);
        targets = obj && (obj.mentions.length === 0 || obj.mentions[0]?.via !== 'adjective' || agents.length === 0) ? obj.refs : [...new Set(agents.map((m) => m.ref))];
        objEnd = stop;
        if (targets.length === 0) {
          const phrase = sentence.text.slice(hit.end - sentence.start, stop - sentence.start);
          if (/\b(?:this|these|that|those)\b/i.test(phrase)) eventTarget = 'last';
          else if (lex.triggers.find(tokens.filter((t) => t.start >= hit.end && t.end <= stop), sentence.text, sentence.start).length > 0 || /\b(?:killings?|murders?|deaths?)\s+of\b/i.test(phrase)) eventTarget = 'sentence';
          else continue;
        }
      }
    }
    for (const s of speaker.refs) {
      const rule = `cue:${cue.id}${speaker.via.startsWith('coref') || speaker.via.startsWith('pronoun') ? `+${speaker.via}` : ''}`;
      const speakerAt = speaker.start;
      if (eventTarget) res.claims.push({ type: cue.type, speaker: s, target: null, event: eventTarget, sentence, rule, attributedTo: null, speakerAt });
      for (const t of targets) if (t.id !== s.id) res.claims.push({ type: cue.type, speaker: s, target: t, event: null, sentence, rule, attributedTo: null, speakerAt, ...(deed ? { deed } : {}) });
    }
    // What follows an appeal or an accusation is the speaker's ("called on X to end the crimes Y commits"); a condemnation's object is read above.
    if (cue.type !== 'CONDEMNED') res.frames.push({ speaker, from: Math.max(objEnd, hit.end), to: sentence.end, kind: 'cue', direct: false, allegation: false });
  }
  return res;
}

/** "blamed [the killings] on X", "attributed [the attack] to X": a deed with no actor in it, then a preposition, then the target. */
function deedThenTarget(lex: CompiledLexicon, a: Analysed, from: number, preps: string[], disc: Discourse, quoteSpeaker: ActorNodeRef | null): { refs: ActorNodeRef[]; end: number; about: EventType[] } | null {
  const { tokens, sentence } = a;
  const ti = tokenAt(tokens, from);
  const te = tokenAt(tokens, clauseStop(a, from));
  for (let k = ti + 1; k < te && k - ti <= 8; k++) {
    if (!preps.includes((tokens[k] as Token).key)) continue;
    if (a.actors.some((m) => m.from >= ti && m.from < k)) return null;
    const deed = tokens.slice(ti, k);
    const kinds = lex.triggers.find(deed, sentence.text, sentence.start).map((h) => h.entry.eventType);
    const wrong = lex.words.wrongNouns.find(deed, sentence.text, sentence.start).length > 0 || /\b(?:killings?|deaths?|bombings?|crimes?|incident|assassinations?)\b/i.test(gapText(a, (tokens[ti] as Token).start, (tokens[k] as Token).start));
    if (kinds.length === 0 && !wrong) return null;
    const o = objectList(lex, a, (tokens[k] as Token).end, disc, quoteSpeaker, 3);
    return o ? { refs: o.refs, end: o.end, about: [...new Set(kinds)] } : null;
  }
  return null;
}

/** Where the phrase after a cue ends: the clause boundary. */
function clauseStop(a: Analysed, from: number): number {
  const rest = a.sentence.text.slice(from - a.sentence.start);
  const m = BOUNDARY.exec(rest);
  return from + (m ? m.index : rest.length);
}

export interface VoicedSpan {
  speaker: Speaker;
  from: number;
  to: number;
  direct: boolean;
  allegation: boolean;
  rule: string;
}

/** Accusations without a cue word, in what speakers say. */
export function findImplicitAccusations(lex: CompiledLexicon, a: Analysed, spans: VoicedSpan[], distanced: { from: number; to: number }[], disc: Discourse, quoteSpeaker: ActorNodeRef | null): ClaimDraft[] {
  const out: ClaimDraft[] = [];
  const { tokens, sentence } = a;
  const isDistanced = (pos: number, span: VoicedSpan) => !span.allegation && distanced.some((d) => pos >= d.from && pos < d.to);
  const emit = (span: VoicedSpan, agents: ActorMention[] | ActorNodeRef[], how: string) => {
    for (const ag of agents) {
      const ref = 'ref' in ag ? ag.ref : ag;
      if (ref.group && ref.kind === 'other') continue;
      for (const s of span.speaker.refs) {
        if (s.id === ref.id) continue;
        if (out.some((c) => c.speaker.id === s.id && c.target?.id === ref.id)) continue;
        out.push({ type: 'ACCUSED', speaker: s, target: ref, event: null, sentence, rule: `accuse:${how} voice:${span.rule}`, attributedTo: null });
      }
    }
  };
  const inSpan = (span: VoicedSpan, m: ActorMention) => m.start >= span.from && m.end <= span.to && !(m.start < span.speaker.end && m.end > span.speaker.start);

  for (const span of spans) {
    const from = tokenAt(tokens, span.from);
    const to = tokenAt(tokens, span.to);
    const spanTokens = tokens.slice(from, to);
    const spanText = sentence.text.slice(span.from - sentence.start, span.to - sentence.start);
    const hasWrong = lex.words.wrongNouns.find(spanTokens, sentence.text, sentence.start).length > 0 || lex.words.wrongVerbs.find(spanTokens, sentence.text, sentence.start).length > 0;
    const hasProtected = lex.words.protectedObjects.find(spanTokens, sentence.text, sentence.start).length > 0;
    if (/\bno (?:indications?|evidence)\b|\bnot true\b/i.test(spanText) && !span.allegation) continue;
    const mentions = a.actors.filter((m) => inSpan(span, m) && !isDistanced(m.start, span) && !inBackerPhrase(a, m));
    if (mentions.length === 0) continue;

    for (let i = from; i < to; i++) {
      const wv = lex.words.wrongVerbs.matchAt(tokens, i) ?? lex.words.responsibility.matchAt(tokens, i);
      const wn = wv ? null : lex.words.wrongNouns.matchAt(tokens, i);
      const hv = wv || wn ? null : lex.words.harmVerbs.matchAt(tokens, i);
      if (!wv && !wn && !hv) continue;
      const at = (tokens[i] as Token).start;
      // "de-escalation", "counter-terrorism": the second half of a compound is not the wrong itself.
      if (i > 0 && sentence.text[at - sentence.start - 1] === '-') continue;
      if (isDistanced(at, span) || isNegated(lex, tokens, i) || isHypothetical(tokens, i)) continue;
      const harmOk = !!hv && ((span.direct || span.allegation) && hasProtected || hasWrong);
      if (hv && !harmOk) continue;
      const how = wv ? 'wrong-verb' : wn ? 'wrong-noun' : 'harm';
      const end = (wv ?? wn ?? hv)!.to;
      // (1) the subject of the verb or phrase: "X committed", "X and Y are committing", "Jets of X bombed civilians"
      const subj = findSubject(lex, a, i, disc, quoteSpeaker);
      if (subj && subj.start >= span.from && !(subj.start < span.speaker.end && subj.end > span.speaker.start)) {
        const ms = mentions.filter((m) => m.start >= subj.start && m.end <= subj.end);
        if (ms.length > 0) emit(span, ms, `${how}:subject`);
      } else if (subj === null && span.rule !== 'publisher') {
        // What a speaker says opens with its subject: "X stressed that “Russia is following ... deliberately targeting civilians".
        const head = mentions[0];
        const between = mentions.filter((m) => m.start > head?.end! && m.end <= at);
        const verbish = tokens[head?.to ?? 0];
        const isVerb = !!verbish && (/^(?:is|are|was|were|has|have|had|will|would|continues?|continued|also|still|did|does|do|simply|now|had)$/.test(verbish.key) || /(?:ed|es)$/.test(verbish.key) && !lex.words.forceNouns.matchAt(tokens, head!.to));
        if (head && isVerb && head.end <= at && tokenAt(tokens, head.start) - from <= 2 && !prepositionBefore(tokens, head.from) && !/[.;]/.test(gapText(a, head.end, at)) && between.every((m) => insidePhrase(tokens, m.from))) {
          emit(span, coordinated(a, a.actors.indexOf(head)).filter((m) => inSpan(span, m) && m.end <= at), `${how}:content-subject`);
        }
      }
      if (subj === null) {
        // "The coalition, having failed to protect civilians ..., is now taking part in the killings": the sentence subject past an appositive.
        const head = mentions[0];
        const lead = sentence.text.slice(0, at - sentence.start);
        if (head && head.from <= 2 && /,\s*(?:(?:is|are|was|were|has|have|had|now|also|still)\s+){0,3}(?:\w+\s+){0,2}$/.test(lead) && !prepositionBefore(tokens, head.from)) {
          emit(span, coordinated(a, a.actors.indexOf(head)).filter((m) => inSpan(span, m)), `${how}:subject`);
        }
      }
      // (2) possessive or adjective right before: "Russia's crimes", "the regime's indiscriminate attacks", "Russian crimes"
      const before = mentions.filter((m) => m.to <= i && i - m.to <= 3 && (m.via === 'adjective' || tokens[m.to]?.key === 's' || /s$/.test(m.surface) && !/\s/.test(m.surface.slice(-2)) && m.surface !== m.ref.name) && tokens.slice(m.to, i).every((t) => t.key === 's' || /^[a-z]+$/.test(t.text) && !['and', 'or', 'of', 'by', 'on', 'in'].includes(t.key)));
      if (before.length > 0 && (wn || hv)) emit(span, before, `${how}:possessive`);
      // (3) "crimes of X", "the killing of civilians by X", "carried out by X", "displayed by X"
      const window = tokens.slice(end, Math.min(to, end + 14));
      for (let k = 0; k < window.length; k++) {
        const t = window[k] as Token;
        const abs = end + k;
        if (k > 0 && /[.;]/.test(gapText(a, (window[k - 1] as Token).end, t.start))) break;
        // "violations ... have been met with silence by X": X is the agent of something else.
        if (['have', 'has', 'had', 'been', 'is', 'are', 'was', 'were', 'met', 'which', 'that', 'who', 'with', 'while', 'came', 'come', 'comes', 'took', 'happened', 'occurred'].includes(t.key)) break;
        // "an area covered by the agreement brokered by X": X brokered, it did not do the wrong.
        if (k > 0 && NOT_AGENT_AFTER.has(t.key) && !lex.words.harmVerbs.matchAt(tokens, abs) && !lex.words.wrongVerbs.matchAt(tokens, abs)) break;
        if (t.key === 'by' || (t.key === 'of' && k === 0 && !!wn)) {
          const m = mentions.find((x) => x.from > abs && x.from <= abs + 4 && !isDistanced(x.start, span));
          if (m) {
            if (t.key === 'of' && prepositionBefore(tokens, m.from) !== 'of') break;
            emit(span, coordinated(a, a.actors.indexOf(m)).filter((x) => inSpan(span, x)), `${how}:${t.key}`);
          }
          break;
        }
      }
      // (4) "their crimes", "its violations": the actor named just before in the span.
      if (wn && ['their', 'its'].includes(tokens[i - 1]?.key ?? '')) {
        const m = [...mentions].reverse().find((x) => x.end <= at && i - x.to <= 8);
        if (m) emit(span, [m], 'wrong-noun:their');
      }
    }
    // (6) "civilians were killed in a Russian airstrike": a harm named after its agent, where harm is told as wrong.
    if ((span.direct || span.allegation) && hasProtected || hasWrong) {
      for (const m of mentions) {
        if (m.via !== 'adjective' || isDistanced(m.start, span)) continue;
        const noun = lex.words.forceNouns.matchAt(tokens, m.to) ?? (tokens[m.to]?.key === 's' ? lex.words.forceNouns.matchAt(tokens, m.to + 1) : null);
        const nounWord = noun ? tokens.slice(m.to, noun.to).map((t) => t.key).join(' ') : '';
        if (noun && /strike|raid|bomb|shell|attack|missile|rocket|crime|massacre|violation|onslaught|aggression|offensive|occupation|jets?|warplanes?|planes?|aircraft|helicopters?|artillery|drones?|forces|troops|militias?/.test(nounWord)) emit(span, [m], 'harm:adjective');
      }
    }
    // (5) "pressure on X to stop the killing", "urged X to end its violations"
    for (const mt of spanText.matchAll(/\bto\s+(?:stop|end|cease|halt|put an end to)\b/gi)) {
      const at = span.from + (mt.index ?? 0);
      const tail = tokens.slice(tokenAt(tokens, at), Math.min(to, tokenAt(tokens, at) + 10));
      const wrongAfter = lex.words.wrongNouns.find(tail, sentence.text, sentence.start).length > 0 || lex.words.harmVerbs.find(tail, sentence.text, sentence.start).length > 0;
      if (!wrongAfter) continue;
      const last = [...mentions].reverse().find((m) => m.end <= at && tokenAt(tokens, at) === m.to);
      if (last) emit(span, coordinated(a, a.actors.indexOf(last)).filter((x) => inSpan(span, x) && x.end <= at && canBeAccusedByCall(x.ref.kind)), 'call-to-stop');
    }
  }
  return out;
}
