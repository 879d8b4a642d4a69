// Rules for failure classes met on reports the extractor had never seen, each as a table of cases
// with the real lexicon: victims and targets are not perpetrators, actors merely named in a
// sentence are not accused, monitors are sources and not agents, a denial contests only the
// incident it names, places the gazetteer lacks, nominal events, NGO forms of accusation,
// executions and casualty phrases, dates in datelines and spans.
import { beforeAll, describe, expect, it } from 'vitest';
import { compileLexicon, type CompiledLexicon } from '../../../src/lexicon/compile-lexicon.ts';
import { readCasualties } from '../../../src/extract/casualties.ts';
import { resolveDate } from '../../../src/extract/resolve-date.ts';
import { findMentions, sentenceTokens } from '../../../src/extract/mentions.ts';
import { splitSentences } from '../../../src/ingest/split-sentences.ts';
import { realLexicon } from '../../helpers.ts';
import { eventsOf, extractText, pairs } from './fixture-lexicon.ts';

let lex: CompiledLexicon;
beforeAll(async () => {
  lex = compileLexicon(await realLexicon());
});

const perpsOf = (text: string, published = '2019-05-10') => eventsOf(extractText(lex, text, { published })).map((e) => e.perpetrators);

describe('victims and targets are not perpetrators', () => {
  it.each([
    ['"killed four fighters of X"', 'ISIS militants killed four fighters of the Syrian Democratic Forces in an ambush near Hajin on Tuesday.', [['ISIS']]],
    ['"killed members of X"', 'Regime forces killed members of Hayat Tahrir al-Sham near Saraqib on Monday.', [['Assad regime']]],
    ['"targeting X positions"', 'Russian jets carried out airstrikes targeting HTS positions near Kafranbel on Sunday.', [['Russia']]],
    ['"struck positions of the X militia"', 'Turkish jets struck positions of the YPG militia near Afrin on Friday.', [['Turkey']]],
    ['"killed two soldiers of the regime army"', 'Unidentified gunmen killed two soldiers of the regime army near Tafas on Friday.', [[]]],
    ['"terrorists from X shelled" names X', 'Terrorists from Hayat Tahrir al-Sham shelled the town of Suqaylabiyah on Monday.', [['Hayat Tahrir al-Sham']]],
    ['"killed fighters from X" does not', 'Russian jets killed 9 fighters from Hayat Tahrir al-Sham near Kafranbel on Monday.', [['Russia']]],
    ['"clashed with rebels of X" names X', 'Hezbollah fighters clashed with rebels of the Free Syrian Army near Zabadani on Thursday.', [['Free Syrian Army', 'Hezbollah']]],
    ['"X clashed with Y" names both sides', 'Hezbollah fighters clashed with the Free Syrian Army near Zabadani on Thursday.', [['Free Syrian Army', 'Hezbollah']]],
  ])('%s', (_what, text, expected) => {
    expect(perpsOf(text)).toEqual(expected);
  });
});

describe('monitors and reporters are sources, never perpetrators', () => {
  it.each([
    ['"SOHR sources reported that ..."', 'SOHR sources reported that regime helicopters dropped barrel bombs on Latamneh on Monday.', [['Assad regime']]],
    ['"according to the Syrian Observatory"', 'According to the Syrian Observatory, Russian warplanes struck Ariha on Friday, killing 5 people.', [['Russia']]],
    ['"the Syrian Network for Human Rights documented"', 'The Syrian Network for Human Rights documented an airstrike on Binnish on Sunday that killed 3 people.', [[]]],
  ])('%s', (_what, text, expected) => {
    expect(perpsOf(text)).toEqual(expected);
  });
});

describe('actors merely named are not accused', () => {
  it.each([
    ['"brokered by X, Y and Z" in a press release', 'Syrian Coalition\n\nThe Coalition said the massacre came in an area covered by the de-escalation agreement brokered by Turkey, Russia and Iran.', []],
    ['"the regime, backed by Russia and Iran, committed" accuses the regime only', 'Syrian Coalition\n\nThe Coalition said that the Assad regime, backed by Russia and Iran, committed a new massacre in Douma on Tuesday, killing 25 civilians.', ['ACCUSED Syrian Coalition -> Assad regime']],
    ['"de-escalation" is no escalation', 'Syrian Coalition\n\nThe Coalition stressed that Turkey must keep the de-escalation zone.', []],
    ['a call on the international community to stop the bombing accuses it of nothing', 'The White Helmets called on the international community to stop the bombing of civilians.', ['CALLED_ON White Helmets -> International community']],
    ['a call on a warring party to stop the bombing does', 'The White Helmets called on Russia to stop the bombing of civilians.', ['ACCUSED White Helmets -> Russia', 'CALLED_ON White Helmets -> Russia']],
  ])('%s', (_what, text, expected) => {
    expect(pairs(extractText(lex, text, { published: '2018-03-01' }))).toEqual(expected);
  });
});

describe('a denial contests only the incident it names', () => {
  it('"The YPG denied firing rockets" leaves an airstrike before it reported', () => {
    const doc = extractText(lex, 'Turkish jets bombed a village near Afrin on Friday, killing 3 people. The YPG denied firing rockets at Kilis.', { published: '2018-01-20' });
    expect(eventsOf(doc).map((e) => [e.type, e.status])).toEqual([['airstrike', 'reported']]);
    expect(pairs(doc, ['DENIED'])).toEqual([]);
  });

  it('a denial naming another place contests only the incident there', () => {
    const doc = extractText(lex, 'Gunmen killed five shepherds near the village of Kafr Sajna in rural Idlib on Monday. Russia denied that its jets were responsible for the strike on a market in Ariha on Sunday.', { published: '2019-05-14' });
    expect(eventsOf(doc).map((e) => [e.type, e.place, e.status]).sort()).toEqual([
      ['airstrike', 'Ariha', 'contested'],
      ['attack', 'Kafr Sajna', 'reported'],
    ]);
    expect(pairs(doc, ['DENIED'])).toEqual(['DENIED Russia -> airstrike in Ariha on 2019-05-12']);
  });

  it('no accusation from what is not known or not done', () => {
    const text = 'Gunmen killed five shepherds near the village of Kafr Sajna in rural Idlib on Monday. Amnesty International said it could not determine who was responsible for the killings. Human Rights Watch did not blame the killings on any party. The UN said those responsible for the attack must be held accountable.';
    expect(pairs(extractText(lex, text, { published: '2019-05-14' }), ['ACCUSED'])).toEqual([]);
  });

  it('a denied airstrike is contested, the shelling told before it is not', () => {
    const doc = extractText(lex, 'Militants shelled Aleppo city on Tuesday, killing three civilians. The Russian Defence Ministry denied reports that Russian aircraft struck a hospital in Idlib city on Monday.', { published: '2019-10-09' });
    const rows = eventsOf(doc).map((e) => [e.type, e.place, e.status]).sort();
    expect(rows).toEqual([
      ['airstrike', 'Idlib city', 'contested'],
      ['shelling', 'Aleppo city', 'reported'],
    ]);
    expect(pairs(doc, ['DENIED'])).toEqual(['DENIED Russian Defense Ministry -> airstrike in Idlib city on 2019-10-07']);
  });
});

describe('denials, later mentions and several places', () => {
  it('"denied on Sunday using chemical weapons" contests the attack; the dead told later join it', () => {
    const doc = extractText(lex, 'The Syrian army denied on Sunday using chemical weapons in the town of Douma. Rescue workers said dozens of people had died in the town on Saturday night.', { published: '2018-04-09' });
    expect(eventsOf(doc).map((e) => [e.type, e.place, e.status, e.killed])).toEqual([['chemical_attack', 'Douma', 'contested', [12, null]]]);
  });

  it('"shelled the outskirts of A and the town of B": one incident in each', () => {
    const doc = extractText(lex, 'Regime artillery shelled the outskirts of Jisr al-Shughour and the town of Saraqeb on Monday.', { published: '2019-05-14' });
    expect(eventsOf(doc).map((e) => [e.type, e.place, e.perpetrators]).sort()).toEqual([
      ['shelling', 'Jisr al-Shughur', ['Assad regime']],
      ['shelling', 'Saraqib', ['Assad regime']],
    ]);
  });

  it('a condemnation of "the killing of the three men" is of the incident with three dead, and of its perpetrator', () => {
    const text = 'Regime forces killed three men at a checkpoint near Nawa on Sunday. Gunmen killed two soldiers near Tafas. The Central Committee in Daraa condemned the killing of the three men.';
    expect(pairs(extractText(lex, text, { published: '2019-05-14' }), ['CONDEMNED'])).toEqual(['CONDEMNED Central Committee in Daraa -> Assad regime']);
  });

  it('a condemnation of a killing whose count matches no incident names no one', () => {
    const text = 'Regime forces killed three men at a checkpoint near Nawa on Sunday. The Central Committee in Daraa condemned the killing of the five men.';
    expect(pairs(extractText(lex, text, { published: '2019-05-14' }), ['CONDEMNED'])).toEqual([]);
  });
});

describe('places the gazetteer lacks, and nominal events', () => {
  it.each([
    ['"the village of X in rural Hama"', 'Regime artillery shelled the village of Kafr Sajna in rural Hama on Sunday, killing a child and his mother.', { type: 'shelling', place: 'Kafr Sajna', killed: [2, 2] }, 'Hama'],
    ['"the outskirts of X" with the governorate named', 'Russian jets struck the outskirts of Qalb Lozeh in the Idlib countryside on Monday.', { type: 'airstrike', place: 'Qalb Lozeh', killed: [null, null] }, 'Idlib'],
  ])('%s', (_what, text, expected, within) => {
    const doc = extractText(lex, text, { published: '2019-05-10' });
    expect(eventsOf(doc).map(({ type, place, killed }) => ({ type, place, killed }))).toEqual([expected]);
    const place = doc.nodes.find((n) => n.label === 'Place' && n.name === expected.place);
    expect(doc.edges.some((e) => e.type === 'LOCATED_IN' && e.from === place?.id && e.to.endsWith(within.toLowerCase()))).toBe(true);
  });

  it('"the villages of A, B and C in rural Idlib": each a place inside Idlib, the incident the province\'s', () => {
    const text = 'Regime helicopters dropped barrel bombs on the villages of Kafr Sajna, Kansafra and Abdin in rural Idlib on Monday.';
    const [sentence] = splitSentences(text);
    const { places } = findMentions(lex, sentence!, sentenceTokens(sentence!), { published: null, sourceKey: 'test', groups: new Map(), people: new Map() }, {});
    expect(places.map((p) => [p.place.name, p.place.within])).toEqual([['Kafr Sajna', 'Idlib'], ['Kansafra', 'Idlib'], ['Abdin', 'Idlib'], ['Idlib', 'Syria']]);
    expect(eventsOf(extractText(lex, text, { published: '2019-05-14' })).map((e) => e.place)).toEqual(['Idlib']);
  });

  it.each([
    ['a car bomb is an attack', 'A car bomb exploded in the town of Al-Bab on Saturday, killing 8 people.', 'attack'],
    ['an explosion of unknown cause stays other', 'An explosion hit a weapons depot in the town of Al-Bab on Saturday, killing 8 people.', 'other'],
    ['"the execution of 9 men by ISIS"', 'SOHR documented the execution of 9 men by ISIS in Raqqa city on Friday.', 'execution'],
    ['"executed 12 civilians"', 'ISIS executed 12 civilians in Raqqa city on Friday.', 'execution'],
  ])('%s', (_what, text, type) => {
    const ev = eventsOf(extractText(lex, text, { published: '2016-05-10' }));
    expect(ev.map((e) => e.type)).toEqual([type]);
    if (type === 'execution') expect(ev[0]).toMatchObject({ perpetrators: ['ISIS'], killed: [/9 men/.test(text) ? 9 : 12, /9 men/.test(text) ? 9 : 12] });
  });
});

describe('NGO forms of accusation', () => {
  it.each([
    ['"X must be held accountable for"', 'Amnesty International said the Syrian government must be held accountable for the bombing of a hospital in Idlib city.', ['ACCUSED Amnesty International -> Assad regime'], [['Assad regime']]],
    ['"blamed the killings on X" after the incident', 'Gunmen killed 6 shepherds near Palmyra on Sunday. Human Rights Watch blamed the killings on ISIS.', ['ACCUSED Human Rights Watch -> ISIS'], [['ISIS']]],
    ['"attributed the attack to X"', 'A car bomb exploded in Azaz on Saturday, killing 4 people. The Syrian Network for Human Rights attributed the attack to the Syrian Democratic Forces.', ['ACCUSED Syrian Network for Human Rights -> Syrian Democratic Forces'], [['Syrian Democratic Forces']]],
    ['"a spokesman for X said Y is responsible for"', 'A spokesman for the Free Syrian Army said the regime is responsible for the shelling of Daraa city on Monday.', ['ACCUSED Free Syrian Army -> Assad regime'], [['Assad regime']]],
    ['"holds X responsible for the bombing"', 'Amnesty International holds the Syrian government responsible for the bombing of a bakery in Aleppo city on 3 May.', ['ACCUSED Amnesty International -> Assad regime'], [['Assad regime']]],
    ['"attributed the delay to" is no accusation', 'Amnesty International attributed the delay to the Syrian Democratic Forces.', [], []],
  ])('%s', (_what, text, claims, perps) => {
    const doc = extractText(lex, text, { published: '2019-05-10' });
    expect(pairs(doc, ['ACCUSED'])).toEqual(claims);
    expect(eventsOf(doc).map((e) => e.perpetrators)).toEqual(perps);
  });

  it.each([
    ['addressees named in an appositive', 'The United Nations calls on the guarantors of the arrangement, Russia and Turkey, to ensure its full implementation.', ['CALLED_ON United Nations -> Russia', 'CALLED_ON United Nations -> Turkey']],
    ['a second verb of the sentence subject', 'The Secretary-General reminds all parties of their obligations and calls on Russia to ensure the truce holds.', ['CALLED_ON UN Secretary-General -> Russia']],
  ])('calls: %s', (_what, text, expected) => {
    expect(pairs(extractText(lex, text, { published: '2019-06-28' }), ['CALLED_ON'])).toEqual(expected);
  });

  it('"X claimed responsibility for the attack" makes X the perpetrator by its own word, and accuses no one', () => {
    const doc = extractText(lex, 'A suicide car bomb killed 10 members of the Syrian Democratic Forces in the town of Hajin on Monday. Islamic State claimed responsibility for the attack.', { published: '2018-11-20' });
    expect(eventsOf(doc).map((e) => [e.type, e.place, e.perpetrators])).toEqual([['attack', 'Hajin', ['ISIS']]]);
    expect(pairs(doc, ['ACCUSED'])).toEqual([]);
  });

  it('a source quoted by an outlet speaks, not the outlet', () => {
    const doc = extractText(lex, 'The Syrian army advanced in Douma on Monday. A military source quoted by SANA accused the rebels of shelling the city.', { published: '2018-04-10' });
    expect(pairs(doc, ['ACCUSED'])).toEqual(['ACCUSED Assad regime -> Syrian rebels']);
  });
});

describe('texts with their punctuation stripped', () => {
  const text = 'Monday 12 February 2018 Russian warplanes killed 14 civilians in airstrikes on the town of Maarat al-Numan in southern Idlib countryside on Sunday local activists said The Syrian Coalition condemned the attack and held Russia fully responsible for the massacre The Coalition called on the UN Security Council to act (Source: Syrian Coalitions Media Office)';

  it('a lost full stop before "The" ends the speaker\'s frame: the activists accuse no one of condemning', () => {
    const doc = extractText(lex, text, { published: '2018-02-12' });
    expect(pairs(doc)).toEqual(['ACCUSED Syrian Coalition -> Russia', 'CALLED_ON Syrian Coalition -> UN Security Council', 'CONDEMNED Syrian Coalition -> Russia']);
    expect(eventsOf(doc).map((e) => [e.type, e.place, e.date, e.perpetrators])).toEqual([['airstrike', 'Maarat al-Numan', '2018-02-11', ['Russia']]]);
  });

  it('"holds the regime and its Russian allies responsible for the massacre" names both', () => {
    const doc = extractText(lex, 'Syrian Coalition\n\nThe Coalition holds the Assad regime and its Russian allies responsible for the massacre in Atarib on Monday where warplanes bombed a market killing 53 civilians.', { published: '2017-11-24' });
    expect(pairs(doc, ['ACCUSED'])).toEqual(['ACCUSED Syrian Coalition -> Assad regime', 'ACCUSED Syrian Coalition -> Russia']);
    expect(eventsOf(doc).map((e) => e.perpetrators)).toEqual([['Assad regime', 'Russia']]);
  });
});

describe('names', () => {
  it('a longer name starting inside a shorter one wins ("the National Front for Liberation" is not The National)', () => {
    const doc = extractText(lex, 'Clashes broke out between HTS and the National Front for Liberation in Darat Izza on Friday.', { published: '2019-01-05' });
    expect(eventsOf(doc).map((e) => [e.perpetrators, e.place])).toEqual([[['Hayat Tahrir al-Sham', 'National Front for Liberation'], "Darat 'Izzah"]]);
  });
});

describe('casualty phrases', () => {
  it.each([
    ['killing a woman and her son', [2, 2]],
    ['a child and his mother were killed', [2, 2]],
    ['killed a senior commander of the group', [1, 1]],
    ['killed a senior commander and 12 fighters', null],
    ['shot dead nine farmers', [9, 9]],
    ['the summary execution of 12 civilians', [12, 12]],
    ['recovered the bodies of seven people', [7, 7]],
    ['killing two women', [2, 2]],
    ['documented the death of a child and his father', [2, 2]],
    ['killing dozens of civilians', [12, null]],
  ])('%s', (text, killed) => {
    const k = readCasualties(text).killed;
    expect(k ? [k.min, k.max] : null).toEqual(killed);
  });
});

describe('dates', () => {
  it.each([
    ['a dateline is the report date, not the incident', '(Beirut, June 3, 2014) - Human Rights Watch accused government forces of dropping barrel bombs on Aleppo city in May 2014.', '2014-06-03', '2014-05'],
    ['a run-together date header', 'Friday 24 November 2017 The Coalition holds the regime responsible for the massacre in Atarib on Monday where jets bombed a market', '2017-11-24', '2017-11-20'],
    ['"on the night of 3 March"', 'The men were executed on the night of 3 March.', '2019-03-12', '2019-03-03'],
    ['"at dawn on Friday"', 'Regime forces shelled the village at dawn on Friday.', '2020-05-09', '2020-05-08'],
    ['"earlier this week" is a span: the month', 'Russian warplanes bombed the city earlier this week.', '2017-09-13', '2017-09'],
    ['"last month"', 'Jets struck the town last month.', '2020-05-09', '2020-04'],
    ['a weekday opening the sentence is still the incident\'s', 'On Wednesday, airstrikes killed 12 residents in Douma.', '2018-02-07', '2018-02-07'],
  ])('%s', (_what, text, published, date) => {
    expect(resolveDate(text, published).date).toBe(date);
  });
});
