// A seeded, deterministic corpus of realistic reports for the benchmark: press releases, wire
// stories and monitor bulletins written from templates over the lexicons (real actor and place
// names), with boilerplate lines, dates, casualty phrases and reported speech, 0.5-4 KB long,
// plus the sample reports repeated. The same seed and count always give the same files.
// Run: npx tsx scripts/bench/generate-corpus.ts <count> <out-dir> [--seed n]
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** mulberry32: small, fast, and the same sequence on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Names {
  perpetrators: string[];
  speakers: string[];
  monitors: string[];
  towns: string[];
  governorates: string[];
  samples: string[];
}

async function loadNames(): Promise<Names> {
  const actors = JSON.parse(await readFile(path.join(ROOT, 'data/lexicons/actors.json'), 'utf8')).actors as { name: string; kind: string }[];
  const places = JSON.parse(await readFile(path.join(ROOT, 'data/lexicons/places.json'), 'utf8')).places as { name: string; kind: string }[];
  const of = (kinds: string[]) => actors.filter((a) => kinds.includes(a.kind)).map((a) => a.name);
  const sampleDir = path.join(ROOT, 'data/reports');
  const samples = await Promise.all((await readdir(sampleDir)).sort().map((f) => readFile(path.join(sampleDir, f), 'utf8')));
  return {
    perpetrators: of(['state', 'state_military', 'armed_group']),
    speakers: of(['political_org', 'civil_society', 'international_org', 'state']),
    monitors: of(['civil_society', 'media']),
    towns: places.filter((p) => ['town', 'city', 'village'].includes(p.kind)).map((p) => p.name),
    governorates: places.filter((p) => p.kind === 'governorate').map((p) => p.name),
    samples,
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function makeReport(r: () => number, n: Names, index: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const year = int(2012, 2024);
  const month = int(0, 11);
  const day = int(1, 28);
  const dateLine = `${day} ${MONTHS[month]} ${year}`;
  const a = pick(n.perpetrators);
  const b = pick(n.perpetrators.filter((x) => x !== a));
  const speaker = pick(n.speakers);
  const monitor = pick(n.monitors);
  const gov = pick(n.governorates);
  const casualty = () =>
    pick([`at least ${int(2, 60)} civilians`, `nearly ${int(10, 200)} people`, `more than ${int(3, 40)} civilians`, 'dozens of civilians', `${int(2, 9)} children`, 'a woman and her two children']);
  const eventSentence = () => {
    const town = pick(n.towns);
    return pick([
      `${a} warplanes bombed ${town} in ${gov} on ${pick(WEEKDAYS)}, killing ${casualty()} and injuring ${int(3, 80)} others.`,
      `Artillery shelling by ${a} hit residential neighbourhoods of ${town} last night, killing ${casualty()}.`,
      `Clashes between ${a} and ${b} broke out near ${town} in the eastern countryside of ${gov}.`,
      `An airstrike on a market in ${town} killed ${casualty()}, according to local sources.`,
      `Hundreds of families fled ${town} after days of shelling, ${monitor} said.`,
      `A car bomb exploded in the centre of ${town} on ${dateLine}, killing ${casualty()}.`,
    ]);
  };
  const claimSentence = () =>
    pick([
      `${speaker} accused ${a} of deliberately targeting civilians in ${gov}.`,
      `${speaker} condemned the attack and called on ${pick(n.speakers)} to act to protect civilians.`,
      `"These crimes must not go unpunished," a spokesman for ${speaker} said, holding ${a} responsible.`,
      `${speaker} said in a statement that ${a} had committed a massacre in ${pick(n.towns)}.`,
      `${b} denied any involvement in the bombing, ${monitor} reported.`,
      `The United Nations called on all parties to respect international humanitarian law.`,
    ]);
  const filler = () =>
    pick([
      `The area has seen repeated escalation since the start of the year, and humanitarian access remains limited.`,
      `Medical workers said hospitals in the region were overwhelmed and short of supplies.`,
      `Residents described the situation as catastrophic, with many families sleeping in the open.`,
      `The ceasefire announced earlier this month has largely collapsed in the area.`,
      `Local councils appealed for shelters, food and fuel as temperatures dropped.`,
    ]);
  const style = index % 3;
  const target = int(500, 4000);
  const lines: string[] = [];
  if (style === 0) {
    lines.push(`${speaker} condemns ${a} attacks on ${gov}`, '', `${dateLine} In Press Releases`, '');
  } else if (style === 1) {
    lines.push(`${a} strikes kill civilians in ${gov}`, '', `${gov.toUpperCase()}, Syria, ${MONTHS[month]} ${day} (Wire) -`, '');
  } else {
    lines.push(`Daily bulletin: ${gov}`, '', `${dateLine}`, '', `${monitor} documented the following incidents.`, '');
  }
  let size = lines.join('\n').length;
  while (size < target) {
    const para = [eventSentence(), r() < 0.6 ? claimSentence() : filler(), filler()].join(' ');
    lines.push(para, '');
    size += para.length + 2;
  }
  lines.push(pick(['Share this: Facebook Twitter WhatsApp', 'Leave a Reply', 'Related news', 'Subscribe to our newsletter']));
  lines.push(`Ref ${index}`);
  return lines.join('\n');
}

/** Write `count` reports into `outDir` (every 50th a sample report, made distinct). Returns total bytes. */
export async function generateCorpus(count: number, outDir: string, seed = 1): Promise<number> {
  const names = await loadNames();
  const r = rng(seed);
  let bytes = 0;
  const perDir = 1000;
  for (let i = 0; i < count; i++) {
    const dir = path.join(outDir, `batch-${String(Math.floor(i / perDir)).padStart(4, '0')}`);
    if (i % perDir === 0) await mkdir(dir, { recursive: true });
    const text = i % 50 === 49 ? `${names.samples[(i / 50) % names.samples.length | 0]}\n\nRef ${i}` : makeReport(r, names, i);
    bytes += Buffer.byteLength(text);
    await writeFile(path.join(dir, `report-${String(i).padStart(6, '0')}.txt`), text);
  }
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count, out] = process.argv.slice(2);
  const seedAt = process.argv.indexOf('--seed');
  if (!count || !out) {
    process.stderr.write('usage: tsx scripts/bench/generate-corpus.ts <count> <out-dir> [--seed n]\n');
    process.exit(1);
  }
  const bytes = await generateCorpus(Number(count), out, seedAt > 0 ? Number(process.argv[seedAt + 1]) : 1);
  process.stderr.write(`wrote ${count} reports, ${(bytes / 1048576).toFixed(1)} MB, to ${out}\n`);
}
