// Reads and validates the knowledge files in data/lexicons (or a folder of the user's own) into
// one Lexicon value. The only file-system code of the lexicon; everything built from it is pure.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LexiconError } from '../errors.ts';
import { compileIngestRules, type IngestRules } from './ingest-rules.ts';
import { ActorsFile, ClaimCuesFile, EventTriggersFile, PlacesFile, type ActorEntry, type ClaimCue, type EventTrigger, type PlaceEntry } from './schema.ts';
import { shortHash } from '../model/ids.ts';

export interface Lexicon {
  actors: ActorEntry[];
  places: PlaceEntry[];
  triggers: EventTrigger[];
  cues: ClaimCue[];
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
  type Read = Awaited<ReturnType<typeof readJson>>;
  const files = [f.actors, f.places, f.triggers, f.cues, f.boilerplate, f.signatures];
  const read = (await Promise.all(files.map((n) => readJson(dir, n)))) as [Read, Read, Read, Read, Read, Read];
  const [actors, places, triggers, cues, boilerplate, signatures] = read;
  const at = (n: string) => path.join(dir, n);
  const lexicon: Lexicon = {
    actors: validate(ActorsFile, at(f.actors), actors.value).actors,
    places: validate(PlacesFile, at(f.places), places.value).places,
    triggers: validate(EventTriggersFile, at(f.triggers), triggers.value).triggers,
    cues: validate(ClaimCuesFile, at(f.cues), cues.value).cues,
    ingest: compileIngestRules(boilerplate.value, signatures.value, { boilerplate: at(f.boilerplate), signatures: at(f.signatures) }),
    version: shortHash(read.map((x) => x.raw).join('\u0000')),
  };
  checkReferences(lexicon, dir);
  return lexicon;
}

/** Names that other entries refer to must exist, and canonical names must be unique. */
function checkReferences(lex: Lexicon, dir: string): void {
  const actorNames = new Set<string>();
  for (const a of lex.actors) {
    if (actorNames.has(a.name)) throw new LexiconError(path.join(dir, LEXICON_FILES.actors), `actor "${a.name}" is listed twice`);
    actorNames.add(a.name);
  }
  for (const a of lex.actors) {
    if (a.partOf && !actorNames.has(a.partOf)) throw new LexiconError(path.join(dir, LEXICON_FILES.actors), `actor "${a.name}": partOf "${a.partOf}" is not an actor in the file`);
  }
  const placeNames = new Set<string>();
  for (const p of lex.places) {
    if (placeNames.has(p.name)) throw new LexiconError(path.join(dir, LEXICON_FILES.places), `place "${p.name}" is listed twice`);
    placeNames.add(p.name);
  }
  for (const p of lex.places) {
    if (p.within && !placeNames.has(p.within)) throw new LexiconError(path.join(dir, LEXICON_FILES.places), `place "${p.name}": within "${p.within}" is not a place in the file`);
  }
}
