// The token trie: longest match, prefixes, exact case, lost apostrophes.
import { describe, expect, it } from 'vitest';
import { AliasIndex } from '../../../src/lexicon/alias-index.ts';
import { tokenize } from '../../../src/extract/tokens.ts';

function find(idx: AliasIndex<string>, text: string) {
  return idx.find(tokenize(text), text).map((h) => `${h.surface}=${h.entry}`);
}

describe('AliasIndex', () => {
  const idx = new AliasIndex<string>(true);
  idx.add('Deir Ezzor', 'DEZ');
  idx.add('Deir Ezzor 24', 'D24');
  idx.add('bomb*', 'BOMB');
  idx.add('IS', 'ISIS', true);
  idx.add('Assad regime', 'REGIME');
  idx.add('Da’esh', 'ISIS');

  it.each([
    ['the longest match wins', 'Deir Ezzor 24 reported from Deir Ezzor.', ['Deir Ezzor 24=D24', 'Deir Ezzor=DEZ']],
    ['hyphens and spaces are alike', 'in Deir-Ezzor', ['Deir-Ezzor=DEZ']],
    ['a prefix matches words it begins', 'they bombed it after the bombardment', ['bombed=BOMB', 'bombardment=BOMB']],
    ['case-sensitive forms match as written', 'IS fighters, as is known', ['IS=ISIS']],
    ['apostrophe variants are alike', "Da'esh and Da’esh", ["Da'esh=ISIS", 'Da’esh=ISIS']],
    ['a lost apostrophe', 'the Assad regimes crimes', ['Assad regimes=REGIME']],
    ['accents are folded', 'Déir Ézzor', ['Déir Ézzor=DEZ']],
  ])('%s', (_what, text, expected) => {
    expect(find(idx, text)).toEqual(expected);
  });

  it('does not strip a plural where apostrophes are not expected', () => {
    const places = new AliasIndex<string>();
    places.add('Homs', 'HOMS');
    expect(find(places, 'Homs')).toEqual(['Homs=HOMS']);
    expect(find(places, 'Hom')).toEqual([]);
  });
});
