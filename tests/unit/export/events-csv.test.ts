// The events table: one row per event with its place, governorate and country found up the
// LOCATED_IN chain, coordinates of the place itself, alleged perpetrators and who alleges them,
// casualty ranges, day ranges of partial dates, sources and the supporting sentences; looked up in
// the whole graph even when only the events were selected; safe to open in a spreadsheet.
import { describe, expect, it } from 'vitest';
import { EVENT_COLUMNS, spreadsheetSafe, toEventsCsv } from '../../../src/export/to-events-csv.ts';
import { selectSubgraph } from '../../../src/export/select.ts';
import { adversarialGraph, NASTY, SMALL, smallGraph } from '../../fixtures/export/graphs.ts';
import { parseCsv } from './readers.ts';

function table(csv: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(csv);
  expect(header!.map((c) => c.text)).toEqual([...EVENT_COLUMNS]);
  return rows.map((r) => {
    expect(r).toHaveLength(EVENT_COLUMNS.length);
    return Object.fromEntries(r.map((c, i) => [EVENT_COLUMNS[i]!, c.text]));
  });
}

const byId = (rows: Record<string, string>[], id: string) => rows.find((r) => r.event_id === id)!;

describe('events-csv', () => {
  it('writes one row per event', () => {
    expect(table(toEventsCsv(smallGraph())).map((r) => r.event_id)).toEqual([SMALL.airstrike, SMALL.shelling, SMALL.undated]);
  });

  it('fills a day-precise event: place, governorate and country up the chain, coordinates, perpetrator and who alleges it, casualties, sources', () => {
    expect(byId(table(toEventsCsv(smallGraph())), SMALL.airstrike)).toEqual({
      event_id: SMALL.airstrike,
      date: '2017-10-04',
      date_precision: 'day',
      date_start: '2017-10-04',
      date_end: '2017-10-04',
      event_type: 'airstrike',
      status: 'reported',
      place: 'Alpha Town',
      place_kind: 'town',
      place_qualifier: '',
      governorate: 'Alpha Province',
      country: 'Syria',
      lat: '35.2',
      lon: '40.2',
      alleged_perpetrators: 'Russia',
      alleged_by: 'Observatory',
      killed_min: '12',
      killed_max: '12',
      injured_min: '',
      injured_max: '',
      sources: 'Outlet A',
      source_files: 'reports/a.txt',
      evidence_count: '1',
      first_quote: 'Jets of Russia bombed Alpha Town on 4 October, killing 12 people.',
      evidence: JSON.stringify(smallGraph().nodes.find((n) => n.id === SMALL.airstrike)!.label === 'Event' ? (smallGraph().nodes.find((n) => n.id === SMALL.airstrike) as { evidence: unknown }).evidence : null),
    });
  });

  it('gives a month-precise date its first and last day, and finds the governorate two levels up', () => {
    const row = byId(table(toEventsCsv(smallGraph())), SMALL.shelling);
    expect(row).toMatchObject({ date: '2018-07', date_precision: 'month', date_start: '2018-07-01', date_end: '2018-07-31', place: 'Beta Village', governorate: 'Beta Province', country: 'Syria', alleged_by: 'Coalition' });
  });

  it('leaves what is unknown empty', () => {
    expect(byId(table(toEventsCsv(smallGraph())), SMALL.undated)).toMatchObject({ date: '', date_precision: 'unknown', date_start: '', place: '', governorate: '', lat: '', alleged_perpetrators: '', sources: 'c.txt' });
  });

  it('looks places and perpetrators up in the whole graph when only events were selected', () => {
    const eventsOnly = selectSubgraph(smallGraph(), { labels: ['Event'] });
    expect(eventsOnly.edges).toEqual([]);
    const row = byId(table(toEventsCsv(eventsOnly, smallGraph())), SMALL.airstrike);
    expect(row).toMatchObject({ place: 'Alpha Town', governorate: 'Alpha Province', alleged_perpetrators: 'Russia' });
  });

  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
  ])('makes %j safe to open in a spreadsheet: %j', (text, safe) => {
    expect(spreadsheetSafe(text)).toBe(safe);
  });

  it('keeps adversarial text whole: the evidence column parses back to the exact sentences, formula-like text is marked', () => {
    const doc = adversarialGraph();
    const [row] = table(toEventsCsv(doc));
    const event = doc.nodes.find((n) => n.label === 'Event')!;
    expect(JSON.parse(row!.evidence!)).toEqual(event.label === 'Event' ? event.evidence : null);
    expect(row!.event_type).toBe('attack');
    expect(row!.place_qualifier).toBe(NASTY[1]);
    expect(row!.sources).toBe(`${NASTY[6]}; ${NASTY[3]}`);
    expect(row!.alleged_by).toBe(NASTY[0]);
    expect(spreadsheetSafe(NASTY[10])).toBe(`'${NASTY[10]}`);
  });
});
