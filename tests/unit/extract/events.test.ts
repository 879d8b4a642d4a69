// Events by table: type (means over label), place, date, casualties, perpetrators as alleged,
// one event per incident, several incidents in one sentence, and what is not an incident.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledLexicon } from '../../../src/lexicon/compile-lexicon.ts';
import { extractText, fixtureLexicon, eventsOf } from './fixture-lexicon.ts';

let lex: CompiledLexicon;
beforeAll(async () => {
  lex = await fixtureLexicon();
});

const ev = (type: string, place: string | null, date: string | null, perpetrators: string[], killed: [number | null, number | null] = [null, null]) => ({ type, place, date, perpetrators, killed });
const strip = (rows: ReturnType<typeof eventsOf>) => rows.map(({ status: _s, ...rest }) => rest).sort((a, b) => (a.place ?? '').localeCompare(b.place ?? ''));

describe('events', () => {
  it.each([
    ['an airstrike called a massacre is an airstrike', 'Russian jets committed a massacre in Saraqib on Wednesday, killing 50 civilians.', '2019-06-06', [ev('airstrike', 'Saraqib', '2019-06-05', ['Russia'], [50, 50])]],
    ['"aircraft of X bombed" and a qualifier', 'Aircraft of the international coalition bombed a factory in eastern rural Deir Ezzor last night.', '2018-07-13', [ev('airstrike', 'Deir Ezzor', '2018-07-12', ['International anti-ISIS coalition'])]],
    ['passive "by X" with a list', 'At least 4 people died in shelling by regime forces and Russian forces in Alwaer on Sunday.', '2016-11-07', [ev('shelling', 'Al-Waer', '2016-11-06', ['Assad regime', 'Russia'], [4, null])]],
    ['clashes between two sides', 'Clashes between ISIS and regime forces broke out in Deir Ezzor.', '2014-06-11', [ev('clashes', 'Deir Ezzor', null, ['Assad regime', 'ISIS'])]],
    ['two incidents in one sentence', 'Russian jets killed five people in Saraqib and two others in Maarat al-Numan.', '2018-02-05', [ev('airstrike', 'Maarat al-Numan', null, ['Russia'], [2, 2]), ev('airstrike', 'Saraqib', null, ['Russia'], [5, 5])]],
    ['one incident told twice is one event', 'Jets of the Russian occupation forces bombed Alashara on Wednesday. The airstrike has caused a massacre claiming the lives of dozens of civilians.', '2017-10-05', [ev('airstrike', 'Alashara', '2017-10-04', ['Russia'], [12, null])]],
    ['a number replaces a word for the same incident', 'Russian airstrikes on Deir Ezzor killed dozens of civilians. The Russian airstrikes on rural Deir Ezzor killed nearly 160 civilians.', '2017-10-05', [ev('airstrike', 'Deir Ezzor', null, ['Russia'], [null, 160])]],
    ['a civic campaign and who launched it', 'Local activists launched a social media campaign in Idlib on Tuesday.', '2014-06-11', [ev('campaign', 'Idlib', '2014-06-10', ['Activists'])]],
  ])('%s', (_what, text, published, expected) => {
    expect(strip(eventsOf(extractText(lex, text, { published })))).toEqual(expected);
  });

  it.each([
    ['an ongoing state', 'Civilians in Deir Ezzor are subjected to daily bombardment.'],
    ['a wish', 'Activists called for stopping the bombing of Saraqib.'],
    ['a question', 'Are there any battles between ISIS and the regime in Deir Ezzor?'],
    ['a trigger with nothing to place it', 'The airstrikes did not cause ISIS militants to retreat.'],
    ['a tally of attacks with no place', 'Amnesty International documented 18 attacks by Russian forces between May and February.'],
  ])('no event: %s', (_what, text) => {
    expect(eventsOf(extractText(lex, text, { published: '2019-06-01' }))).toEqual([]);
  });

  it.each([
    ['eastern rural Deir Ezzor', 'Coalition jets bombed a factory in eastern rural Deir Ezzor last night.', 'eastern rural'],
    ['the western countryside, after the governorate is named', 'Fighting went on in Deir Ezzor. ISIS shelled the western countryside on Tuesday, killing four people.', 'western countryside'],
  ])('a hedge on where is the governorate with a qualifier, never a new place: %s', (_what, text, qualifier) => {
    const doc = extractText(lex, text, { published: '2018-07-13' });
    const events = doc.nodes.filter((n) => n.label === 'Event');
    expect(events.map((e) => e.label === 'Event' && e.placeQualifier)).toEqual([qualifier]);
    expect(doc.edges.filter((e) => e.type === 'OCCURRED_IN').map((e) => e.to)).toEqual(['place:deir-ezzor']);
    expect(doc.nodes.filter((n) => n.label === 'Place').map((n) => n.id)).toEqual(['place:deir-ezzor']);
  });

  it('records who alleges the perpetrator', () => {
    const doc = extractText(lex, 'Amnesty International said Russian jets bombed a hospital in Saraqib on Monday.', { published: '2019-06-04' });
    const perp = doc.edges.find((e) => e.type === 'PERPETRATED_BY');
    expect(perp?.to).toBe('actor:russia');
    expect(perp?.evidence[0]?.attributedTo).toBe('actor:amnesty-international');
  });

  it('fills the perpetrator of a condemned attack from the accusation that follows', () => {
    const text = 'The United Nations condemns the bombing of a school in Saraqib today. It blames ISIS for the deaths of the pupils.';
    const doc = extractText(lex, text, { published: '2018-07-25' });
    expect(strip(eventsOf(doc))).toEqual([ev('airstrike', 'Saraqib', '2018-07-25', ['ISIS'])]);
    expect(doc.edges.some((e) => e.id === 'CONDEMNED:actor:united-nations->actor:isis')).toBe(true);
  });
});
