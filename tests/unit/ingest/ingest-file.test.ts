// Ingest of each format, from small fixtures of our own: text, markdown, HTML with boilerplate,
// JSON and JSONL (with broken lines), and files that are not reports at all.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFile, type IngestResult } from '../../../src/ingest/ingest-file.ts';
import type { IngestRules } from '../../../src/lexicon/ingest-rules.ts';
import { FIXTURES, realLexicon } from '../../helpers.ts';

let rules: IngestRules;
beforeAll(async () => {
  rules = (await realLexicon()).ingest;
});

function ingest(name: string): IngestResult {
  const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, 'ingest', name)));
  return ingestFile({ file: name, bytes }, rules);
}

function only(name: string) {
  const r = ingest(name);
  expect(r.skipped).toEqual([]);
  expect(r.reports).toHaveLength(1);
  return r.reports[0]!;
}

describe('plain text', () => {
  it('reads title, date and wire outlet, and drops web boilerplate', () => {
    const r = only('wire-story.txt');
    expect(r.format).toBe('txt');
    expect(r.title).toBe('Shelling kills five in Daraa, monitor says');
    expect(r.published).toBe('2019-03-04');
    expect(r.outlet).toBe('Reuters');
    expect(r.text).toContain('Government shelling killed at least five civilians');
    for (const junk of ['3 min read', 'Share this article', 'Reporting by', '2 years ago']) expect(r.text).not.toContain(junk);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('markdown', () => {
  it('takes front matter and strips markup but keeps the prose', () => {
    const r = only('statement.md');
    expect(r).toMatchObject({ format: 'md', title: 'Statement on the bombing of Maarat al-Numan', published: '2019-12-03', outlet: 'Example Monitor', url: 'https://example.org/statements/maarat' });
    expect(r.text).toContain('The Example Monitor condemns the air strikes on the market of Maarat al-Numan, which killed 11 civilians on Monday.');
    expect(r.text).not.toMatch(/\*\*|\]\(|^#|^---/m);
  });
});

describe('HTML', () => {
  it('keeps the article and drops navigation, scripts, styles, share widgets and comments', () => {
    const r = only('article.html');
    expect(r).toMatchObject({
      format: 'html',
      title: 'Rescue workers pull survivors from rubble in Idlib',
      published: '2020-02-25',
      outlet: 'Example News',
      url: 'https://news.example.org/idlib-rescue',
    });
    expect(r.text).toContain('Rescue workers of the White Helmets pulled eleven survivors');
    expect(r.text).toContain('The Syrian Observatory for Human Rights said the toll could rise');
    for (const junk of ['window.tracking', 'font-family', 'injected', 'Leave a Reply', 'You are commenting', 'Share this article', 'Related stories', 'All rights reserved', 'Home > News', 'Photo courtesy', 'Written by']) {
      expect(r.text, junk).not.toContain(junk);
    }
  });

  it('turns non-breaking spaces into spaces and keeps curly quotes', () => {
    const r = only('article.html');
    expect(r.text).not.toContain('\u00a0');
    expect(r.text).toContain('“We worked through the night,”');
  });
});

describe('JSON and JSONL', () => {
  it('reads a single JSON object with `body` and an ISO timestamp', () => {
    const r = only('single.json');
    expect(r).toMatchObject({ file: 'single.json', title: 'Shelling on Khan Shaykhun', published: '2019-05-03', outlet: 'Example Daily' });
  });

  it('reads an array, one report per element, named file#n', () => {
    const r = ingest('array.json');
    expect(r.reports.map((x) => x.file)).toEqual(['array.json#1', 'array.json#2']);
    expect(new Set(r.reports.map((x) => x.sha256)).size).toBe(2);
  });

  it('skips broken lines and wrong field types with their line numbers, keeping the good records', () => {
    const r = ingest('records.jsonl');
    expect(r.reports.map((x) => x.file)).toEqual(['records.jsonl#1', 'records.jsonl#3']);
    expect(r.reports[0]).toMatchObject({ title: 'Airstrikes hit Saraqib', published: '2020-01-27', outlet: 'Example Wire', url: 'https://wire.example.org/1' });
    expect(r.reports[1]!.published).toBe('2020-01-26');
    expect(r.skipped.map((s) => [s.file, s.code])).toEqual([
      ['records.jsonl#2', 'BAD_JSON'],
      ['records.jsonl#4', 'BAD_RECORD'],
      ['records.jsonl#6', 'EMPTY'],
    ]);
    expect(r.skipped[1]!.message).toMatch(/text/);
  });
});

describe('files that are not reports', () => {
  it.each([
    ['empty.txt', 'EMPTY'],
    ['whitespace.txt', 'EMPTY'],
    ['image.txt', 'BINARY'],
    ['boilerplate-only.txt', 'NO_TEXT'],
  ])('%s is skipped as %s with a reason', (name, code) => {
    const r = ingest(name);
    expect(r.reports).toEqual([]);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]).toMatchObject({ file: name, code });
    expect(r.skipped[0]!.message.length).toBeGreaterThan(5);
  });

  it('names an unsupported extension', () => {
    const r = ingestFile({ file: 'notes.docx', bytes: new Uint8Array([1, 2, 3]) }, rules);
    expect(r.skipped[0]!.code).toBe('UNSUPPORTED_TYPE');
  });
});
