// Mentions: which words name which actor and place, by table.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledLexicon } from '../../../src/lexicon/compile-lexicon.ts';
import { findMentions, sentenceTokens, type MentionContext } from '../../../src/extract/mentions.ts';
import { fixtureLexicon } from './fixture-lexicon.ts';

let lex: CompiledLexicon;
beforeAll(async () => {
  lex = await fixtureLexicon();
});

function mentions(text: string, published: string | null = '2019-06-01') {
  const s = { start: 0, end: text.length, text };
  const ctx: MentionContext = { published, sourceKey: 'k', groups: new Map(), people: new Map() };
  const m = findMentions(lex, s, sentenceTokens(s), ctx);
  return { actors: m.actors.map((a) => `${a.surface}=${a.ref.name}`), places: m.places.map((p) => `${p.surface}=${p.place.name}${p.qualifier ? ` (${p.qualifier})` : ''}`) };
}

describe('actors', () => {
  it.each([
    ['an adjective before a noun of force', 'Russian jets bombed the town.', ['Russian jets=Russia']],
    ['an adjective before a claim noun', 'The Russian reports were denied.', ['Russian=Russia']],
    ['an adjective alone is no actor', 'A Russian journalist arrived.', []],
    ['adjectives coordinated before one noun', 'Syrian and Russian warplanes struck.', ['Syrian=Assad regime', 'Russian=Russia']],
    ['a common word unqualified', 'The regime shelled the town.', ['regime=Assad regime']],
    ['a common word qualified by another name', 'The Iraqi government objected.', ['Iraqi government=Iraq']],
    ['a capital as its government', 'Damascus rejected the report.', ['Damascus=Assad regime']],
    ['a capital as a place', 'Fighting reached Damascus on Monday.', []],
    ['a dateline is a place', 'Damascus, SANA - The ministry said.', []],
    ['anti- is not the actor', 'The anti-ISIS campaign went on.', []],
    ['X-backed is a modifier', 'Russia-backed regime forces pushed north.', ['regime forces=Assad regime']],
    ['case-sensitive acronyms', 'IS fighters and HTS fighters clashed, as is known.', ['IS=ISIS', 'HTS=Hayat Tahrir al-Sham']],
    ['an apostrophe lost to punctuation stripping', 'The Assad regimes crimes go on.', ['Assad regimes=Assad regime']],
    ['an organisation the lexicon lacks', 'The Binnish Media Office said the shelling continued.', ['Binnish Media Office=Binnish Media Office']],
    ['a person by title', 'Civil Defence spokesman Omar Haddad said the toll would rise.', ['Civil Defence=White Helmets', 'Omar Haddad=Omar Haddad']],
    ['a person by appositive', 'Khalid Niklawi, a member of the council, said so.', ['Khalid Niklawi=Khalid Niklawi']],
    ['no person from a headline-like line', 'Regime Jets Kill Civilians In Idlib Market Strike', ['Regime=Assad regime']],
  ])('%s', (_what, text, expected) => {
    expect(mentions(text).actors).toEqual(expected);
  });

  it.each([
    ['2016', '2016-04-28', 'Staffan de Mistura'],
    ['2020', '2020-02-01', 'Geir Pedersen'],
    ['no date', null, 'UN Special Envoy for Syria'],
  ])('an office names its holder on the report date (%s)', (_what, published, name) => {
    expect(mentions('The UN envoy to Syria called for restraint.', published).actors).toEqual([`UN envoy to Syria=${name}`]);
  });

  it.each([
    ['2015', '2015-05-01', 'Jabhat al-Nusra'],
    ['2019', '2019-05-01', 'Hayat Tahrir al-Sham'],
  ])('a renamed group is the identity of the report date (%s)', (_what, published, name) => {
    expect(mentions('Nusra Front fighters attacked.', published).actors).toEqual([`Nusra Front=${name}`]);
  });

  it('places a descriptive group by the place the text gives it', () => {
    expect(mentions('Activists in the district of Alwaer said the shelling went on.').actors).toEqual(['Activists=Al-Waer activists']);
  });
});

describe('places', () => {
  it.each([
    ['a gazetteer name and a variant', 'Shelling hit Saraqeb and Maaret al-Numan.', ['Saraqeb=Saraqib', 'Maaret al-Numan=Maarat al-Numan']],
    ['a qualifier stays a qualifier', 'Jets bombed eastern rural Deir ez-Zor.', ['Deir ez-Zor=Deir Ezzor (eastern rural)']],
    ['"Idlib city" is the capital too', 'Clashes broke out in Idlib city.', ['Idlib city=Idlib city']],
    ['the city of a governorate is its capital', 'Clashes broke out in the city of Idlib.', ['city of Idlib=Idlib city']],
    ['an ambiguous name needs a place cue', 'Dana said the town of Dana was hit.', ['Dana=Dana']],
    ['a place the gazetteer lacks, named as such', 'Shells fell on the village of Tah in Idlib.', ['Tah=Tah', 'Idlib=Idlib']],
  ])('%s', (_what, text, expected) => {
    expect(mentions(text).places).toEqual(expected);
  });
});
