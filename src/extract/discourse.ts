// Who speaks: reported-speech frames ("X said that ...", "“...,” the Coalition said.", "according
// to X", "allegations by X that ..."), quotations that run over several sentences, a speaker
// introduced with a colon, and the voice of the publisher in its own press release. Also the
// report's memory for coreference: "it", "they", "the statement", "the Coalition", "the campaign".
import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import type { CorefDescription } from '../lexicon/schema.ts';
import type { EventType } from '../model/vocab.ts';
import { DETERMINERS, PRONOUNS, coordinated, gapText, insidePhrase, mentionEndingAt, prepositionBefore, forceOfBefore, subjectEnd, tokenAt, type Analysed } from './clauses.ts';
import { actorNodeRef, type ActorMention, type ActorNodeRef } from './mentions.ts';
import type { Token } from './tokens.ts';

export interface Speaker {
  refs: ActorNodeRef[];
  /** How the speaker was found: "alias", "pronoun:it", "coref:the statement". */
  via: string;
  /** Char span of the words that name the speaker. */
  start: number;
  end: number;
}

export interface Frame {
  speaker: Speaker;
  /** Char range of what the speaker says. */
  from: number;
  to: number;
  kind: 'pre' | 'post' | 'according' | 'nominal' | 'colon' | 'quote' | 'cue' | 'publisher';
  /** The speaker's own words (a quotation, a press release): plain reports of harm count as accusations. */
  direct: boolean;
  /** An allegation ("allegations by X that ..."): what it says is an accusation by nature. */
  allegation: boolean;
}

export interface QuoteRegion {
  start: number;
  end: number;
  speaker?: Speaker | null;
}

const PREP_LIKE = new Set(['of', 'in', 'on', 'at', 'by', 'for', 'to', 'from', 'with', 'and', 'or', 'that', 'which', 'who', 's']);
const LOCATIVE_LEAD = new Set(['in', 'from', 'of', 'the', 'district', 'city', 'town', 'village', 'province', 'provinces', 'rural', 'countryside', 'neighbourhood', 'neighborhood', 'eastern', 'western', 'northern', 'southern', 'and', 'at', 'scene', 'outer', 'branch', 'local']);
const ADVOCACY_KINDS = new Set(['political_org', 'civil_society', 'international_org', 'state', 'state_military', 'person', 'armed_group']);

export class Discourse {
  readonly recent: ActorNodeRef[] = [];
  lastSpeaker: ActorNodeRef | null = null;
  lastPerson: ActorNodeRef | null = null;
  readonly events: { eventType: EventType; agents: ActorNodeRef[] }[] = [];
  /** Speaker announced by "X said:" for the quotation or paragraph that follows. */
  colon: { speaker: Speaker; paragraph: number; afterChar: number } | null = null;

  constructor(
    private readonly lex: CompiledLexicon,
    readonly publisher: ActorNodeRef | null,
  ) {}

  get publisherAdvocacy(): boolean {
    return !!this.publisher && ADVOCACY_KINDS.has(this.publisher.kind);
  }

  remember(refs: ActorNodeRef[]): void {
    for (const r of refs) {
      const i = this.recent.indexOf(r);
      if (i >= 0) this.recent.splice(i, 1);
      this.recent.push(r);
      if (r.kind === 'person') this.lastPerson = r;
    }
    if (this.recent.length > 40) this.recent.splice(0, this.recent.length - 40);
  }

  spoke(refs: ActorNodeRef[]): void {
    const first = refs[0];
    if (!first) return;
    this.lastSpeaker = first;
    if (first.kind === 'person') this.lastPerson = first;
  }

  /** Resolve a pronoun or a definite description to an actor. */
  resolve(word: string, desc: CorefDescription | null, quoteSpeaker: ActorNodeRef | null, local: ActorNodeRef[] = []): ActorNodeRef | null {
    if (!desc) {
      switch (word) {
        case 'he':
        case 'she':
          return this.lastPerson;
        case 'we':
        case 'i':
          return quoteSpeaker ?? this.publisher;
        case 'it':
          return this.lastSpeaker && this.lastSpeaker.kind !== 'person' ? this.lastSpeaker : [...this.recent].reverse().find((r) => r.kind !== 'person' && !r.group) ?? null;
        case 'they':
          return this.lastSpeaker && this.lastSpeaker.kind !== 'person' ? this.lastSpeaker : [...this.recent].reverse().find((r) => r.kind !== 'person') ?? null;
        default:
          return null;
      }
    }
    switch (desc.refersTo) {
      case 'speaker':
        return this.lastSpeaker ?? this.publisher;
      case 'publisher':
        return this.publisher;
      case 'event-agent': {
        const ev = [...this.events].reverse().find((e) => e.eventType === desc.eventType && e.agents.length > 0);
        return ev?.agents[0] ?? null;
      }
      case 'actor': {
        const fits = (r: ActorNodeRef) => desc.kinds.includes(r.kind) || (r.entry?.heads ?? []).some((h) => desc.heads.includes(h.toLowerCase()));
        const seen = [...this.recent, ...local].reverse().find((r) => fits(r) && !r.group);
        if (seen) return seen;
        if (this.publisher && fits(this.publisher)) return this.publisher;
        // "the defense ministry" in a report about Russia: the ministry of the state last named.
        for (const h of desc.heads) {
          for (const cand of this.lex.actorsByHead.get(h) ?? []) {
            if (cand.partOf && this.recent.some((r) => r.name === cand.partOf)) return actorNodeRef(cand);
          }
        }
        return null;
      }
    }
  }
}


/** Definite descriptions in a sentence ("the Coalition", "the rights group", "the campaign") resolved to actors, as mentions. */
export function descriptionMentions(lex: CompiledLexicon, a: Analysed, disc: Discourse): ActorMention[] {
  const out: ActorMention[] = [];
  const { tokens, sentence } = a;
  for (let i = 0; i < tokens.length; i++) {
    const m = lex.coref.matchAt(tokens, i);
    if (!m) continue;
    if (a.actors.some((x) => x.from < m.to && x.to > i)) continue;
    const desc = m.entries[0] as CorefDescription;
    // Names earlier in the same sentence come first ("the militants of HTS ... accused the group").
    const local = a.actors.filter((x) => x.end <= (tokens[i] as Token).start).map((x) => x.ref);
    const ref = disc.resolve(desc.phrase, desc, null, local);
    if (!ref) continue;
    const first = tokens[i] as Token;
    const last = tokens[m.to - 1] as Token;
    out.push({ ref, start: first.start, end: last.end, from: i, to: m.to, surface: sentence.text.slice(first.start - sentence.start, last.end - sentence.start), via: 'coref' });
    i = m.to - 1;
  }
  return out;
}

/** A pronoun or definite description that ends at char `end` (spaces aside). */
export function refEndingAt(lex: CompiledLexicon, a: Analysed, end: number): { start: number; end: number; word: string; desc: CorefDescription | null } | null {
  const { tokens } = a;
  const ti = tokenAt(tokens, end) - 1;
  const last = tokens[ti];
  if (!last || !/^\s*$/.test(gapText(a, last.end, end))) return null;
  for (let i = Math.max(0, ti - 4); i <= ti; i++) {
    const m = lex.coref.matchAt(tokens, i);
    if (m && m.to === ti + 1) return { start: (tokens[i] as Token).start, end: last.end, word: m.entries[0]?.phrase ?? '', desc: m.entries[0] ?? null };
  }
  if (PRONOUNS.has(last.key)) return { start: last.start, end: last.end, word: last.key, desc: null };
  return null;
}

/** The subject before the verb at token i: a mention (with its coordinated list) or a resolved reference. */
export function findSubject(lex: CompiledLexicon, a: Analysed, i: number, disc: Discourse, quoteSpeaker: ActorNodeRef | null): Speaker | null {
  const end = subjectEnd(a, i);
  let k = mentionEndingAt(a, end);
  // "Activists in the Jobar district of Damascus said": a subject placed by a locative phrase.
  if (k < 0) {
    const ti = tokenAt(a.tokens, end) - 1;
    for (let j = a.actors.length - 1; j >= 0; j--) {
      const m = a.actors[j] as ActorMention;
      if (m.end > end) continue;
      const between = a.tokens.slice(m.to, ti + 1);
      if (between.length > 9) break;
      const gapChars = gapText(a, m.end, end);
      const placeTokens = new Set<number>();
      for (const hit of lex.places.find(between, a.sentence.text, a.sentence.start)) for (let q = hit.from; q < hit.to; q++) placeTokens.add(q);
      if (between.length > 0 && between[0]?.key !== 'of' && !gapChars.includes(',') && between.every((t, q) => LOCATIVE_LEAD.has(t.key) || placeTokens.has(q))) k = j;
      break;
    }
  }
  // "its Russian ally are flouting": a name that modifies the subject's one noun.
  if (k < 0) {
    const ti = tokenAt(a.tokens, end) - 1;
    const j = a.actors.findIndex((m) => m.to === ti && /^\p{Ll}+$/u.test((a.tokens[ti] as Token).text) && !PREP_LIKE.has((a.tokens[ti] as Token).key));
    if (j >= 0) k = j;
  }
  // "A military source quoted by SANA accused ...": the one quoted speaks, not the outlet that quotes it.
  if (k >= 0) {
    const first = coordinated(a, k).filter((x) => x.end <= (a.actors[k] as ActorMention).end)[0] as ActorMention;
    let q = first.from - 1;
    while (q >= 0 && DETERMINERS.has((a.tokens[q] as Token).key)) q--;
    if (a.tokens[q]?.key === 'by' && ['quoted', 'cited', 'carried', 'relayed', 'interviewed'].includes(a.tokens[q - 1]?.key ?? '')) {
      k = q - 2 >= 0 ? mentionEndingAt(a, (a.tokens[q - 2] as Token).end) : -1;
      if (k < 0) return null;
    }
  }
  if (k >= 0) {
    const m = a.actors[k] as ActorMention;
    const prep = prepositionBefore(a.tokens, m.from);
    const weIn = a.tokens[m.from - 1]?.key === 'in' && a.tokens[m.from - 2]?.key === 'we';
    if (!prep || weIn || forceOfBefore(lex, a.tokens, m.from) || ((prep === 'of' || prep === 'for') && isHeadOfPhrase(a, m))) {
      // The subject's list, back to the first name inside a phrase ("addressed to A and B, the Ministry dismissed": only the Ministry).
      const all = coordinated(a, k).filter((x) => x.end <= m.end);
      const list: ActorMention[] = [];
      for (let q = all.length - 1; q >= 0; q--) {
        const x = all[q] as ActorMention;
        if (x !== m && insidePhrase(a.tokens, x.from) && gapText(a, x.end, (all[q + 1] as ActorMention).start).includes(',')) break;
        list.unshift(x);
      }
      return { refs: uniq(list.map((x) => x.ref)), via: m.via, start: (list[0] as ActorMention).start, end: m.end };
    }
    return null;
  }
  const r = refEndingAt(lex, a, end);
  if (!r) return null;
  const ref = disc.resolve(r.word, r.desc, quoteSpeaker);
  if (!ref) return null;
  return { refs: [ref], via: r.desc ? `coref:${r.word}` : `pronoun:${r.word}`, start: r.start, end: r.end };
}

/** "members of X", "a group of activists from X": the phrase before "of" is no preposition's object. */
function isHeadOfPhrase(a: Analysed, m: ActorMention): boolean {
  let j = m.from - 1;
  while (j >= 0 && DETERMINERS.has((a.tokens[j] as Token).key)) j--;
  const prev = a.tokens[j];
  const head = a.tokens[j - 1];
  if (!prev || !head) return false;
  // "a spokesman for the Free Syrian Army said": the organisation speaks through its spokesman.
  if (prev.key === 'for') return ['spokesman', 'spokeswoman', 'spokesperson', 'representative', 'official', 'officials', 'commander', 'source', 'sources'].includes(head.key);
  return prev.key === 'of' && ['members', 'member', 'group', 'organizers', 'organisers', 'chief', 'head', 'spokesman', 'leader', 'fighters', 'sources', 'officials'].includes(head.key);
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

const CLOSING = /[,”"’']\s*$/;

/** Reported-speech frames in one sentence. */
export function findFrames(lex: CompiledLexicon, a: Analysed, disc: Discourse, quoteSpeaker: ActorNodeRef | null): Frame[] {
  const frames: Frame[] = [];
  const { tokens, sentence } = a;
  const text = sentence.text;
  for (let i = 0; i < tokens.length; i++) {
    const v = lex.words.reporting.matchAt(tokens, i);
    if (!v) continue;
    const verbStart = (tokens[i] as Token).start;
    const verbEnd = (tokens[v.to - 1] as Token).end;
    const ing = /ing$/.test((tokens[i] as Token).key);
    let speaker = ing && /,\s*$/.test(text.slice(0, verbStart - sentence.start)) ? null : findSubject(lex, a, i, disc, quoteSpeaker);
    // "..., arguing that ..." (its comma sometimes lost): the subject of the main clause speaks.
    const participle = ing && !speaker;
    if (participle) {
      // "..., arguing that ...": the subject of the main clause speaks.
      const prev = frames.at(-1);
      const head = a.actors.find((m) => m.end <= verbStart && !prepositionBefore(tokens, m.from));
      if (prev) speaker = prev.speaker;
      else if (head && head.from <= 4) speaker = { refs: [head.ref], via: head.via, start: head.start, end: head.end };
    }
    if (speaker) {
      const before = text.slice(0, speaker.start - sentence.start).replace(/\b(?:the|a|an|its|their)\s+$/i, '');
      if (CLOSING.test(before) && before.trim().length > 0) {
        const cut = before.replace(/[\s,]+$/, '').length;
        frames.push({ speaker, from: sentence.start, to: sentence.start + cut, kind: 'post', direct: /[”"’']\s*,?\s*$/.test(before), allegation: false });
      } else {
        let from = verbEnd;
        const rest = text.slice(from - sentence.start);
        const skip = /^\s*(?:,|:|that\b|on \w+(?: \d+)?,?|in a statement,?|to reporters,?|reporters,?)*\s*/i.exec(rest);
        from += skip ? skip[0].length : 0;
        frames.push({ speaker, from, to: sentence.end, kind: 'pre', direct: /^[“"]/.test(text.slice(from - sentence.start)), allegation: false });
      }
      i = v.to - 1;
      continue;
    }
    // "“...,” said the minister": the speaker after the verb.
    const before = text.slice(0, verbStart - sentence.start);
    if (CLOSING.test(before) && before.trim().length > 0) {
      const m = a.actors.find((x) => x.from >= v.to && x.from <= v.to + 2);
      if (m) {
        const cut = before.replace(/[\s,]+$/, '').length;
        frames.push({ speaker: { refs: [m.ref], via: m.via, start: m.start, end: m.end }, from: sentence.start, to: sentence.start + cut, kind: 'post', direct: /[”"’']\s*,?\s*$/.test(before), allegation: false });
      }
    }
    i = v.to - 1;
  }
  // "according to X"
  for (let i = 0; i + 1 < tokens.length; i++) {
    if ((tokens[i] as Token).key !== 'according' || (tokens[i + 1] as Token).key !== 'to') continue;
    const after = (tokens[i + 1] as Token).end;
    const k = a.actors.findIndex((m) => m.start >= after && m.from <= i + 5);
    let speaker: Speaker | null = null;
    if (k >= 0) {
      const list = coordinated(a, k);
      speaker = { refs: uniq(list.map((x) => x.ref)), via: (a.actors[k] as ActorMention).via, start: (list[0] as ActorMention).start, end: (list.at(-1) as ActorMention).end };
    } else {
      for (let j = i + 2; j < Math.min(tokens.length, i + 7); j++) {
        const r = refEndingAt(lex, a, (tokens[j] as Token).end);
        if (r && r.start >= after) {
          const ref = disc.resolve(r.word, r.desc, quoteSpeaker);
          if (ref) speaker = { refs: [ref], via: r.desc ? `coref:${r.word}` : `pronoun:${r.word}`, start: r.start, end: r.end };
          break;
        }
      }
    }
    if (!speaker) continue;
    const at = (tokens[i] as Token).start;
    if (i <= 1) {
      const comma = text.indexOf(',', speaker.end - sentence.start);
      frames.push({ speaker, from: comma >= 0 ? sentence.start + comma + 1 : speaker.end, to: sentence.end, kind: 'according', direct: false, allegation: false });
    } else frames.push({ speaker, from: sentence.start, to: at, kind: 'according', direct: false, allegation: false });
  }
  // "allegations by X that ...", "X's claim that ...", "rebel allegations that ..."
  for (let i = 0; i < tokens.length; i++) {
    const c = lex.words.claimNouns.matchAt(tokens, i);
    if (!c) continue;
    const noun = (tokens[i] as Token).key;
    if (!['claim', 'claims', 'allegation', 'allegations', 'accusation', 'accusations', 'charges'].includes(noun)) continue;
    let owner: ActorMention[] = [];
    if (tokens[c.to]?.key === 'by') {
      const k = a.actors.findIndex((m) => m.from > c.to && m.from <= c.to + 3);
      if (k >= 0) owner = coordinated(a, k);
    } else {
      const k = a.actors.findIndex((m) => m.to === i || (m.to === i - 1 && tokens[i - 1]?.key === 's'));
      if (k >= 0) owner = [a.actors[k] as ActorMention];
    }
    if (owner.length === 0) continue;
    let that = -1;
    for (let j = c.to; j < Math.min(tokens.length, c.to + 14); j++) if ((tokens[j] as Token).key === 'that') {
      that = j;
      break;
    }
    if (that < 0) continue;
    const o0 = owner[0] as ActorMention;
    frames.push({
      speaker: { refs: uniq(owner.map((m) => m.ref)), via: o0.via, start: o0.start, end: (owner.at(-1) as ActorMention).end },
      from: (tokens[that] as Token).end,
      to: sentence.end,
      kind: 'nominal',
      direct: false,
      allegation: true,
    });
  }
  return frames;
}

/** A sentence that ends with a colon announces a speaker for what follows ("Raed al-Saleh, head of the White Helmets, said:"). */
export function colonSpeaker(a: Analysed, frames: Frame[]): Speaker | null {
  if (!/:\s*$/.test(a.sentence.text)) return null;
  const f = frames.find((x) => x.kind === 'pre');
  if (f) return f.speaker;
  const head = a.actors[0];
  if (head && head.from <= 1) return { refs: [head.ref], via: head.via, start: head.start, end: head.end };
  return null;
}

/** Quotations over the whole text: “…” pairs, and straight "…" pairs within a paragraph. */
export function findQuoteRegions(text: string): QuoteRegion[] {
  const out: QuoteRegion[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“') open = i;
    else if (ch === '”' && open >= 0) {
      out.push({ start: open, end: i + 1 });
      open = -1;
    } else if (ch === '\n' && text[i + 1] === '\n' && open >= 0 && i - open > 2000) open = -1;
  }
  for (const para of paragraphs(text)) {
    let o = -1;
    for (let i = para.start; i < para.end; i++) {
      if (text[i] !== '"') continue;
      if (o < 0) o = i;
      else {
        out.push({ start: o, end: i + 1 });
        o = -1;
      }
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\n\s*\n/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    out.push({ start: last, end: m.index ?? 0 });
    last = (m.index ?? 0) + m[0].length;
  }
  out.push({ start: last, end: text.length });
  return out;
}

