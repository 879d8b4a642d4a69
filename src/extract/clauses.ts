// Small syntactic helpers over a sentence's tokens and mentions, shared by claims and events:
// is a mention inside a prepositional phrase ("attacks on X") or an agent ("jets of X", "by X"),
// which mentions form one coordinated list ("the US, Britain and France"), where a clause ends.
import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import type { Sentence } from '../model/report.ts';
import type { ActorMention } from './mentions.ts';
import type { Token } from './tokens.ts';

export interface Analysed {
  index: number;
  sentence: Sentence;
  tokens: Token[];
  actors: ActorMention[];
  headline: boolean;
  question: boolean;
  paragraph: number;
}

export const PREPOSITIONS = new Set([
  'by', 'of', 'on', 'against', 'to', 'for', 'from', 'with', 'in', 'at', 'towards', 'toward', 'into', 'over', 'about', 'upon', 'near', 'between',
  'under', 'through', 'across', 'among', 'amid', 'after', 'before', 'including', 'targeting', 'like', 'than', 'as', 'via', 'behind', 'despite',
]);
export const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'both', 'either', 'all', 'this', 'that', 'these', 'those', 'some', 'any', 'several', 'so', 'called', 'so-called']);
/** Words that may stand between a subject and its verb: "has repeatedly", "also", "on Wednesday". */
export const FILLER = new Set([
  'has', 'have', 'had', 'is', 'was', 'were', 'are', 'will', 'would', 'also', 'further', 'repeatedly', 'again', 'earlier', 'later', 'previously', 'strongly',
  'firmly', 'categorically', 'reportedly', 'then', 'now', 'already', 'once', 'directly', 'itself', 'themselves', 'been', 'be', 'being', 'recently', 'today',
  'yesterday', 'tonight', 'on', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'last', 'night', 'week', 'this', 'morning',
  'evening', 'renewed', 'renews', 'reiterates', 'reiterated', 'repeated', 'repeats', 'its', 'their', 'appears', 'appear', 'appeared', 'seems', 'seem', 'seemed', 'allegedly', 'reportedly',
  'just', 'newly', 'still', 'continued', 'continues', 'continue', 'to', 'both', 'jointly', 'together', 'vehemently', 'publicly', 'openly', 'officially',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'late', 'early', 'only',
]);
export const PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we', 'i']);

const isNumeric = (t: Token) => /^\d/.test(t.text);

/** The raw text between two token positions (absolute offsets), for punctuation checks. */
export function gapText(a: Analysed, from: number, to: number): string {
  return a.sentence.text.slice(from - a.sentence.start, to - a.sentence.start);
}

/** The preposition governing the phrase that starts at token i, if any ("attacks on [the] X" -> "on"). */
export function prepositionBefore(tokens: Token[], i: number): string | null {
  let j = i - 1;
  while (j >= 0 && DETERMINERS.has((tokens[j] as Token).key)) j--;
  const t = tokens[j];
  return t && PREPOSITIONS.has(t.key) ? t.key : null;
}

/** Like prepositionBefore, past up to two adjectives too ("of the murderous Assad regime"). */
export function insidePhrase(tokens: Token[], i: number): boolean {
  let j = i - 1;
  let adjectives = 0;
  while (j >= 0) {
    const t = tokens[j] as Token;
    if (DETERMINERS.has(t.key)) j--;
    else if (adjectives < 2 && /^\p{Ll}+$/u.test(t.text) && !PREPOSITIONS.has(t.key) && !['and', 'or', 'is', 'are', 'was', 'were'].includes(t.key)) {
      adjectives++;
      j--;
    } else break;
  }
  const t = tokens[j];
  return !!t && PREPOSITIONS.has(t.key);
}

/** Participles after which "by X" names who backs, brokers, reports or holds something, not who did harm. */
export const NOT_AGENT_AFTER = new Set(['documented', 'reported', 'confirmed', 'recorded', 'verified', 'claimed', 'monitored', 'cited', 'funded', 'backed', 'supported', 'staffed', 'issued', 'published', 'signed', 'run', 'affiliated', 'brokered', 'sponsored', 'owned', 'accused', 'condemned', 'denied', 'blamed', 'described', 'called', 'dismissed', 'quoted', 'announced', 'organized', 'organised', 'launched', 'held', 'controlled', 'besieged', 'surrounded', 'liberated', 'captured', 'seized', 'retaken', 'taken', 'covered', 'mediated', 'guaranteed', 'hosted', 'chaired', 'negotiated', 'agreed', 'reached', 'held', 'ruled', 'administered', 'governed', 'protected', 'armed', 'trained', 'equipped']);

// Words that make what follows them the target of harm, not its agent: "killed four fighters of X",
// "targeting X positions", "struck positions of the X militia", "an attack on X".
const VICTIM_LEAD = new Set([
  'killed', 'kill', 'kills', 'killing', 'wounded', 'wounding', 'injured', 'injuring', 'targeting', 'targeted', 'target', 'targets', 'struck', 'strike',
  'hit', 'hitting', 'hits', 'ambushed', 'ambushing', 'executed', 'executing', 'execute', 'beheaded', 'beheading', 'captured', 'capturing', 'arrested', 'detained',
  'abducted', 'kidnapped', 'shelled', 'bombed', 'attacked', 'attacking', 'on', 'against', 'at', 'pounded', 'pounding', 'shot', 'murdered', 'massacred',
  'deaths', 'death', 'killings', 'execution', 'executions', 'dead', 'bodies', 'hitting', 'destroyed', 'destroying', 'raided', 'stormed', 'besieged', 'besieging', 'encircled',
]);
// Nouns of a group's people and sites between a harm word and the group: "members of", "HTS positions".
const VICTIM_HEADS = new Set([
  'members', 'member', 'fighters', 'fighter', 'elements', 'militants', 'soldiers', 'soldier', 'troops', 'commander', 'commanders', 'leader', 'leaders', 'officer',
  'officers', 'positions', 'position', 'posts', 'post', 'bases', 'base', 'headquarters', 'checkpoint', 'checkpoints', 'convoy', 'convoys', 'vehicles', 'vehicle',
  'sites', 'site', 'gatherings', 'gathering', 'depots', 'depot', 'personnel', 'men', 'a', 'an', 'the', 'of', 'its', 'their', 'senior', 'former', 'top', 'several',
  'some', 'dozens', 'scores', 'hundreds', 'other', 'more', 'affiliated', 'allied', 'local', 'rival', 'armed', 'two', 'three', 'four', 'five', 'six', 'seven',
  'eight', 'nine', 'ten', 'one', 'eleven', 'twelve', 'faction', 'group', 'unit', 'units', 'cell', 'cells', 'from',
]);

/** True when the actor phrase at token i is the object of harm ("killed members of X"): X is a victim or a target, never the agent. */
export function harmedObject(a: Analysed, i: number): boolean {
  const { tokens } = a;
  let j = i - 1;
  for (let n = 0; j >= 0 && n < 7; n++, j--) {
    const t = tokens[j] as Token;
    const next = tokens[j + 1] as Token;
    if (/[,.;:()"“”]/.test(gapText(a, t.end, next.start))) return false;
    if (VICTIM_HEADS.has(t.key) || isNumeric(t) || /-(?:backed|led|linked|affiliated|allied|supported)$/i.test(t.text) || /^\p{Lu}\p{Ll}+(?:ish|ian|ese|i)$/u.test(t.text)) continue;
    break;
  }
  const lead = tokens[j];
  if (!lead) return false;
  if (j >= 0 && j + 1 < tokens.length && /[,.;:()"“”]/.test(gapText(a, lead.end, (tokens[j + 1] as Token).start))) return false;
  return VICTIM_LEAD.has(lead.key);
}

/** "jets of X", "warplanes of the X", "militias of X": X is the agent behind the force noun. */
export function forceOfBefore(lex: CompiledLexicon, tokens: Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && DETERMINERS.has((tokens[j] as Token).key)) j--;
  // "jets of X", and "fighters from X", "terrorists from X" (a force noun or member noun before "from").
  const key = (tokens[j] as Token | undefined)?.key;
  if (key !== 'of' && key !== 'from') return false;
  for (let k = Math.max(0, j - 3); k < j; k++) {
    const m = lex.words.forceNouns.matchAt(tokens, k) ?? lex.words.memberNouns.matchAt(tokens, k);
    if (m && m.to === j) return true;
  }
  return false;
}

const COORD_GAP = /^[\s,]*(?:,|and|or|as well as|along with|together with|nor)?[\s,]*(?:(?:the|its|their|both|either|all)\s+)*$/i;
const BARE_GAP = /^\s*(?:(?:the|its|their)\s+)?$/i;

/** Mentions coordinated with mentions[k], in order: "Russia and the Assad regime", "the EU the US and friends". */
export function coordinated(a: Analysed, k: number, mentions: ActorMention[] = a.actors): ActorMention[] {
  const m = mentions[k];
  if (!m) return [];
  const out = [m];
  for (let j = k + 1; j < mentions.length; j++) {
    const prev = out[out.length - 1] as ActorMention;
    const cur = mentions[j] as ActorMention;
    const gap = gapText(a, prev.end, cur.start);
    if (!(COORD_GAP.test(gap) || BARE_GAP.test(gap)) || gap.length > 20) break;
    out.push(cur);
  }
  for (let j = k - 1; j >= 0; j--) {
    const next = out[0] as ActorMention;
    const cur = mentions[j] as ActorMention;
    const gap = gapText(a, cur.end, next.start);
    if (!(COORD_GAP.test(gap) || BARE_GAP.test(gap)) || gap.length > 20) break;
    out.unshift(cur);
  }
  // A bare comma joins a list only when an "and" or "or" closes it ("A, B and C"); otherwise it ends a phrase ("... of the Council, the Ministry").
  const gaps = out.slice(1).map((x, i) => gapText(a, (out[i] as ActorMention).end, x.start));
  const joined = (g: string) => /\b(?:and|or|nor)\b|as well as|along with|together with/i.test(g);
  let lo = 0;
  let hi = out.length;
  gaps.forEach((g, i) => {
    if (!g.includes(',') || joined(g) || gaps.slice(i + 1).some(joined)) return;
    if (out.indexOf(m) <= i) hi = Math.min(hi, i + 1);
    else lo = Math.max(lo, i + 1);
  });
  return out.slice(lo, hi);
}

/** The mention that ends right at char offset `end` (give or take spaces), if any. */
export function mentionEndingAt(a: Analysed, end: number): number {
  for (let k = a.actors.length - 1; k >= 0; k--) {
    const m = a.actors[k] as ActorMention;
    if (m.end <= end && /^\s*$/.test(gapText(a, m.end, end))) return k;
    if (m.end < end - 1) break;
  }
  return -1;
}

/** Token index of the first token starting at or after char offset `pos`. */
export function tokenAt(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Skip backwards from token i over words that may stand between a subject and its verb, and
 * over one appositive in commas ("Zhuravlev, head of the centre, told"). Returns the char
 * offset where the subject must end.
 */
export function subjectEnd(a: Analysed, i: number, maxFiller = 6): number {
  const { tokens } = a;
  let j = i - 1;
  let filler = 0;
  const stepFiller = () => {
    while (j >= 0 && filler < maxFiller) {
      const t = tokens[j] as Token;
      if (FILLER.has(t.key) || isNumeric(t) || (t.key === 's' && t.joined)) {
        j--;
        filler++;
      } else break;
    }
  };
  stepFiller();
  let end = j >= 0 ? (tokens[j] as Token).end : a.sentence.start;
  // An appositive: ", ... ," right before the verb.
  const before = gapText(a, end, i < tokens.length ? (tokens[i] as Token).start : a.sentence.end);
  if (/,\s*$/.test(before) && j >= 0) {
    const text = a.sentence.text;
    const closeAt = end - a.sentence.start;
    const open = text.lastIndexOf(',', closeAt - 1);
    if (open > 0 && closeAt - open < 160) {
      const k = tokenAt(tokens, open + a.sentence.start) - 1;
      if (k >= 0) {
        j = k;
        filler = 0;
        stepFiller();
        end = (tokens[j] as Token).end;
      }
    }
  }
  return end;
}

/** Index of the clause boundary at or after token i: sentence punctuation, "that", "which", ", while". */
export function clauseEnd(a: Analysed, fromChar: number): number {
  const rel = fromChar - a.sentence.start;
  const rest = a.sentence.text.slice(rel);
  const m = /[.;:!?](?:\s|$)|,\s*(?:which|who|while|as|after|before|because|but|although|whereas)\b|\s(?:while|whereas|because|but)\s/i.exec(rest);
  return a.sentence.start + rel + (m ? m.index : rest.length);
}

/** Who can be told to stop a wrong and so be accused of it: a party that can do it, not the UN or "the international community". */
export function canBeAccusedByCall(kind: string): boolean {
  return kind === 'state' || kind === 'state_military' || kind === 'armed_group' || kind === 'person' || kind === 'political_org';
}

const BACKER_WORDS = [...NOT_AGENT_AFTER].join('|');
const BACKER_PHRASE = new RegExp(String.raw`\b(?:${BACKER_WORDS})\s+by\s+(?:the\s+)?[^,;.:()"“”]*$`, 'i');
/** "the regime, backed by Russia and Iran, committed ...": Russia and Iran back, broker or hold; they are not the agent. */
export function inBackerPhrase(a: Analysed, m: ActorMention): boolean {
  return BACKER_PHRASE.test(a.sentence.text.slice(Math.max(0, m.start - a.sentence.start - 80), m.start - a.sentence.start));
}
