// The answer to every query in cypher/queries/ on the hand-made fixture (tests/fixtures/graph/),
// worked out by hand from its three reports. Shared by the embedded test and the live Neo4j suite.
import { fixtureGraph } from './conformance.ts';
import type { Row } from './query-answers.ts';

export interface FixtureCase {
  /** cypher/queries/<name>.cypher (the store picks its variant). */
  name: string;
  params: Record<string, unknown>;
  /** Rows as the query returns them; `ordered: false` compares them sorted by `sortBy` (the Kuzu variant cannot sort a union). */
  rows: Row[];
  ordered: boolean;
  sortBy?: string[];
}

const doc = fixtureGraph();
const source = (title: string) => doc.nodes.find((n) => n.label === 'Source' && n.title === title)!.id;
const S1 = source('Kessel shelled, rights group says');
/** The fixture's sentence that opens with these words, as evidence (text and start). */
function sentence(opening: string) {
  for (const e of doc.edges) for (const ev of e.evidence) if (ev.text.startsWith(opening)) return ev;
  for (const n of doc.nodes) if (n.label === 'Event') for (const ev of n.evidence) if (ev.text.startsWith(opening)) return ev;
  throw new Error(`fixture has no sentence "${opening}"`);
}
const eventId = (name: string) => doc.nodes.find((n) => n.label === 'Event' && n.name === name)!.id;

const SHELLING = 'shelling in Kessel on 2021-03-02';
const AIRSTRIKE = 'airstrike in Brin on 2021-04-14';
const SIEGE = 'siege in Kessel';

export const FIXTURE_CASES: FixtureCase[] = [
  {
    name: 'who-accuses-whom',
    params: {},
    ordered: true,
    rows: [
      { accuser: 'Rights Watch North', accused: 'Valdoria', claims: 2, reports: 2, first: '2021-03-02', last: '2021-04', accuserId: 'actor:rights-watch-north', accusedId: 'actor:valdoria' },
      { accuser: 'Valdoria', accused: 'Ostrava Front', claims: 2, reports: 2, first: '2021-03-05', last: '2021-04-20', accuserId: 'actor:valdoria', accusedId: 'actor:ostrava-front' },
      { accuser: 'Ostrava Front', accused: 'Valdoria', claims: 1, reports: 1, first: '2021-04-20', last: '2021-04-20', accuserId: 'actor:ostrava-front', accusedId: 'actor:valdoria' },
      { accuser: 'Valdoria', accused: 'Rights Watch North', claims: 1, reports: 1, first: '2020', last: '2020', accuserId: 'actor:valdoria', accusedId: 'actor:rights-watch-north' },
    ],
  },
  {
    name: 'who-accuses-whom',
    params: { minClaims: 2, limit: 1 },
    ordered: true,
    rows: [{ accuser: 'Rights Watch North', accused: 'Valdoria', claims: 2, reports: 2, first: '2021-03-02', last: '2021-04', accuserId: 'actor:rights-watch-north', accusedId: 'actor:valdoria' }],
  },
  {
    name: 'most-condemned',
    params: {},
    ordered: true,
    rows: [
      { actor: 'Valdoria', condemnations: 2, condemners: 2, reports: 2, actorId: 'actor:valdoria' },
      { actor: 'Ostrava Front', condemnations: 1, condemners: 1, reports: 1, actorId: 'actor:ostrava-front' },
    ],
  },
  {
    name: 'accusations-by-month',
    params: {},
    ordered: true,
    rows: [
      { month: '2021-03', accusations: 2, accusers: 2, accused: 2 },
      { month: '2021-04', accusations: 3, accusers: 3, accused: 2 },
    ],
  },
  {
    name: 'accusations-by-month',
    params: { from: '2021-04', to: '2021-12' },
    ordered: true,
    rows: [{ month: '2021-04', accusations: 3, accusers: 3, accused: 2 }],
  },
  {
    name: 'events-by-place',
    params: {},
    ordered: true,
    rows: [
      { place: 'Brin', kind: 'village', events: 2, withKilled: 1, killedMin: 5, killedMax: 9, withInjured: 0, injuredMin: null, injuredMax: null, placeId: 'place:brin' },
      { place: 'Kessel', kind: 'city', events: 2, withKilled: 2, killedMin: 12, killedMax: null, withInjured: 1, injuredMin: 30, injuredMax: 30, placeId: 'place:kessel' },
    ],
  },
  {
    name: 'casualties-by-perpetrator',
    params: {},
    ordered: true,
    rows: [
      { perpetrator: 'Valdoria', events: 3, contested: 1, withKilled: 3, killedMin: 17, killedMax: null, withInjured: 1, injuredMin: 30, injuredMax: 30, actorId: 'actor:valdoria' },
      { perpetrator: 'General Marek', events: 1, contested: 0, withKilled: 1, killedMin: 5, killedMax: 9, withInjured: 0, injuredMin: null, injuredMax: null, actorId: 'actor:general-marek' },
      { perpetrator: 'Ostrava Front', events: 1, contested: 0, withKilled: 0, killedMin: null, killedMax: null, withInjured: 0, injuredMin: null, injuredMax: null, actorId: 'actor:ostrava-front' },
    ],
  },
  {
    name: 'mutual-accusations',
    params: {},
    ordered: true,
    rows: [
      { actorA: 'Ostrava Front', actorB: 'Valdoria', aAccusesB: 1, bAccusesA: 2, actorAId: 'actor:ostrava-front', actorBId: 'actor:valdoria' },
      { actorA: 'Rights Watch North', actorB: 'Valdoria', aAccusesB: 2, bAccusesA: 1, actorAId: 'actor:rights-watch-north', actorBId: 'actor:valdoria' },
    ],
  },
  {
    name: 'actor-ego-network',
    params: { actor: 'actor:valdoria' },
    ordered: true,
    rows: [
      ['out', 'ACCUSED', 'Actor', 'Ostrava Front', 2, 'actor:ostrava-front'],
      ['out', 'ACCUSED', 'Actor', 'Rights Watch North', 1, 'actor:rights-watch-north'],
      ['out', 'DENIED', 'Actor', 'Rights Watch North', 1, 'actor:rights-watch-north'],
      ['in', 'ACCUSED', 'Actor', 'Ostrava Front', 1, 'actor:ostrava-front'],
      ['in', 'ACCUSED', 'Actor', 'Rights Watch North', 2, 'actor:rights-watch-north'],
      ['in', 'AFFILIATED_WITH', 'Actor', 'General Marek', 1, 'actor:general-marek'],
      ['in', 'CONDEMNED', 'Actor', 'Ostrava Front', 1, 'actor:ostrava-front'],
      ['in', 'CONDEMNED', 'Actor', 'Rights Watch North', 1, 'actor:rights-watch-north'],
      ['in', 'PERPETRATED_BY', 'Event', AIRSTRIKE, 1, eventId(AIRSTRIKE)],
      ['in', 'PERPETRATED_BY', 'Event', SHELLING, 1, eventId(SHELLING)],
      ['in', 'PERPETRATED_BY', 'Event', SIEGE, 1, eventId(SIEGE)],
    ].map(([direction, relationship, label, name, relationships, id]) => ({ direction, relationship, label, name, relationships, id })),
  },
  {
    name: 'source-claims',
    params: { source: S1 },
    ordered: false,
    sortBy: ['start', 'relationship', 'subject', 'object'],
    rows: [
      ['ACCUSED', 'Rights Watch North', 'Valdoria', 'Rights Watch North accused'],
      ['EVENT', SHELLING, 'shelling', 'Rights Watch North accused'],
      ['OCCURRED_IN', SHELLING, 'Kessel', 'Rights Watch North accused'],
      ['PERPETRATED_BY', SHELLING, 'Valdoria', 'Rights Watch North accused'],
      ['EVENT', SHELLING, 'shelling', 'The shelling killed'],
      ['ACCUSED', 'Valdoria', 'Ostrava Front', 'Valdoria denied'],
      ['DENIED', 'Valdoria', 'Rights Watch North', 'Valdoria denied'],
      ['CONDEMNED', 'Council of Nations', SHELLING, 'The Council of Nations condemned'],
      ['CALLED_ON', 'Rights Watch North', 'Council of Nations', 'Rights Watch North called on'],
    ].map(([relationship, subject, object, opening]) => ({ relationship, subject, object, sentence: sentence(opening!).text, start: sentence(opening!).start })),
  },
];

/** Shortest paths are checked by shape: their length, their names, and the one relationship that can only be what it is. */
export const SHORTEST_PATH_CASES = [
  { params: { from: 'actor:general-marek', to: 'actor:ostrava-front' }, hops: 2, names: ['General Marek', 'Valdoria', 'Ostrava Front'], first: 'AFFILIATED_WITH', lastOneOf: ['ACCUSED', 'CONDEMNED'] },
  { params: { from: 'actor:river-news', to: 'actor:valdoria' }, hops: null, names: null, first: null, lastOneOf: [] },
] as const;
