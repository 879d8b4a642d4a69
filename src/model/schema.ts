// THE graph model. Every stage takes and returns these shapes; the JSON form of GraphDocument is
// a contract other tools read (see README "Graph model"), so names here are not to be changed
// lightly. Cross-record rules (sorted ids, edges pointing at nodes, offsets matching text) are in
// check-graph.ts and applied by GraphDocument's refinement.
import { z } from 'zod';
import {
  ActorKind,
  DatePrecision,
  EdgeType,
  EventStatus,
  EventType,
  PlaceKind,
} from './vocab.ts';
import { checkGraph } from './check-graph.ts';

/** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: only as much date as the text supports. */
export const PartialIsoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
export const IsoDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD');

const nonNegInt = z.number().int().nonnegative();

/** One sentence that supports a node or an edge: `Source.text.slice(start, end) === text`. */
export const Evidence = z
  .object({
    source: z.string().startsWith('source:'),
    text: z.string().min(1),
    start: nonNegInt,
    end: nonNegInt,
    rule: z.string().min(1),
    /** The actor the text attributes this statement to ("SOHR said ..."), when not the edge's own subject. */
    attributedTo: z.string().startsWith('actor:').nullable().optional(),
    /** When the statement or incident happened, as far as the sentence and report date tell. */
    date: PartialIsoDate.nullable().optional(),
  })
  .refine((e) => e.end > e.start, { message: 'evidence end must be after start' });
export type Evidence = z.infer<typeof Evidence>;

const nodeBase = {
  id: z.string().min(3),
  name: z.string().min(1),
};

export const ActorNode = z.object({
  ...nodeBase,
  label: z.literal('Actor'),
  kind: ActorKind,
  aliases: z.array(z.string()),
  sources: z.array(z.string().startsWith('source:')),
  /** `lexicon` when the actor is in data/lexicons, `discovered` when found by name patterns only. */
  origin: z.enum(['lexicon', 'discovered']),
});
export type ActorNode = z.infer<typeof ActorNode>;

export const PlaceNode = z.object({
  ...nodeBase,
  label: z.literal('Place'),
  kind: PlaceKind,
  aliases: z.array(z.string()),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
  sources: z.array(z.string().startsWith('source:')),
});
export type PlaceNode = z.infer<typeof PlaceNode>;

export const EventNode = z
  .object({
    ...nodeBase,
    label: z.literal('Event'),
    eventType: EventType,
    date: PartialIsoDate.nullable(),
    datePrecision: DatePrecision,
    killedMin: nonNegInt.nullable(),
    killedMax: nonNegInt.nullable(),
    injuredMin: nonNegInt.nullable(),
    injuredMax: nonNegInt.nullable(),
    /** reported (plain news), alleged ("reportedly", "accused of"), contested (denied by someone), confirmed. */
    status: EventStatus,
    /** The text's own hedge on where: "eastern rural", "near", "outskirts of"; null when it names the place plainly. */
    placeQualifier: z.string().nullable(),
    sources: z.array(z.string().startsWith('source:')),
    evidence: z.array(Evidence).min(1),
  })
  .refine((e) => e.killedMin === null || e.killedMax === null || e.killedMin <= e.killedMax, {
    message: 'killedMin must not exceed killedMax',
  })
  .refine((e) => e.injuredMin === null || e.injuredMax === null || e.injuredMin <= e.injuredMax, {
    message: 'injuredMin must not exceed injuredMax',
  })
  .refine((e) => datePrecisionMatches(e.date, e.datePrecision), {
    message: 'datePrecision does not match the form of date',
  });
export type EventNode = z.infer<typeof EventNode>;

export const SourceNode = z.object({
  ...nodeBase,
  label: z.literal('Source'),
  /** The input file's path relative to the folder given (for JSONL, `file#line`). */
  file: z.string().min(1),
  title: z.string().nullable(),
  published: IsoDay.nullable(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The cleaned body: every evidence offset points into this string. */
  text: z.string(),
});
export type SourceNode = z.infer<typeof SourceNode>;

export const GraphNode = z.discriminatedUnion('label', [ActorNode, PlaceNode, EventNode, SourceNode]);
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphEdge = z.object({
  id: z.string().min(3),
  type: EdgeType,
  from: z.string().min(3),
  to: z.string().min(3),
  evidence: z.array(Evidence),
});
export type GraphEdge = z.infer<typeof GraphEdge>;

export const GRAPH_VERSION = 1 as const;

const GraphShape = z.object({
  version: z.literal(GRAPH_VERSION),
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
});

export const GraphDocument = GraphShape.superRefine((doc, ctx) => {
  for (const problem of checkGraph(doc)) {
    ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
  }
});
export type GraphDocument = z.infer<typeof GraphShape>;

export function datePrecisionMatches(date: string | null, precision: DatePrecision): boolean {
  if (date === null) return precision === 'unknown';
  const parts = date.split('-').length;
  return (parts === 3 && precision === 'day') || (parts === 2 && precision === 'month') || (parts === 1 && precision === 'year');
}
