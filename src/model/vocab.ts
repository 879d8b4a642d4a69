// The closed vocabularies of the graph model: labels, kinds, event types, relationship types and
// which (label, type, label) triples are allowed. Stores and exports take labels and types only
// from these lists, never from user text.
import { z } from 'zod';

export const NODE_LABELS = ['Actor', 'Place', 'Event', 'Source'] as const;
export const NodeLabel = z.enum(NODE_LABELS);
export type NodeLabel = z.infer<typeof NodeLabel>;

export const ACTOR_KINDS = [
  'state',
  'state_military',
  'armed_group',
  'political_org',
  'civil_society',
  'international_org',
  'media',
  'person',
  'other',
] as const;
export const ActorKind = z.enum(ACTOR_KINDS);
export type ActorKind = z.infer<typeof ActorKind>;

export const PLACE_KINDS = [
  'country',
  'governorate',
  'district',
  'subdistrict',
  'city',
  'town',
  'village',
  'neighbourhood',
  'facility',
  'river',
  'region',
] as const;
export const PlaceKind = z.enum(PLACE_KINDS);
export type PlaceKind = z.infer<typeof PlaceKind>;

export const EVENT_TYPES = [
  'airstrike',
  'shelling',
  'massacre',
  'clashes',
  'attack',
  'siege',
  'displacement',
  'campaign',
  'chemical_attack',
  'execution',
  'arrest',
  'other',
] as const;
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

/** How much of a date the text supports: "last night" gives a day, "in July 2018" a month. */
export const DATE_PRECISIONS = ['day', 'month', 'year', 'unknown'] as const;
export const DatePrecision = z.enum(DATE_PRECISIONS);
export type DatePrecision = z.infer<typeof DatePrecision>;

/** How sure the text is that an event happened as told. */
export const EVENT_STATUSES = ['reported', 'alleged', 'contested', 'confirmed'] as const;
export const EventStatus = z.enum(EVENT_STATUSES);
export type EventStatus = z.infer<typeof EventStatus>;

export const EDGE_TYPES = [
  'ACCUSED',
  'CONDEMNED',
  'CALLED_ON',
  'DENIED',
  'OCCURRED_IN',
  'PERPETRATED_BY',
  'LOCATED_IN',
  'PUBLISHED_BY',
  'AFFILIATED_WITH',
] as const;
export const EdgeType = z.enum(EDGE_TYPES);
export type EdgeType = z.infer<typeof EdgeType>;

/** The relationship types that record what one actor says of another. */
export const CLAIM_TYPES = ['ACCUSED', 'CONDEMNED', 'CALLED_ON', 'DENIED'] as const satisfies readonly EdgeType[];
export type ClaimType = (typeof CLAIM_TYPES)[number];

/**
 * Allowed (from label, type, to label) triples. DENIED points from the actor who rejects an
 * allegation to the actor who made it, or to the event it denies taking part in.
 * AFFILIATED_WITH ties a person or unit to the organisation the text says it belongs to.
 */
export const ALLOWED_TRIPLES: ReadonlyArray<readonly [NodeLabel, EdgeType, NodeLabel]> = [
  ['Actor', 'ACCUSED', 'Actor'],
  ['Actor', 'CONDEMNED', 'Actor'],
  ['Actor', 'CONDEMNED', 'Event'],
  ['Actor', 'CALLED_ON', 'Actor'],
  ['Actor', 'DENIED', 'Actor'],
  ['Actor', 'DENIED', 'Event'],
  ['Event', 'OCCURRED_IN', 'Place'],
  ['Event', 'PERPETRATED_BY', 'Actor'],
  ['Place', 'LOCATED_IN', 'Place'],
  ['Source', 'PUBLISHED_BY', 'Actor'],
  ['Actor', 'AFFILIATED_WITH', 'Actor'],
];

export function isAllowedTriple(from: NodeLabel, type: EdgeType, to: NodeLabel): boolean {
  return ALLOWED_TRIPLES.some(([f, t, o]) => f === from && t === type && o === to);
}

/** The id prefix of each label: `actor:russia`, `place:deir-ezzor`, `event:…`, `source:…`. */
export const ID_PREFIX: Record<NodeLabel, string> = {
  Actor: 'actor',
  Place: 'place',
  Event: 'event',
  Source: 'source',
};
