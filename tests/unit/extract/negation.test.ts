// Negation and distance: a claim denied, declined, wished for or put at a distance is no claim.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledLexicon } from '../../../src/lexicon/compile-lexicon.ts';
import { extractText, fixtureLexicon, pairs, eventsOf } from './fixture-lexicon.ts';

let lex: CompiledLexicon;
beforeAll(async () => {
  lex = await fixtureLexicon();
});

describe('no accusation, condemnation or call', () => {
  it.each([
    ['a negated cue', 'The Syrian Coalition did not condemn Russia.'],
    ['refused to', 'Iraq refused to condemn the Assad regime.'],
    ['without apportioning blame', 'The United Nations condemned the violence without apportioning blame to Russia.'],
    ['declining to identify suspected perpetrators', 'The United Nations deplored the attack, declining to identify suspected perpetrators such as Russia or the Assad regime.'],
    ['a denial of claims', 'Local activists denied claims that ISIS committed the massacre.'],
    ['a condemnation wished for in a call', 'The Syrian Coalition called on the United Nations to condemn Russia.'],
    ['an obligation', 'The international community must condemn the Assad regime.'],
    ['no indication that', 'The US-led coalition said there was no indication that its strikes killed civilians in Deir Ezzor.'],
    ['a hypothetical', 'The Syrian Coalition warned that Russia could commit new massacres if the world stays silent.'],
    ['a condition', 'If the Assad regime commits another massacre, the United Nations will respond.'],
    ['an unverified claim', 'The United Nations said it could not verify claims that ISIS executed 20 prisoners.'],
  ])('%s', (_what, text) => {
    const got = pairs(extractText(lex, text, { published: '2019-06-01' }), ['ACCUSED', 'CONDEMNED']);
    // A call in the text may stay; no accusation or condemnation may come out of negated or distanced words.
    expect(got).toEqual([]);
  });

  it('keeps the accusation of the one whose claim is dismissed, not of the one who dismisses it, and records the denial', () => {
    const doc = extractText(lex, 'Russia dismissed Amnesty’s claim that Russian jets committed war crimes in Idlib.', { published: '2019-06-01' });
    expect(pairs(doc)).toEqual(['ACCUSED Amnesty International -> Russia', 'DENIED Russia -> Amnesty International']);
  });

  it('contests the incident a denial is about', () => {
    const text = 'Russian jets struck a market in Saraqib on Tuesday, killing 15 people. The Russian Defence Ministry denied that its aircraft carried out any strikes in the area.';
    const [ev] = eventsOf(extractText(lex, text, { published: '2019-06-05' }));
    expect(ev).toMatchObject({ type: 'airstrike', place: 'Saraqib', status: 'contested', killed: [15, 15] });
  });

  it('does not contest an incident the speaker reports when it denies something else', () => {
    const text = 'The White Helmets said the regime bombed a bakery in Saraqib on Monday, killing 11 people, and denied that rebels had fired on the town.';
    const [ev] = eventsOf(extractText(lex, text, { published: '2019-06-05' }));
    expect(ev).toMatchObject({ place: 'Saraqib', status: 'reported', perpetrators: ['Assad regime'] });
  });

  it('does not contest an incident when the denial is about something else', () => {
    const text = 'Local activists launched a social media campaign in Idlib on Monday. They denied claims that civilians in the city support ISIS.';
    const [ev] = eventsOf(extractText(lex, text, { published: '2019-06-05' }));
    expect(ev?.status).toBe('reported');
  });
});
