// Names of organisations and people the lexicon lacks, from capitalised-name patterns:
// "The Binnish Media Office said" (capitalised words ending in an organisation head from
// data/lexicons/name-patterns.json), "spokesman Omar Haddad", "Khalid Niklawi, a member of",
// "Dr. Ahmad Abu Omar". Guards keep precision: no stop words, no lexicon names, two words
// for a person unless a title or an appositive vouches for one, nothing in title-case headlines.
import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import type { Sentence } from '../model/report.ts';
import type { ActorKind } from '../model/vocab.ts';
import type { Token } from './tokens.ts';

export interface DiscoveredName {
  from: number;
  to: number;
  kind: ActorKind;
}

const CONNECTORS = new Set(['of', 'for', 'the', 'and', 'in', 'al', 'el']);
const PARTICLE = /^(al|el|ad|ar|as|ash|at|az|an|abu|umm|bin|ibn|abd|abdul|abdel|de|del|van|von|bin)$/i;
const APPOSITIVE_ROLES = new Set(['member', 'head', 'chief', 'leader', 'official', 'commander', 'founder', 'resident', 'spokesman', 'spokeswoman', 'director', 'chairman', 'doctor', 'activist', 'journalist', 'correspondent', 'coordinator', 'president', 'minister', 'representative', 'researcher', 'volunteer', 'deputy', 'general', 'colonel', 'major', 'mayor', 'governor', 'ambassador', 'envoy', 'senior', 'former', 'local']);
const ARMED = /(Brigade|Brigades|Battalion|Battalions|Division|Regiment|Army|Front|Legion|Corps|Forces|Operations Room)$/;
const MEDIA = /(Media Center|Media Centre|News Agency|News|Network|Agency|TV|Radio)$/;
const POLITICAL = /(Party|Movement|Coalition|Council|Councils|Committee|Committees|Assembly|Union|Front|Gathering|Federation|League)$/;
const STATE = /(Ministry|Directorate|Department|Authority|Office|Bureau)$/;

const isUpper = (t: Token | undefined): boolean => !!t && /^\p{Lu}/u.test(t.text);

function kindOf(name: string): ActorKind {
  if (ARMED.test(name)) return 'armed_group';
  if (MEDIA.test(name)) return 'media';
  if (STATE.test(name)) return 'other';
  if (POLITICAL.test(name)) return 'political_org';
  return 'civil_society';
}

interface Ctx {
  lex: CompiledLexicon;
  tokens: Token[];
  taken: (i: number) => boolean;
  used: Set<number>;
}

function stopWord(c: Ctx, t: Token): boolean {
  return c.lex.stopWords.has(t.key);
}
function close(a: Token, b: Token): boolean {
  return b.start - a.end <= 2;
}
function isFree(c: Ctx, i: number): boolean {
  return !c.taken(i) && !c.used.has(i);
}

/** A run of name words from token i (particles inside, not at either end); returns its end index. */
function nameRun(c: Ctx, i: number, max = 4): number {
  const { tokens } = c;
  const first = tokens[i];
  if (!first || PARTICLE.test(first.text) || !nameWord(c, i, i)) return i;
  let j = i;
  while (j < tokens.length && j - i < max && nameWord(c, i, j) && (j === i || close(tokens[j - 1] as Token, tokens[j] as Token))) j++;
  while (j > i && PARTICLE.test((tokens[j - 1] as Token).text)) j--;
  return j;
}
function nameWord(c: Ctx, i: number, k: number): boolean {
  const t = c.tokens[k];
  if (!t || !isFree(c, k) || c.lex.placeKeys.has(t.key)) return false;
  if (k > i && PARTICLE.test(t.text) && isUpper(c.tokens[k + 1])) return true;
  return isUpper(t) && !stopWord(c, t) && /^\p{L}/u.test(t.text);
}
function mark(c: Ctx, out: DiscoveredName[], from: number, to: number, kind: ActorKind): void {
  out.push({ from, to, kind });
  for (let k = from; k < to; k++) c.used.add(k);
}

export function discoverNames(lex: CompiledLexicon, s: Sentence, tokens: Token[], taken: (i: number) => boolean): DiscoveredName[] {
  const out: DiscoveredName[] = [];
  // A line in title case (a headline, a menu) says nothing reliable about names.
  let long = 0;
  let upper = 0;
  for (const t of tokens) {
    if (t.text.length >= 4 && /^\p{L}+$/u.test(t.text)) {
      long++;
      if (isUpper(t)) upper++;
    }
  }
  if (long >= 4 && upper / long > 0.7) return out;
  // Most sentences have no capitalised word the lexicon left free: nothing to do.
  if (!tokens.some((t, i) => i > 0 && isUpper(t) && !taken(i))) return out;
  const c: Ctx = { lex, tokens, taken, used: new Set<number>() };
  const stop = (t: Token) => stopWord(c, t);
  const free = (i: number) => isFree(c, i);

  // Organisations: capitalised words (connectors between) ending in a head noun.
  for (let i = 0; i < tokens.length; i++) {
    if (!free(i) && !lex.placeKeys.has((tokens[i] as Token).key)) continue;
    if (!isUpper(tokens[i])) continue;
    let j = i;
    while (j + 1 < tokens.length && close(tokens[j] as Token, tokens[j + 1] as Token)) {
      const nx = tokens[j + 1] as Token;
      if (taken(j + 1) && !lex.placeKeys.has(nx.key)) break;
      if (isUpper(nx) || (CONNECTORS.has(nx.key) && isUpper(tokens[j + 2]))) j++;
      else break;
    }
    // The last organisation head within the run.
    let headEnd = -1;
    for (let k = i; k <= j; k++) {
      const m = lex.words.orgHeads.matchAt(tokens, k);
      if (m && m.to - 1 <= j && /^\p{Lu}/u.test((tokens[k] as Token).text)) headEnd = m.to;
    }
    if (headEnd < 0) {
      i = j;
      continue;
    }
    let start = i;
    while (start < headEnd && (stop(tokens[start] as Token) && !lex.words.orgHeads.matchAt(tokens, start) || CONNECTORS.has((tokens[start] as Token).key))) start++;
    // "Coalition of Youth for the Revolution": a head followed by of/for and capitalised words.
    let end = headEnd;
    while (end < j + 1 && CONNECTORS.has((tokens[end] as Token).key) && (tokens[end] as Token).key !== 'in') {
      let k = end + 1;
      while (k <= j && (tokens[k] as Token).key === 'the') k++;
      if (k <= j && isUpper(tokens[k]) && !taken(k)) {
        end = k + 1;
        while (end <= j && isUpper(tokens[end]) && !taken(end)) end++;
      } else break;
    }
    let span = tokens.slice(start, end);
    let content = span.filter((t) => !stop(t) && !CONNECTORS.has(t.key) && !lex.words.orgHeads.matchAt([t], 0));
    // "the Central Committee in Daraa", "the Local Council in Douma": a generic name told apart by its place.
    if (content.length === 0 && end <= j && (tokens[end] as Token).key === 'in' && lex.placeKeys.has(tokens[end + 1]?.key ?? '') && isUpper(tokens[end + 1])) {
      end += 2;
      while (end <= j && isUpper(tokens[end]) && lex.placeKeys.has((tokens[end] as Token).key)) end++;
      // Its own adjectives stay in the name ("Central"), an article does not.
      start = i;
      while (start < headEnd && ((tokens[start] as Token).key === 'the' || !isUpper(tokens[start]))) start++;
      span = tokens.slice(start, end);
      content = span.slice(-1);
    }
    if (span.length >= 2 && content.length >= 1 && span.some((_, k) => free(start + k))) {
      const name = s.text.slice((span[0] as Token).start - s.start, (span.at(-1) as Token).end - s.start);
      mark(c, out, start, end, kindOf(name));
    }
    i = j;
  }

  // People.
  for (let i = 0; i < tokens.length; i++) {
    if (!free(i)) continue;
    // (a) a title before the name: "spokesman Omar Haddad", "Dr. Ahmad Abu Omar".
    const title = lex.words.personTitles.matchAt(tokens, i);
    if (title) {
      const end = nameRun(c, title.to);
      const honorific = /^(dr|mr|mrs|ms|sheikh|general|colonel|major|captain|lieutenant|gen|col|maj|capt|lt)$/i.test((tokens[title.to - 1] as Token).text);
      if (end - title.to >= 2 || (end - title.to === 1 && honorific)) {
        mark(c, out, title.to, end, 'person');
        i = end - 1;
        continue;
      }
    }
    const end = nameRun(c, i);
    const n = end - i;
    if (n === 0) continue;
    const next = tokens[end];
    const gapAfter = next ? s.text.slice((tokens[end - 1] as Token).end - s.start, next.start - s.start) : '';
    // (b) an appositive: "Khalid Niklawi, a member of ..."
    if (n >= 2 && /^\s*,\s*$/.test(gapAfter) && next) {
      const k = ['a', 'an', 'the'].includes(next.key) ? end + 1 : end;
      if (APPOSITIVE_ROLES.has(tokens[k]?.key ?? '') || lex.words.personTitles.matchAt(tokens, k)) {
        mark(c, out, i, end, 'person');
        i = end - 1;
        continue;
      }
    }
    // (c) a name and a verb of saying: "Omar Haddad told".
    if (n >= 2 && next && /^\s*,?\s*$/.test(gapAfter) && lex.words.personCues.matchAt(tokens, end)) {
      mark(c, out, i, end, 'person');
      i = end - 1;
      continue;
    }
    // (d) "Omar from the White Helmets said", (e) "A nurse at the hospital, Huda, said".
    if (n === 1 && next?.key === 'from' && tokens[end + 1]?.key === 'the' && taken(end + 2)) {
      mark(c, out, i, end, 'person');
      continue;
    }
    const before = i > 0 ? s.text.slice((tokens[i - 1] as Token).end - s.start, (tokens[i] as Token).start - s.start) : '';
    if (/^\s*,\s*$/.test(before) && /^\s*,\s*$/.test(gapAfter) && lex.words.personCues.matchAt(tokens, end)) {
      const lead = tokens.slice(Math.max(0, i - 6), i);
      if (lead.some((t) => APPOSITIVE_ROLES.has(t.key) || lex.words.personTitles.matchAt([t], 0))) mark(c, out, i, end, 'person');
    }
    i = end - 1;
  }
  return out.sort((a, b) => a.from - b.from);
}
