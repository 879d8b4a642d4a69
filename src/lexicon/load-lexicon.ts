// Reads and validates the knowledge files in data/lexicons (or a folder of the user's own) into
// one Lexicon value. The only file-system code of the lexicon; everything built from it is pure.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LexiconError } from '../errors.ts';
import { compileIngestRules, type IngestRules } from './ingest-rules.ts';
import {
  ActorsFile,
  ClaimCuesFile,
  CoreferenceFile,
  EventTriggersFile,
  NamePatternsFile,
  PlacesFile,
  type ActorEntry,
  type ClaimCue,
  type CorefDescription,
  type EventTrigger,
  type PlaceEntry,
} from './schema.ts';
import { shortHash } from '../model/ids.ts';

export type TriggerWords = Omit<z.infer<typeof EventTriggersFile>, 'version' | 'triggers'>;
export type CueWords = Omit<z.infer<typeof ClaimCuesFile>, 'version' | 'cues'>;
export type NamePatterns = Omit<z.infer<typeof NamePatternsFile>, 'version'>;

export interface Lexicon {
  actors: ActorEntry[];
  places: PlaceEntry[];
  triggers: EventTrigger[];
  cues: ClaimCue[];
  /** Word lists that go with the triggers: force nouns, habitual and irrealis markers, facilities. */
  triggerWords: TriggerWords;
  /** Word lists that go with the cues: reporting verbs, wrongdoing words, negators. */
  cueWords: CueWords;
  coreference: CorefDescription[];
  names: NamePatterns;
  ingest: IngestRules;
  /** A hash of every file's content: changes whenever the knowledge changes (cache keys use it). */
  version: string;
}

export const DEFAULT_LEXICON_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/lexicons');

export const LEXICON_FILES = {
  actors: 'actors.json',
  places: 'places.json',
  triggers: 'event-triggers.json',
  cues: 'claim-cues.json',
  coreference: 'coreference.json',
  names: 'name-patterns.json',
  boilerplate: 'boilerplate.json',
  signatures: 'source-signatures.json',
} as const;

async function readJson(dir: string, name: string): Promise<{ raw: string; value: unknown }> {
  const file = path.join(dir, name);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    throw new LexiconError(file, `cannot read: ${(err as Error).message}`);
  }
  try {
    return { raw, value: JSON.parse(raw) };
  } catch (err) {
    throw new LexiconError(file, `not valid JSON: ${(err as Error).message}`);
  }
}

function validate<S extends z.ZodType>(schema: S, file: string, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new LexiconError(file, z.prettifyError(r.error));
  return r.data;
}

export async function loadLexicon(dir: string = DEFAULT_LEXICON_DIR): Promise<Lexicon> {
  const f = LEXICON_FILES;
  const names = [f.actors, f.places, f.triggers, f.cues, f.coreference, f.names, f.boilerplate, f.signatures];
  const read = await Promise.all(names.map((n) => readJson(dir, n)));
  const val = (i: number) => (read[i] as { value: unknown }).value;
  const at = (n: string) => path.join(dir, n);
  const triggers = validate(EventTriggersFile, at(f.triggers), val(2));
  const cues = validate(ClaimCuesFile, at(f.cues), val(3));
  const { version: _tv, triggers: triggerList, ...triggerWords } = triggers;
  const { version: _cv, cues: cueList, ...cueWords } = cues;
  const { version: _nv, ...namePatterns } = validate(NamePatternsFile, at(f.names), val(5));
  const lexicon: Lexicon = {
    actors: validate(ActorsFile, at(f.actors), val(0)).actors,
    places: validate(PlacesFile, at(f.places), val(1)).places,
    triggers: triggerList,
    cues: cueList,
    triggerWords,
    cueWords,
    coreference: validate(CoreferenceFile, at(f.coreference), val(4)).descriptions,
    names: namePatterns,
    ingest: compileIngestRules(val(6), val(7), { boilerplate: at(f.boilerplate), signatures: at(f.signatures) }),
    version: shortHash(read.map((x) => x.raw).join('\u0000')),
  };
  checkReferences(lexicon, dir);
  return lexicon;
}

/** Names that other entries refer to must exist, and canonical names must be unique. */
export function checkReferences(lex: Pick<Lexicon, 'actors' | 'places'>, dir: string): void {
  const actorFile = path.join(dir, LEXICON_FILES.actors);
  const placeFile = path.join(dir, LEXICON_FILES.places);
  const actorNames = new Set<string>();
  for (const a of lex.actors) {
    if (actorNames.has(a.name)) throw new LexiconError(actorFile, `actor "${a.name}" is listed twice`);
    actorNames.add(a.name);
  }
  for (const a of lex.actors) {
    if (a.partOf && !actorNames.has(a.partOf)) throw new LexiconError(actorFile, `actor "${a.name}": partOf "${a.partOf}" is not an actor in the file`);
    if (a.renamedTo && !actorNames.has(a.renamedTo)) throw new LexiconError(actorFile, `actor "${a.name}": renamedTo "${a.renamedTo}" is not an actor in the file`);
    if (a.renamedTo && !a.validTo) throw new LexiconError(actorFile, `actor "${a.name}": renamedTo needs validTo (when the old name stopped)`);
  }
  const placeNames = new Set<string>();
  for (const p of lex.places) {
    if (placeNames.has(p.name)) throw new LexiconError(placeFile, `place "${p.name}" is listed twice`);
    placeNames.add(p.name);
  }
  for (const p of lex.places) {
    if (p.within && !placeNames.has(p.within)) throw new LexiconError(placeFile, `place "${p.name}": within "${p.within}" is not a place in the file`);
    if (p.capital && !placeNames.has(p.capital)) throw new LexiconError(placeFile, `place "${p.name}": capital "${p.capital}" is not a place in the file`);
  }
}
