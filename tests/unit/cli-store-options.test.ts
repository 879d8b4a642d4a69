// Parsing the store commands' arguments: --param values and --store kinds.
import { describe, expect, it } from 'vitest';
import { parseParam } from '../../src/cli/commands/query.ts';
import { parseBufferMb, parseStoreKind } from '../../src/store/open-store.ts';

describe('--param name=value', () => {
  it.each([
    ['actor=actor:russia', { actor: 'actor:russia' }],
    ['limit=10', { limit: 10 }],
    ['share=0.5', { share: 0.5 }],
    ['strict=true', { strict: true }],
    ['name="123"', { name: '123' }],
    ['ids=["a","b"]', { ids: ['a', 'b'] }],
    ['text=a=b', { text: 'a=b' }],
    ['empty=', { empty: '' }],
  ])('reads %s', (arg, want) => {
    expect(parseParam(arg)).toEqual(want);
  });

  it('adds to the parameters given before', () => {
    expect(parseParam('b=2', { a: 1 })).toEqual({ a: 1, b: 2 });
  });

  it.each(['oops', '=1', '1x=2', 'a-b=3'])('refuses %s', (arg) => {
    expect(() => parseParam(arg)).toThrow(/--param takes name=value/);
  });
});

describe('--store', () => {
  it('takes embedded or neo4j', () => {
    expect(parseStoreKind('embedded')).toBe('embedded');
    expect(parseStoreKind('neo4j')).toBe('neo4j');
    expect(() => parseStoreKind('mongo')).toThrow(/--store must be one of embedded, neo4j, not "mongo"/);
  });
});

describe('--buffer-mb', () => {
  it('takes a whole number of MiB, 64 or more', () => {
    expect(parseBufferMb('3072')).toBe(3072);
    expect(parseBufferMb('64')).toBe(64);
    for (const bad of ['0', '63', '1.5', '-512', 'lots', '', '1e4']) expect(() => parseBufferMb(bad), bad).toThrow(/--buffer-mb takes a whole number of MiB, 64 or more/);
  });
});
