// Schemas of the knowledge files in data/lexicons (see data/README.md for how to edit them).
// A user adds an actor, a place, a trigger word or a cue verb by editing JSON; these schemas
// say what is allowed and `kg lexicon check` (and the tests) hold every file to them.
import { z } from 'zod';
import { ActorKind, CLAIM_TYPES, EventType, PlaceKind } from '../model/vocab.ts';
import { PartialIsoDate } from '../model/schema.ts';

/** An alias that names the actor only while it held an office ("UN envoy to Syria" was de Mistura in 2014-2018). */
export const RoleAlias = z.object({
  alias: z.string().min(1),
  from: PartialIsoDate.optional(),
  to: PartialIsoDate.optional(),
});
export type RoleAlias = z.infer<typeof RoleAlias>;

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
  /**
   * Common words that name this actor in Syria reporting ("the regime", "the army", "the
   * government"), but not when another name qualifies them ("the Iraqi government").
   */
  contextual: z.array(z.string().min(1)).default([]),
  /** Capitals standing for a government ("Damascus", "Moscow"): an actor only as a subject or agent, never after "in", "to", "near". */
  metonyms: z.array(z.string().min(1)).default([]),
  /** Aliases valid only between two dates (offices): resolved against the report's publication date. */
  roles: z.array(RoleAlias).default([]),
  /** Head nouns a definite description can refer back with ("the coalition", "the ministry", "the network"). */
  heads: z.array(z.string().min(1)).default([]),
  /** When this identity applied (a renamed group): outside the range, a mention goes to `renamedTo` (or back to its predecessor). */
  validFrom: PartialIsoDate.optional(),
  validTo: PartialIsoDate.optional(),
  /** The canonical name of the group this one became (Jabhat al-Nusra -> Jabhat Fateh al-Sham). */
  renamedTo: z.string().optional(),
  /**
   * `report`: a descriptive group ("activists", "residents", "militants"): one node per report,
   * or per place when the text places it ("activists in Douma" -> "Douma activists").
   */
  scope: z.enum(['corpus', 'report']).default('corpus'),
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
  /** Canonical name of the containing place (a district, a governorate, or Syria), for LOCATED_IN. */
  within: z.string().nullable().default(null),
  /** GeoNames id where the entry comes from GeoNames. */
  geonameId: z.number().int().optional(),
  /** Names that are also common English words ("Tell", "Dana"): matched only capitalised and after a place cue ("in", "town of"). */
  ambiguous: z.boolean().optional(),
  /** For a governorate: its capital city's canonical name (a governorate and its capital are told apart only by "city"/"province"). */
  capital: z.string().optional(),
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
  /** `means` triggers (how: airstrike, shelling) win over `label` triggers (what it was called: massacre, attack). */
  role: z.enum(['means', 'label']).default('means'),
  note: z.string().optional(),
});
export type EventTrigger = z.infer<typeof EventTrigger>;

export const EventTriggersFile = z.object({
  version: z.number().int().positive(),
  triggers: z.array(EventTrigger),
  /** Nouns and noun phrases of force: after an adjective alias they name the actor ("Russian jets"); they also mark agents ("jets of X"). */
  forceNouns: z.array(z.string().min(1)),
  /** Nouns for the members of a group: "militants of X", "terrorists of X" make X the agent (not adjectives' nouns). */
  memberNouns: z.array(z.string().min(1)).default([]),
  /** Words that make a trigger describe an ongoing state, not one incident ("daily", "continue"). */
  habitual: z.array(z.string().min(1)),
  /** Words that put a trigger in a wish or demand, not a fact ("to stop", "sparing", "prevent"). */
  irrealis: z.array(z.string().min(1)),
  /** Targets that make a strike a concrete incident ("hospital", "market"). */
  facilities: z.array(z.string().min(1)),
});

export const ClaimCue = z.object({
  id: z.string().min(1),
  type: z.enum(CLAIM_TYPES),
  /** Verb forms or phrases; the speaker is before them, the target after (or the reverse for `passive`). */
  phrases: z.array(z.string().min(1)).min(1),
  /**
   * verb: "X condemned Y"; noun: "X's condemnation of Y", "calls on Y" after "renewed";
   * passive: "Y was condemned by X"; call-for: "X called for Y to ..." (Y must be an actor).
   */
  form: z.enum(['verb', 'noun', 'passive', 'call-for']).default('verb'),
  /** Words that must follow the object for the cue to hold: "held X responsible". */
  then: z.array(z.string().min(1)).optional(),
  /** Prepositions that name the target when the cue's object is a deed: "blamed the killings on X", "attributed the attack to X". */
  objectAfter: z.array(z.string().min(1)).optional(),
  note: z.string().optional(),
});
export type ClaimCue = z.infer<typeof ClaimCue>;

export const ClaimCuesFile = z.object({
  version: z.number().int().positive(),
  cues: z.array(ClaimCue),
  /** Reporting verbs that open reported speech: "X said (that) ...", "..., X added". */
  reportingVerbs: z.array(z.string().min(1)),
  /** Wrongdoing: nouns ("crimes", "massacre") and verbs ("committed", "violate") that make a statement about an actor an accusation. */
  wrongNouns: z.array(z.string().min(1)),
  wrongVerbs: z.array(z.string().min(1)),
  /** Violent verbs that accuse only when their object is protected ("bombed civilians", "hit a hospital"). */
  harmVerbs: z.array(z.string().min(1)),
  /** Protected objects: "civilians", "hospital", "children". */
  protectedObjects: z.array(z.string().min(1)),
  /** Responsibility phrases: "X was behind", "X bears responsibility". */
  responsibility: z.array(z.string().min(1)),
  /** Nouns of a claim that a denial or dismissal puts at a distance: "claims", "reports", "allegations". */
  claimNouns: z.array(z.string().min(1)),
  /** Words before a cue that cancel it: "not", "never", "refused to", "without". */
  negators: z.array(z.string().min(1)),
  /** Words before a cue that make it unreal: "must", "to", "should" ("called on the UN to condemn"). */
  irrealis: z.array(z.string().min(1)),
});

export const CorefDescription = z.object({
  /** A definite description: "the rights group", "the statement", "the campaign". */
  phrase: z.string().min(1),
  /** It refers to the latest actor of these kinds ... */
  kinds: z.array(ActorKind).default([]),
  /** ... or whose `heads` include one of these ... */
  heads: z.array(z.string()).default([]),
  /** ... or to the last speaker (a statement, a letter), or to the agent of the last event of this type (the campaign). */
  refersTo: z.enum(['actor', 'speaker', 'publisher', 'event-agent']).default('actor'),
  eventType: EventType.optional(),
});
export type CorefDescription = z.infer<typeof CorefDescription>;

export const CoreferenceFile = z.object({
  version: z.number().int().positive(),
  descriptions: z.array(CorefDescription),
});

export const NamePatternsFile = z.object({
  version: z.number().int().positive(),
  /** Last words of organisation names the lexicon lacks: "Council", "Brigade", "Media Center". */
  orgHeads: z.array(z.string().min(1)),
  /** Titles and roles before a person's name: "spokesman", "Dr.", "Major General". */
  personTitles: z.array(z.string().min(1)),
  /** Capitalised words that never start or make up a discovered name ("The", "Syrian", months). */
  stopWords: z.array(z.string().min(1)),
  /** Words after a name that mark a person: "said", "told" (with a title or a second name only). */
  personCues: z.array(z.string().min(1)),
  /** First words of Arabic place names that are stop words for actors but open a place after "the village of": "Kafr", "Tell", "Khan". */
  placePrefixes: z.array(z.string().min(1)).default([]),
});
