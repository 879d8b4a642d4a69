// Claims (ACCUSED, CONDEMNED, CALLED_ON, DENIED) from cue phrases in data/lexicons/claim-cues.json:
// the speaker is the actor before the cue (or, for "It"/"The statement"/"The group", the report's
// last speaker), the targets are the actors named right after it. A negated cue ("did not accuse",
// "without blaming") gives nothing.
import type { CompiledLexicon } from '../lexicon/compile-lexicon.ts';
import type { ActorEntry } from '../lexicon/schema.ts';
import type { Sentence } from '../model/report.ts';
import type { ClaimType } from '../model/vocab.ts';
import type { ActorMention } from './mentions.ts';

export interface ClaimDraft {
  type: ClaimType;
  speaker: ActorEntry;
  target: ActorEntry;
  sentence: Sentence;
  rule: string;
}

const NEGATION_BEFORE = /\b(not|never|no|n[’']t|without|refused to|declined to|refrained from|instead of)\s+(\w+\s+){0,2}$/i;
const ANAPHOR_START = /^[“"]?\s*(it|they|the statement|the group|the organi[sz]ation|the coalition|the ministry|the network|the observatory|the charity|the council|the campaign|he|she)\b/i;
const TARGET_STOP = /[.;:!?]|\b(to|who|which|that|while|after|before|because|as|for)\b/i;

export function findClaims(
  lex: CompiledLexicon,
  sentence: Sentence,
  actors: ActorMention[],
  lastSpeaker: ActorEntry | null,
): ClaimDraft[] {
  const out: ClaimDraft[] = [];
  for (const cue of lex.cues) {
    cue.re.lastIndex = 0;
    for (const m of sentence.text.matchAll(cue.re)) {
      const cueStart = sentence.start + (m.index ?? 0);
      const cueEnd = cueStart + m[0].length;
      if (NEGATION_BEFORE.test(sentence.text.slice(0, cueStart - sentence.start))) continue;

      const before = actors.filter((a) => a.end <= cueStart && !a.viaAdjective);
      let speaker: ActorEntry | null = before.at(-1)?.actor ?? null;
      if (!speaker && ANAPHOR_START.test(sentence.text)) speaker = lastSpeaker;
      if (!speaker) continue;

      // Targets: the actors named after the cue, up to the end of that noun phrase or list.
      const rest = sentence.text.slice(cueEnd - sentence.start);
      const stop = TARGET_STOP.exec(rest.replace(/^\s*(the|on|upon)\s+/i, (s) => ' '.repeat(s.length)));
      const limit = cueEnd + (stop ? stop.index : rest.length);
      const targets = actors.filter((a) => a.start >= cueEnd && a.start < limit && a.actor !== speaker);
      for (const t of targets) {
        out.push({ type: cue.entry.type, speaker, target: t.actor, sentence, rule: `cue:${cue.entry.id}` });
      }
    }
  }
  return out;
}
