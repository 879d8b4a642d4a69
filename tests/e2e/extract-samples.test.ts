// `kg extract` on the sample reports, run as a user runs it: a valid document with one Source per
// report, their titles and dates, no boilerplate in any Source text, every evidence span quoting
// its Source exactly, and byte-identical output on a second run.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphDocument, type GraphDocument as Doc, type SourceNode } from '../../src/model/schema.ts';
import { runKg, SAMPLE_REPORTS, type CliRun } from '../helpers.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kg-extract-'));
let first: CliRun;
let doc: Doc;
let bytes: string;

beforeAll(() => {
  first = runKg(['extract', SAMPLE_REPORTS, '--out', path.join(tmp, 'a.json')]);
  bytes = readFileSync(path.join(tmp, 'a.json'), 'utf8');
  doc = JSON.parse(bytes) as Doc;
});

const sources = () => doc.nodes.filter((n): n is SourceNode => n.label === 'Source');

describe('kg extract data/reports', () => {
  it('exits 0 and prints a summary by label and type to stderr', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toMatch(/5 reports read, 0 files skipped/);
    expect(first.stderr).toMatch(/nodes: \d+ \(Actor \d+, Event \d+, Place \d+, Source 5\)/);
    expect(first.stderr).toMatch(/edges: \d+ \(.*CONDEMNED \d+/);
  });

  it('writes a document the zod schema accepts', () => {
    const r = GraphDocument.safeParse(doc);
    expect(r.success, r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3))).toBe(true);
  });

  it('has a Source for every report with its title and publication date', () => {
    const byFile = Object.fromEntries(sources().map((s) => [s.file, s]));
    expect(Object.keys(byFile).sort()).toEqual(['000_67c038d2eeca5eb4.txt', '001_e5ab96e13866e798.txt', '002_baaa9c15dd6aea82.txt', '003_fb94c054aac3d308.txt', '004_e05679d919b79c5b.txt']);
    expect(byFile['000_67c038d2eeca5eb4.txt']).toMatchObject({ title: 'Activists in Raqqa & Deir Ezzor Press UN to Ensure Civilian Protection', published: '2017-01-12' });
    expect(byFile['001_e5ab96e13866e798.txt']!.title).toMatch(/^After ignoring the massacres of Deir Ezzor/);
    expect(byFile['001_e5ab96e13866e798.txt']!.published).toBeNull();
    expect(byFile['002_baaa9c15dd6aea82.txt']).toMatchObject({ title: 'New Massacre by Int’l Anti-ISIS Coalition Against Civilians in Deir Ezzor' });
    expect(['2018-07-13', '2018-07-14']).toContain(byFile['002_baaa9c15dd6aea82.txt']!.published);
    expect(byFile['003_fb94c054aac3d308.txt']).toMatchObject({ title: 'Deir e-Zor battles intensify, residents launch plea for help', published: '2014-06-11' });
    expect(byFile['004_e05679d919b79c5b.txt']!.published).toBe('2017-10-05');
    for (const s of sources()) expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('leaves no web boilerplate in any Source text', () => {
    const junk = [
      /Leave a (Reply|Comment)/i, /You are commenting using/i, /Connecting to %s/, /Log Out/i, /Google\+ photo/i, /Fill in your details/i,
      /النسخ ممنوع/, /^error:/im, /\d+ min read/i, /Share this article/i, /^Home (press releases|Media Center)/im, /Items filtered by date/i,
      /Language \/ /, /Written by/i, /\[…\]/, /\.jpg/i, /Photo courtesy/i, /^Coalition News$/m, /In Coalition News/,
    ];
    for (const s of sources()) for (const re of junk) expect(s.text, `${s.file}: ${re}`).not.toMatch(re);
  });

  it('keeps the report bodies whole', () => {
    const all = sources().map((s) => s.text).join('\n');
    expect(all).toContain('Aircraft of the international anti-ISIS coalition bombed an ice factory in eastern rural Deir Ezzor last night.');
    expect(all).toContain('The jihadist fighters have not won any advances against the regime, and the Free Army attacked regime sites with homemade bombs.');
  });

  it('gives every evidence span offsets that slice its Source text to the quoted sentence', () => {
    const text = new Map(sources().map((s) => [s.id, s.text]));
    const evidence = [...doc.edges.flatMap((e) => e.evidence), ...doc.nodes.flatMap((n) => (n.label === 'Event' ? n.evidence : []))];
    expect(evidence.length).toBeGreaterThan(10);
    for (const ev of evidence) expect(text.get(ev.source)!.slice(ev.start, ev.end)).toBe(ev.text);
  });

  it('finds actors, places, events and a condemnation with its evidence', () => {
    const ids = new Set(doc.nodes.map((n) => n.id));
    for (const id of ['actor:russia', 'actor:syrian-coalition', 'actor:assad-regime', 'actor:isis', 'place:deir-ezzor', 'place:alashara']) expect(ids, id).toContain(id);
    expect(doc.nodes.some((n) => n.label === 'Event' && n.eventType === 'airstrike')).toBe(true);
    const condemned = doc.edges.find((e) => e.id === 'CONDEMNED:actor:syrian-coalition->actor:russia');
    expect(condemned?.evidence.some((e) => /condemn/i.test(e.text))).toBe(true);
  });

  it('writes byte-identical output on a second run', () => {
    const again = runKg(['extract', SAMPLE_REPORTS, '--out', path.join(tmp, 'b.json')]);
    expect(again.status).toBe(0);
    expect(readFileSync(path.join(tmp, 'b.json'), 'utf8')).toBe(bytes);
  });
});

describe('kg extract with bad inputs', () => {
  it('skips bad files with a reason naming each, keeps the good ones, and exits 2', () => {
    const out = path.join(tmp, 'mixed.json');
    const r = runKg(['extract', path.join(SAMPLE_REPORTS, '000_67c038d2eeca5eb4.txt'), path.join(SAMPLE_REPORTS, '../../tests/fixtures/ingest'), '--out', out]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/skipped image\.txt: binary content.*\[BINARY\]/);
    expect(r.stderr).toMatch(/skipped records\.jsonl#2: line 2 is not valid JSON/);
    expect(r.stderr).toMatch(/skipped empty\.txt: empty file \[EMPTY\]/);
    const d = JSON.parse(readFileSync(out, 'utf8')) as Doc;
    const files = d.nodes.filter((n): n is SourceNode => n.label === 'Source').map((s) => s.file).sort();
    expect(files).toEqual(['000_67c038d2eeca5eb4.txt', 'array.json#1', 'array.json#2', 'article.html', 'records.jsonl#1', 'records.jsonl#3', 'single.json', 'statement.md', 'wire-story.txt']);
  });

  it('fails with a clear message for an input that does not exist', () => {
    const r = runKg(['extract', '/nonexistent/reports', '--out', path.join(tmp, 'x.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\/nonexistent\/reports: cannot read this input .*\[E_INPUT_MISSING\]/);
  });
});

describe('kg schema', () => {
  it('prints the JSON Schema on stdout', () => {
    const r = runKg(['schema']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout) as { title: string };
    expect(schema.title).toMatch(/graph document/);
  });
});
