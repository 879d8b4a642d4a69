// Query results as tables, JSON and CSV.
import { describe, expect, it } from 'vitest';
import { formatResult, valueText } from '../../src/store/format-result.ts';
import type { QueryResult, StoredNode, StoredRelationship } from '../../src/store/types.ts';

const node: StoredNode = { $type: 'node', id: 'actor:russia', label: 'Actor', properties: { id: 'actor:russia', name: 'Russia' } };
const event: StoredNode = { $type: 'node', id: 'event:x', label: 'Event', properties: { id: 'event:x' } };
const rel: StoredRelationship = { $type: 'relationship', type: 'PERPETRATED_BY', from: 'event:x', to: 'actor:russia', properties: {} };
const result: QueryResult = {
  columns: ['name', 'killed', 'when', 'aliases', 'who', 'note'],
  rows: [
    { name: 'Deir Ezzor', killed: 634, when: '2014-04', aliases: ['Deir ez-Zor', 'Dayr az Zawr'], who: node, note: null },
    { name: 'Hama, "north"', killed: null, when: null, aliases: [], who: rel, note: { a: 1 } },
  ],
  truncated: false,
};

describe('formatResult', () => {
  it('prints an aligned table: numbers right, nulls as null, graph elements in Cypher form', () => {
    expect(formatResult(result, 'table').text.split('\n')).toEqual([
      'name          | killed | when    | aliases                     | who                                         | note',
      '--------------+--------+---------+-----------------------------+---------------------------------------------+-------',
      'Deir Ezzor    |    634 | 2014-04 | [Deir ez-Zor, Dayr az Zawr] | (:Actor actor:russia "Russia")              | null',
      'Hama, "north" |   null | null    | []                          | (event:x)-[:PERPETRATED_BY]->(actor:russia) | {a: 1}',
      '',
    ]);
  });

  it('cuts long cells in tables and says so', () => {
    const long = { columns: ['t'], rows: [{ t: 'x'.repeat(100) }], truncated: false };
    const out = formatResult(long, 'table', { maxCell: 10 });
    expect(out.cut).toBe(true);
    expect(out.text.split('\n')[2]).toBe('xxxxxxxxx…');
  });

  it('prints JSON rows as the store returned them', () => {
    expect(JSON.parse(formatResult(result, 'json').text)).toEqual(result.rows);
  });

  it('prints RFC 4180 CSV: ids for nodes, lists joined, nulls empty, quotes doubled', () => {
    expect(formatResult(result, 'csv').text).toBe(
      ['name,killed,when,aliases,who,note', 'Deir Ezzor,634,2014-04,Deir ez-Zor; Dayr az Zawr,actor:russia,', '"Hama, ""north""",,,,(event:x)-[:PERPETRATED_BY]->(actor:russia),"{""a"":1}"', ''].join('\r\n'),
    );
  });

  it('prints paths with the direction of each relationship', () => {
    expect(valueText({ $type: 'path', nodes: [event, node], relationships: [rel] })).toBe('(event:x)-[:PERPETRATED_BY]->(actor:russia)');
    expect(valueText({ $type: 'path', nodes: [node, event], relationships: [rel] })).toBe('(actor:russia)<-[:PERPETRATED_BY]-(event:x)');
  });
});
