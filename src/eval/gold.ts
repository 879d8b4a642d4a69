// The gold annotation format (one JSON file per report, as in the user's shared/gold folder),
// validated with zod, and reading a folder of them. See README "Evaluation and the gold format".
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ReportGraphError } from '../errors.ts';

const optional = z.boolean().optional();
const evidence = z.string().min(1);

export const GoldActor = z.object({ name: z.string().min(1), kind: z.string().optional(), aliases: z.array(z.string()).default([]) });
export const GoldPlace = z.object({ name: z.string().min(1), aliases: z.array(z.string()).default([]), within: z.string().nullable().optional() });
export const GoldEvent = z.object({
  type: z.string(),
  place: z.string().nullable(),
  date: z.string().nullable(),
  perpetrators: z.array(z.string()).default([]),
  killed_min: z.number().nullable().optional(),
  killed_max: z.number().nullable().optional(),
  evidence,
  optional,
});
export const GoldAccused = z.object({ accuser: z.string(), accused: z.string(), evidence, optional });
export const GoldCondemned = z.object({ condemner: z.string(), target: z.string(), evidence, optional });
export const GoldCalledOn = z.object({ caller: z.string(), addressee: z.string(), evidence, optional });

export const GoldReport = z.object({
  report: z.string().min(1),
  published: z.string().nullable().optional(),
  outlets: z.array(z.string()).default([]),
  actors: z.array(GoldActor).default([]),
  places: z.array(GoldPlace).default([]),
  events: z.array(GoldEvent).default([]),
  accused: z.array(GoldAccused).default([]),
  condemned: z.array(GoldCondemned).default([]),
  called_on: z.array(GoldCalledOn).default([]),
});
export type GoldReport = z.infer<typeof GoldReport>;
export type GoldEvent = z.infer<typeof GoldEvent>;

export interface GoldProblem {
  file: string;
  message: string;
}

/** Every `*.json` in the folder that parses as a gold report; the others are listed with a reason. */
export async function readGoldDir(dir: string): Promise<{ gold: GoldReport[]; problems: GoldProblem[] }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    throw new ReportGraphError('E_INPUT_MISSING', `${dir}: cannot read the gold folder: ${(err as Error).message}`);
  }
  const gold: GoldReport[] = [];
  const problems: GoldProblem[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let value: unknown;
    try {
      value = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      problems.push({ file, message: `not valid JSON: ${(err as Error).message}` });
      continue;
    }
    const r = GoldReport.safeParse(value);
    if (!r.success) problems.push({ file, message: z.prettifyError(r.error).split('\n').slice(0, 3).join('; ') });
    else gold.push(r.data);
  }
  return { gold, problems };
}
