// A small lexicon for tests of extraction logic: the real word lists (triggers, cues, patterns)
// with the actors and places of tests/fixtures/extract/lexicon, so tests do not move when the
// real actor and place lists grow. Also a helper that extracts one text as a report.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileLexicon, type CompiledLexicon } from '../../../src/lexicon/compile-lexicon.ts';
import { checkReferences } from '../../../src/lexicon/load-lexicon.ts';
import { ActorsFile, PlacesFile } from '../../../src/lexicon/schema.ts';
import { extractReport } from '../../../src/extract/extract-report.ts';
import type { GraphDocument } from '../../../src/model/schema.ts';
import { sha256Hex } from '../../../src/ingest/ingest-file.ts';
import { FIXTURES, realLexicon } from '../../helpers.ts';

const DIR = path.join(FIXTURES, 'extract/lexicon');
let compiled: Promise<CompiledLexicon> | null = null;

export function fixtureLexicon(): Promise<CompiledLexicon> {
  compiled ??= realLexicon().then((real) => {
    const actors = ActorsFile.parse(JSON.parse(readFileSync(path.join(DIR, 'actors.json'), 'utf8'))).actors;
    const places = PlacesFile.parse(JSON.parse(readFileSync(path.join(DIR, 'places.json'), 'utf8'))).places;
    const lex = { ...real, actors, places, version: 'fixture' };
    checkReferences(lex, DIR);
    return compileLexicon(lex);
  });
  return compiled;
}

/** Extract one text as a plain-text report. */
export function extractText(lex: CompiledLexicon, text: string, opts: { published?: string | null; outlet?: string | null; title?: string | null } = {}): GraphDocument {
  return extractReport(
    { file: 'test.txt', format: 'txt', sha256: sha256Hex(text), title: opts.title ?? null, published: opts.published ?? null, outlet: opts.outlet ?? null, url: null, text },
    lex,
  );
}

export interface ClaimRow {
  type: string;
  from: string;
  to: string;
  rule: string;
}

/** Claim edges of a document as readable rows, sorted. */
export function claimsOf(doc: GraphDocument, types = ['ACCUSED', 'CONDEMNED', 'CALLED_ON', 'DENIED']): ClaimRow[] {
  const name = new Map(doc.nodes.map((n) => [n.id, n.name]));
  return doc.edges
    .filter((e) => types.includes(e.type))
    .flatMap((e) => e.evidence.map((ev) => ({ type: e.type, from: name.get(e.from) ?? e.from, to: name.get(e.to) ?? e.to, rule: ev.rule })))
    .sort((a, b) => `${a.type}${a.from}${a.to}`.localeCompare(`${b.type}${b.from}${b.to}`));
}

export const pairs = (doc: GraphDocument, types?: string[]) => [...new Set(claimsOf(doc, types).map((c) => `${c.type} ${c.from} -> ${c.to}`))].sort();

export interface EventRow {
  type: string;
  place: string | null;
  date: string | null;
  perpetrators: string[];
  killed: [number | null, number | null];
  status: string;
}

export function eventsOf(doc: GraphDocument): EventRow[] {
  const name = new Map(doc.nodes.map((n) => [n.id, n.name]));
  return doc.nodes.flatMap((n) => {
    if (n.label !== 'Event') return [];
    const place = doc.edges.find((e) => e.type === 'OCCURRED_IN' && e.from === n.id);
    const perps = doc.edges.filter((e) => e.type === 'PERPETRATED_BY' && e.from === n.id).map((e) => name.get(e.to) ?? e.to).sort();
    return [{ type: n.eventType, place: place ? name.get(place.to) ?? null : null, date: n.date, perpetrators: perps, killed: [n.killedMin, n.killedMax] as [number | null, number | null], status: n.status }];
  });
}
