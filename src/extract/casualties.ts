// Casualty counts as honest ranges: "nearly 160" is at most 160, "at least 50" at least 50,
// "more than 25" at least 26, "dozens" at least 12 (ACLED's conservative reading), an exact
// number both bounds. Killed and injured are read apart.
export interface Range {
  min: number | null;
  max: number | null;
  /** From a word ("dozens") rather than a number: a number for the same incident replaces it. */
  vague?: boolean;
}

export interface Casualties {
  killed: Range | null;
  injured: Range | null;
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};

const VAGUE_RANGES: Record<string, Range> = {
  dozens: { min: 12, max: null },
  scores: { min: 40, max: null },
  hundreds: { min: 100, max: null },
  thousands: { min: 1000, max: null },
  several: { min: 3, max: null },
  many: { min: null, max: null },
};

const QUANT = String.raw`(at least|no (?:less|fewer) than|more than|over|upwards of|nearly|almost|up to|around|about|approximately|some|roughly|an additional|another|a further|a total of)?\s*`;
// Not inside a word or a number: "none were killed" holds "one", "2015" holds "15".
const NUM = String.raw`(?<![a-z\d])(\d{1,3}(?:,\d{3})+|\d+|several dozens?|${Object.keys(VAGUE_RANGES).join('|')}|${Object.keys(WORD_NUMBERS).join('|')})(?![a-z])`;
const VICTIMS = String.raw`(?:\s+(?:more\s+|other\s+|innocent\s+|[a-z]+\s+)?(?:civilians?|people|persons?|residents|children|women|men|syrians|fighters|soldiers|members|patients|staff|others|of them|victims|displaced people|militants|troops|more))?`;
const WORDS = Object.keys(WORD_NUMBERS).join('|');
/** "Eight Syrians, including two children, were killed": the subset in between is not the count. */
const SUBSET = String.raw`(?:,?\s+(?:including\s+|among them\s+)?(?:\d+|${WORDS})\s+(?:children|women|minors|of them)(?:\s+and\s+(?:\d+|${WORDS})\s+(?:women|children))?,?)?`;
const KILLED_AFTER = String.raw`(?:\s+(?:were|have been|had been|was|are|being|had|have)?\s*(?:reportedly\s+)?(?:killed|dead|died|lost their lives|massacred|executed))`;
const INJURED_AFTER = String.raw`(?:\s+(?:were|have been|had been|was|are|being)?\s*(?:reportedly\s+)?(?:injured|wounded|hurt))`;

// `needs`: a word each pattern cannot match without (a literal of the pattern, same flags), tested
// first because it costs a fraction of the pattern itself.
const PATTERNS: { re: RegExp; what: 'killed' | 'injured'; needs: RegExp }[] = [
  { re: new RegExp(`${QUANT}${NUM}${VICTIMS}${SUBSET}${KILLED_AFTER}`, 'gi'), what: 'killed', needs: /killed|dead|died|lost their lives|massacred|executed/i },
  { re: new RegExp(String.raw`(?:killing|killed|kill|kills|shot dead|shooting dead|gunned down|bodies of|executed|executing|execution of|executions of|summary execution of|beheaded|beheading|beheading of|claiming the lives of|claimed the lives of|claim the lives of|left|death of|deaths of|killing of|massacre of|lives of)\s+(?:the\s+)?${QUANT}${NUM}${VICTIMS}`, 'gi'), what: 'killed', needs: /kill|shot dead|shooting dead|gunned down|bodies of|execut|behead|lives of|left|death|massacre of/i },
  { re: new RegExp(String.raw`(?:killing|killed|massacre of)\s+(?:the\s+)?(?:entire\s+|whole\s+)?family\s+of\s+()${NUM}`, 'gi'), what: 'killed', needs: /family/i },
  { re: new RegExp(`${QUANT}${NUM}${VICTIMS}${SUBSET}${INJURED_AFTER}`, 'gi'), what: 'injured', needs: /injured|wounded|hurt/i },
  { re: new RegExp(String.raw`(?:injuring|wounding|injured|wounded)\s+${QUANT}${NUM}${VICTIMS}`, 'gi'), what: 'injured', needs: /injuring|wounding|injured|wounded/i },
];

function toRange(quant: string | undefined, num: string): Range | null {
  const n = num.toLowerCase().replace(/^several dozens?$/, 'dozens');
  if (n in VAGUE_RANGES) {
    const r = VAGUE_RANGES[n];
    return r && (r.min !== null || r.max !== null) ? { ...r, vague: true } : null;
  }
  const value = n in WORD_NUMBERS ? (WORD_NUMBERS[n] as number) : Number(n.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  switch ((quant ?? '').toLowerCase().replace(/\s+/g, ' ')) {
    case 'at least':
    case 'no less than':
    case 'no fewer than':
    case 'upwards of':
      return { min: value, max: null };
    case 'more than':
    case 'over':
      return { min: value + 1, max: null };
    case 'nearly':
    case 'almost':
    case 'up to':
      return { min: null, max: value };
    case 'an additional':
    case 'another':
    case 'a further':
    case 'a total of':
      return { min: value, max: value };
    default:
      return { min: value, max: value };
  }
}

/** Widest honest range when a sentence gives several counts for the same thing. */
function combine(a: Range | null, b: Range | null): Range | null {
  if (!a) return b;
  if (!b) return a;
  if (a.vague !== b.vague) return a.vague ? b : a;
  return { min: a.min !== null && b.min !== null ? Math.max(a.min, b.min) : a.min ?? b.min, max: a.max !== null && b.max !== null ? Math.max(a.max, b.max) : null };
}

// One person, or one and a relative, named without a number: "killing a child and his mother", "killed a senior commander".
const PERSON = String.raw`(?:child|boy|girl|baby|infant|teenager|woman|man|civilian|commander|leader|fighter|soldier|officer|journalist|doctor|nurse|activist|paramedic|volunteer|farmer|resident|member|shepherd|student|teacher|worker|driver)`;
const KIN = String.raw`(?:mother|father|son|daughter|wife|husband|brother|sister|child|baby|grandmother|grandfather|grandson|granddaughter|nephew|niece|cousin|uncle|aunt)`;
const ONE_OR_TWO = String.raw`an?\s+(?:[a-z-]+\s+){0,2}?${PERSON}(?:\s+and\s+(his|her|their)\s+(?:[a-z-]+\s+)?${KIN})?\b`;
const SINGLES: { re: RegExp; what: 'killed' | 'injured'; needs: RegExp }[] = [
  { re: new RegExp(String.raw`\b(?:killing|killed|kills|shot dead|executed|executing|beheaded|assassinated|gunned down|death of|killing of|bodies of|body of)\s+(?:the\s+)?${ONE_OR_TWO}`, 'gi'), what: 'killed', needs: /kill|shot dead|execut|beheaded|assassinated|gunned down|death of|bodies of|body of/i },
  { re: new RegExp(String.raw`\b${ONE_OR_TWO}\s+(?:were|was|have been|has been|had been)\s+(?:reportedly\s+)?(?:killed|shot dead|executed)`, 'gi'), what: 'killed', needs: /killed|shot dead|executed/i },
  { re: new RegExp(String.raw`\b(?:injuring|wounding|injured|wounded)\s+${ONE_OR_TWO}`, 'gi'), what: 'injured', needs: /injuring|wounding|injured|wounded/i },
];

/**
 * Every pattern above needs one of these words (as a substring, any case): a sentence without them
 * has no count, and skipping the patterns is most of the cost saved (most sentences have none).
 */
const ANCHOR = /kill|dead|died|lost|massacre|execut|injur|wound|hurt|behead|lives|left|death|bod(?:y|ies)|gunned|assassinat/i;

/** The last few sentences read: a clause and its sentence, or a sentence read again for a claim, cost one reading. */
const recent = new Map<string, Casualties>();
const RECENT_MAX = 64;

/** Killed and injured in a sentence; the caller gets its own copy (it may fill in a count). */
export function readCasualties(sentence: string): Casualties {
  let r = recent.get(sentence);
  if (!r) {
    r = ANCHOR.test(sentence) ? readAll(sentence) : { killed: null, injured: null };
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
    recent.set(sentence, r);
  }
  return { killed: r.killed && { ...r.killed }, injured: r.injured && { ...r.injured } };
}

/** Every pattern on the sentence, without the word tests or memory: the reference those are tested against. */
export function readCasualtiesUnfiltered(sentence: string): Casualties {
  return readAll(sentence, false);
}

function readAll(sentence: string, filtered = true): Casualties {
  const out: Casualties = { killed: null, injured: null };
  for (const { re, what, needs } of PATTERNS) {
    if (filtered && !needs.test(sentence)) continue;
    re.lastIndex = 0;
    for (const m of sentence.matchAll(re)) {
      const r = toRange(m[1], m[2] ?? '');
      if (r) out[what] = combine(out[what], r);
    }
  }
  // Only where no number is given: "killed a commander and 12 fighters" is not one.
  if ((!out.killed || !out.injured) && /\ban?\s/i.test(sentence)) {
    for (const { re, what, needs } of SINGLES) {
      if (out[what] || (filtered && !needs.test(sentence))) continue;
      re.lastIndex = 0;
      for (const m of sentence.matchAll(re)) {
        if (/^\s*(?:,|and)\s*(?:\d|two|three|four|five|six|seven|eight|nine|ten|dozens|several)/i.test(sentence.slice((m.index ?? 0) + m[0].length))) continue;
        const n = m[1] ? 2 : 1;
        out[what] = combine(out[what], { min: n, max: n });
      }
    }
  }
  return out;
}
