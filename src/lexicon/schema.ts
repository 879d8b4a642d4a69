// Schemas of the knowledge files in data/lexicons (see data/README.md for how to edit them).
// A user adds an actor, a place, a trigger word or a cue verb by editing JSON; these schemas
// say what is allowed and `kg lexicon check` (and the tests) hold every file to them.
import { z } from 'zod';
import { ActorKind, CLAIM_TYPES, EventType, PlaceKind } from '../model/vocab.ts';
import { PartialIsoDate } from '../model/schema.ts';

export const ActorEntry = z.object({
  /** Canonical name; the node id is derived from it (`actor:<slug>`), so renaming changes ids. */
  name: z.string().min(1),
  kind: ActorKind,
  /** Surface forms matched case-insensitively: names, transliterations, translations. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Forms matched only with this exact capitalisation: acronyms such as "IS" or "US". */
  caseSensitive: z.array(z.string().min(1)).default([]),
  /** Adjectives that stand for the actor before a military noun: "Russian" in "Russian jets". */
  adjectives: z.array(z.string().min(1)).default([]),
  /** When this identity applied (a renamed group): outside the range, the mention goes to `renamedTo` / `renamedFrom`. */
  validFrom: PartialIsoDate.optional(),
  validTo: PartialIsoDate.optional(),
  /** The organisation a person or unit belongs to (canonical name), for AFFILIATED_WITH. */
  partOf: z.string().optional(),
  note: z.string().optional(),
});
export type ActorEntry = z.infer<typeof ActorEntry>;

export const ActorsFile = z.object({
  version: z.number().int().positive(),
  actors: z.array(ActorEntry),
});

export const PlaceEntry = z.object({
  name: z.string().min(1),
  kind: PlaceKind,
  aliases: z.array(z.string().min(1)).default([]),
  lat: z.number().min(-90).max(90).nullable().default(null),
  lon: z.number().min(-180).max(180).nullable().default(null),
  /** Canonical name of the containing place (a governorate, or Syria), for LOCATED_IN. */
  within: z.string().nullable().default(null),
  /** GeoNames id where the coordinates come from GeoNames. */
  geonameId: z.number().int().optional(),
  note: z.string().optional(),
});
export type PlaceEntry = z.infer<typeof PlaceEntry>;

export const PlacesFile = z.object({
  version: z.number().int().positive(),
  places: z.array(PlaceEntry),
});

export const EventTrigger = z.object({
  id: z.string().min(1),
  eventType: EventType,
  /** Words or phrases (matched case-insensitively on word boundaries; `*` ends a prefix: `bomb*`). */
  phrases: z.array(z.string().min(1)).min(1),
  note: z.string().optional(),
});
export type EventTrigger = z.infer<typeof EventTrigger>;

export const EventTriggersFile = z.object({
  version: z.number().int().positive(),
  triggers: z.array(EventTrigger),
});

export const ClaimCue = z.object({
  id: z.string().min(1),
  type: z.enum(CLAIM_TYPES),
  /** Verb forms or phrases; the speaker is before them, the target after. */
  phrases: z.array(z.string().min(1)).min(1),
  note: z.string().optional(),
});
export type ClaimCue = z.infer<typeof ClaimCue>;

export const ClaimCuesFile = z.object({
  version: z.number().int().positive(),
  cues: z.array(ClaimCue),
});
