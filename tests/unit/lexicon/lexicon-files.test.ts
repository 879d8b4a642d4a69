// The knowledge files: each validates against its schema, names cross-reference, the lexicon is
// broad, and the committed gazetteer is exactly what scripts/build-gazetteer.ts generates.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActorsFile, ClaimCuesFile, CoreferenceFile, EventTriggersFile, NamePatternsFile, PlacesFile } from '../../../src/lexicon/schema.ts';
import { DEFAULT_LEXICON_DIR, loadLexicon } from '../../../src/lexicon/load-lexicon.ts';
import { gazetteerText } from '../../../scripts/build-gazetteer.ts';
import { ROOT } from '../../helpers.ts';

const read = (name: string) => JSON.parse(readFileSync(path.join(DEFAULT_LEXICON_DIR, name), 'utf8')) as unknown;

describe('data/lexicons', () => {
  it.each([
    ['actors.json', ActorsFile],
    ['places.json', PlacesFile],
    ['event-triggers.json', EventTriggersFile],
    ['claim-cues.json', ClaimCuesFile],
    ['coreference.json', CoreferenceFile],
    ['name-patterns.json', NamePatternsFile],
  ] as const)('%s validates against its schema', (name, schema) => {
    const r = schema.safeParse(read(name));
    expect(r.success, r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3))).toBe(true);
  });

  it('loads as one lexicon with every cross-reference resolved', async () => {
    const lex = await loadLexicon();
    expect(lex.actors.length).toBeGreaterThanOrEqual(300);
    expect(lex.places.length).toBeGreaterThanOrEqual(300);
    expect(lex.places.filter((p) => p.kind === 'governorate')).toHaveLength(14);
    for (const p of lex.places) if (p.kind !== 'country') expect(p.within, p.name).not.toBeNull();
  });

  it('covers the conflict as a whole', async () => {
    const lex = await loadLexicon();
    const names = new Set(lex.actors.map((a) => a.name));
    for (const n of ['Assad regime', 'SANA', 'Russia', 'Russian Defense Ministry', 'Russian Reconciliation Centre', 'Iran', 'Islamic Revolutionary Guard Corps', 'Iranian-backed militias', 'Hezbollah', 'Turkey', 'United States', 'International anti-ISIS coalition', 'ISIS', 'Jabhat al-Nusra', 'Jabhat Fateh al-Sham', 'Hayat Tahrir al-Sham', 'Free Syrian Army', 'Syrian National Army', 'Syrian Democratic Forces', "People's Protection Units", 'Democratic Union Party', 'Syrian Coalition', 'United Nations', 'UN Security Council', 'UN Secretary-General', 'UN Special Envoy for Syria', 'OCHA', 'Commission of Inquiry on Syria', 'Syrian Observatory for Human Rights', 'Syrian Network for Human Rights', 'Violations Documentation Center', 'Airwars', 'Human Rights Watch', 'Amnesty International', 'International Committee of the Red Cross', 'MSF', 'Syrian American Medical Society', 'White Helmets', 'Syrian Arab Red Crescent']) {
      expect(names, n).toContain(n);
    }
  });

  it('keeps the Nusra lineage in date order', async () => {
    const lex = await loadLexicon();
    const by = new Map(lex.actors.map((a) => [a.name, a]));
    expect(by.get('Jabhat al-Nusra')).toMatchObject({ renamedTo: 'Jabhat Fateh al-Sham', validTo: '2016-07-28' });
    expect(by.get('Jabhat Fateh al-Sham')).toMatchObject({ renamedTo: 'Hayat Tahrir al-Sham', validFrom: '2016-07-28', validTo: '2017-01-28' });
    expect(by.get('Hayat Tahrir al-Sham')).toMatchObject({ validFrom: '2017-01-28' });
  });

  it('has every spelling variant of Deir Ezzor the reports use', async () => {
    const lex = await loadLexicon();
    const dez = lex.places.find((p) => p.name === 'Deir Ezzor');
    for (const v of ['Deir ez-Zor', 'Deir e-Zor', 'Deir al-Zour', 'Dayr az-Zawr', 'دير الزور']) expect(dez?.aliases).toContain(v);
  });

  it('commits the gazetteer exactly as the build script generates it', () => {
    expect(readFileSync(path.join(ROOT, 'data/lexicons/places.json'), 'utf8')).toBe(gazetteerText());
  });
});
