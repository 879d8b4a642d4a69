// A real server for the API tests: the sample reports extracted, loaded into an embedded store
// in a temporary home, the store reopened read-only as `kg serve` does, on a free port.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lexiconKnownNames } from '../../src/lexicon/known-names.ts';
import type { GraphDocument } from '../../src/model/schema.ts';
import { extractInputs } from '../../src/pipeline.ts';
import { startServer, type ReportGraphServer, type ServerLimits } from '../../src/server/http-server.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { GraphStore } from '../../src/store/types.ts';
import { realLexicon, SAMPLE_REPORTS } from '../helpers.ts';

export interface SampleServer {
  app: ReportGraphServer;
  store: GraphStore;
  doc: GraphDocument;
  home: string;
  stop(): Promise<void>;
}

export async function sampleServer(limits: Partial<ServerLimits> = {}, viewerDir: string | null = null): Promise<SampleServer> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'kg-server-'));
  const { graph } = await extractInputs([SAMPLE_REPORTS], await realLexicon());
  const writer = await openStore({ kind: 'embedded', home, readOnly: false });
  await writer.load(graph);
  await writer.close();
  const store = await openStore({ kind: 'embedded', home, readOnly: true });
  const doc = await store.readGraph();
  const app = await startServer({ store, doc, viewerDir, knownNames: await lexiconKnownNames(), limits, port: 0 });
  return {
    app,
    store,
    doc,
    home,
    async stop() {
      await app.close();
      await store.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export async function getJson(base: string, pathname: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(new URL(pathname, base), init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the test looks at the text
  }
  return { status: res.status, headers: res.headers, body };
}

export function postJson(base: string, pathname: string, payload: unknown): Promise<{ status: number; headers: Headers; body: any }> {
  return getJson(base, pathname, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
}
