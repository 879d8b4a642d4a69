// Properties of ingest + extract over arbitrary text (fast-check, fixed seed): the pipeline never
// throws, every evidence offset lies inside its Source text and slices to the quoted sentence,
// the output validates against the model, and the same input gives the same bytes. Inputs mix
// arbitrary Unicode with sentences made of real lexicon names and cue words, so the extraction
// rules actually fire on them.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileLexicon, type CompiledLexicon } from '../../src/lexicon/compile-lexicon.ts';
import { extractFile } from '../../src/parallel/extract-file.ts';
import { GraphResolver } from '../../src/resolve/resolve-graph.ts';
import { GraphDocument } from '../../src/model/schema.ts';
import { serializeGraph } from '../../src/model/serialize.ts';
import { realLexicon } from '../helpers.ts';

let lex: CompiledLexicon;
beforeAll(async () => {
  lex = compileLexicon(await realLexicon());
});

const ACTORS = ['Russia', 'the Assad regime', 'ISIS', 'Hezbollah', 'the SDF', 'Amnesty International', 'the United Nations', 'Turkey', 'HTS', 'the Syrian Coalition'];
const PLACES = ['Idlib', 'Douma', 'Raqqa', 'Deir Ezzor', 'Aleppo', 'Saraqib', 'al-Bukamal'];
const VERBS = ['accused', 'condemned', 'called on', 'blamed', 'denied that', 'said that'];
const DEEDS = ['bombed', 'shelled', 'attacked', 'besieged', 'executed 12 people in'];
const WHEN = ['on Monday', 'last night', 'on 12.01.2017', 'in March 2018', 'at dawn', ''];
const COUNTS = ['killing at least 5 civilians', 'killing nearly 160 people', 'injuring dozens', 'killing a woman and her son', ''];

const sentence = fc
  .tuple(fc.constantFrom(...ACTORS), fc.constantFrom(...VERBS), fc.constantFrom(...ACTORS), fc.constantFrom(...DEEDS), fc.constantFrom(...PLACES), fc.constantFrom(...WHEN), fc.constantFrom(...COUNTS))
  .map(([a, v, b, d, p, w, c]) => `${a} ${v} ${b} ${d === 'executed 12 people in' ? 'of having' : 'after it'} ${d} ${p} ${w}${c ? `, ${c}` : ''}.`);
const noise = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\n\n', '“', '”', '"', '—', ' ', '\u200b', '\r\n', '<p>', '</div>', 'Leave a Reply', 'Mr.', 'U.S.', '...', '١٢', 'دير الزور'),
);
const report = fc.array(fc.oneof({ weight: 2, arbitrary: sentence }, { weight: 3, arbitrary: noise }), { minLength: 0, maxLength: 14 }).map((parts) => parts.join(' '));
const fileName = fc.constantFrom('r.txt', 'r.md', 'r.html', 'r.json', 'r.jsonl');

function build(files: { file: string; text: string }[]): GraphDocument {
  const resolver = new GraphResolver(lex);
  for (const f of files) for (const r of extractFile({ file: f.file, bytes: new TextEncoder().encode(f.text) }, lex).reports) resolver.add(r.fragment);
  return resolver.finish();
}

describe('ingest + extract on arbitrary text', () => {
  it('never throws, keeps every evidence span inside its source, validates, and is deterministic', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ file: fileName, text: report }), { minLength: 1, maxLength: 3 }), (inputs) => {
        const files = inputs.map((x, i) => ({ file: `${i}-${x.file}`, text: x.text }));
        // A fault inside extraction would surface as a FAILED skip rather than a throw: none may happen.
        for (const f of files) {
          const r = extractFile({ file: f.file, bytes: new TextEncoder().encode(f.text) }, lex);
          expect(r.skipped.filter((s) => s.code === 'FAILED')).toEqual([]);
        }
        const doc = build(files);
        const parsed = GraphDocument.safeParse(doc);
        expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
        const texts = new Map(doc.nodes.flatMap((n) => (n.label === 'Source' ? [[n.id, n.text] as const] : [])));
        const evidence = [...doc.edges.flatMap((e) => e.evidence), ...doc.nodes.flatMap((n) => (n.label === 'Event' ? n.evidence : []))];
        for (const ev of evidence) {
          const text = texts.get(ev.source);
          expect(text, `evidence source ${ev.source}`).toBeDefined();
          expect(ev.start).toBeGreaterThanOrEqual(0);
          expect(ev.end).toBeLessThanOrEqual(text!.length);
          expect(text!.slice(ev.start, ev.end)).toBe(ev.text);
        }
        expect(serializeGraph(build(files))).toBe(serializeGraph(doc));
      }),
      { seed: 20261122, numRuns: 150 },
    );
  }, 120_000);

  it('reads an .html file that holds no element (blank, or bare text) without a fault', () => {
    for (const text of [' ', '\n\n', 'Russia bombed Idlib on Monday, killing 5 civilians, the SNHR said in a statement today.']) {
      const r = extractFile({ file: 'bare.html', bytes: new TextEncoder().encode(text) }, lex);
      expect(r.skipped.filter((s) => s.code === 'FAILED')).toEqual([]);
      expect(r.reports.length + r.skipped.length).toBe(1);
    }
  });

  it('fires the rules on the generated sentences (so the property is not vacuous)', () => {
    const samples = fc.sample(fc.array(sentence, { minLength: 3, maxLength: 6 }).map((s) => s.join(' ')), { seed: 7, numRuns: 30 });
    const doc = build(samples.map((text, i) => ({ file: `s${i}.txt`, text })));
    const claims = doc.edges.filter((e) => e.type === 'ACCUSED' || e.type === 'CONDEMNED' || e.type === 'CALLED_ON');
    expect(claims.length).toBeGreaterThan(5);
    expect(doc.nodes.filter((n) => n.label === 'Event').length).toBeGreaterThan(5);
  });
});
