// The evaluation as a person reads it: one table of scores, the event attributes, then every
// miss and false hit with the sentence it concerns.
import { ATTRIBUTES, KINDS, type EvalResult, type Finding } from './score.ts';

const pct = (x: number) => x.toFixed(2);

export function formatEval(r: EvalResult, opts: { details?: boolean } = {}): string {
  const lines: string[] = [];
  lines.push(`reports scored: ${r.reports}`);
  lines.push('');
  lines.push('| kind | precision | recall | F1 | TP | FP | FN |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const k of KINDS) {
    const c = r.kinds[k];
    lines.push(`| ${k} | ${pct(c.precision)} | ${pct(c.recall)} | ${pct(c.f1)} | ${c.tp} | ${c.fp} | ${c.fn} |`);
  }
  lines.push(`| macro-F1 | | | ${pct(r.macroF1)} | | | |`);
  lines.push('');
  lines.push('| event attribute | accuracy | right / matched |');
  lines.push('|---|---|---|');
  for (const a of ATTRIBUTES) lines.push(`| ${a} | ${pct(r.attributes[a].accuracy)} | ${r.attributes[a].right} / ${r.attributes[a].total} |`);
  if (r.unmatchedGold.length) lines.push('', `gold without a report among the inputs: ${r.unmatchedGold.join(', ')}`);
  if (r.ungradedSources.length) lines.push('', `reports without gold (not scored): ${r.ungradedSources.join(', ')}`);
  const list = (title: string, items: Finding[]) => {
    if (items.length === 0) return;
    lines.push('', `${title} (${items.length}):`);
    for (const f of items) lines.push(`  ${f.report} ${f.kind} ${f.what}\n      “${f.evidence}”`);
  };
  list('misses', r.misses);
  list('false hits', r.falseHits);
  if (opts.details) list('event attribute errors', r.attributeErrors);
  return `${lines.join('\n')}\n`;
}
