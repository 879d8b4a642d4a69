// Measures the viewer on a large generated graph: 10,000 nodes and 50,000 edges (by default),
// loaded into an embedded store, served by `kg serve`, driven in Chromium. Prints the server's
// layout time, time to first render, frame times while the camera pans and zooms, and how long
// a filter toggle takes to redraw. Figures go in the README ("Viewer"), not into tests.
//   npm run bench:viewer [-- nodes edges]
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { edgeId } from '../src/model/ids.ts';
import type { ActorNode, Evidence, GraphDocument, GraphEdge, SourceNode } from '../src/model/schema.ts';
import { ACTOR_KINDS, type EdgeType } from '../src/model/vocab.ts';
import { validateGraph } from '../src/pipeline.ts';
import { KuzuStore } from '../src/store/kuzu-store.ts';
import { HAS_CHROMIUM, launchChromium, serveHome } from '../tests/browser/kg-serve.ts';

const NODES = Number(process.argv[2] ?? 10_000);
const EDGES = Number(process.argv[3] ?? 50_000);
const SOURCES = 50;
const COMMUNITIES = 60;
const ROOT = path.resolve(import.meta.dirname, '..');

/** A small deterministic generator (mulberry32), so every run measures the same graph. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(): GraphDocument {
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  // Sources: each a text of numbered sentences that evidence quotes exactly.
  const sentencesPerSource = 400;
  const sources: SourceNode[] = [];
  const spans: { start: number; end: number; text: string }[][] = [];
  for (let s = 0; s < SOURCES; s++) {
    let text = '';
    const list: { start: number; end: number; text: string }[] = [];
    for (let k = 0; k < sentencesPerSource; k++) {
      const sentence = `Statement ${k} of bench report ${s}: one party accused another of shelling a town.`;
      list.push({ start: text.length, end: text.length + sentence.length, text: sentence });
      text += `${sentence} `;
    }
    spans.push(list);
    const month = pad(1 + (s % 12), 2);
    sources.push({
      id: `source:${createHash('sha256').update(`bench-${s}`).digest('hex').slice(0, 16)}`,
      label: 'Source',
      name: `Bench report ${s}`,
      file: `bench-${s}.txt`,
      title: `Bench report ${s}`,
      published: `${2014 + Math.floor(s / 12)}-${month}-15`,
      outlet: `Outlet ${s % 7}`,
      url: `https://example.org/bench/${s}`,
      sha256: createHash('sha256').update(text).digest('hex'),
      text,
    });
  }
  const actorCount = NODES - SOURCES;
  const actors: ActorNode[] = [];
  for (let i = 0; i < actorCount; i++) {
    actors.push({ id: `actor:bench-${pad(i, 5)}`, label: 'Actor', name: `Actor ${i}`, kind: pick(ACTOR_KINDS), aliases: [`Actor ${i}`], sources: [], origin: 'lexicon' });
  }
  const community = (i: number) => i % COMMUNITIES;
  const members: number[][] = Array.from({ length: COMMUNITIES }, () => []);
  actors.forEach((_, i) => members[community(i)]!.push(i));
  const types: EdgeType[] = ['ACCUSED', 'ACCUSED', 'CONDEMNED', 'CALLED_ON', 'DENIED'];
  const edges = new Map<string, GraphEdge>();
  const usedSources = actors.map(() => new Set<string>());
  while (edges.size < EDGES) {
    const a = Math.floor(rand() * actorCount);
    // Most claims stay inside a community, so the layout has structure to show.
    const b = rand() < 0.85 ? pick(members[community(a)]!) : Math.floor(rand() * actorCount);
    if (a === b) continue;
    const type = pick(types);
    const id = edgeId(type, actors[a]!.id, actors[b]!.id);
    if (edges.has(id)) continue;
    const evidence: Evidence[] = [];
    const n = 1 + Math.floor(rand() * rand() * 6);
    for (let k = 0; k < n; k++) {
      const s = Math.floor(rand() * SOURCES);
      const span = pick(spans[s]!);
      evidence.push({ source: sources[s]!.id, text: span.text, start: span.start, end: span.end, rule: 'bench' });
      usedSources[a]!.add(sources[s]!.id);
      usedSources[b]!.add(sources[s]!.id);
    }
    const seen = new Set<string>();
    const unique = evidence.filter((e) => !seen.has(`${e.source}@${e.start}`) && seen.add(`${e.source}@${e.start}`));
    edges.set(id, { id, type, from: actors[a]!.id, to: actors[b]!.id, evidence: unique });
  }
  actors.forEach((a, i) => (a.sources = [...usedSources[i]!].sort()));
  const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  return validateGraph({ version: 1, nodes: [...actors, ...sources].sort(byId), edges: [...edges.values()].sort(byId) }, 'bench graph');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

if (!HAS_CHROMIUM) {
  console.error('bench-viewer: /usr/bin/chromium is missing: install Debian\'s chromium package');
  process.exit(1);
}
const home = mkdtempSync(path.join(os.tmpdir(), 'kg-bench-viewer-'));
try {
  let t0 = performance.now();
  const doc = generate();
  console.log(`graph: ${doc.nodes.length} nodes, ${doc.edges.length} edges, ${doc.edges.reduce((n, e) => n + e.evidence.length, 0)} evidence sentences (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  t0 = performance.now();
  const store = await KuzuStore.open({ home, readOnly: false });
  await store.load(doc);
  await store.close();
  console.log(`loaded into the embedded store in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const served = await serveHome(ROOT, home);
  try {
    t0 = performance.now();
    const graphRes = await fetch(new URL('/api/graph', served.url));
    const body = await graphRes.text();
    console.log(`server: first GET /api/graph (ForceAtlas2 layout + payload) ${((performance.now() - t0) / 1000).toFixed(2)} s, ${(body.length / 1048576).toFixed(1)} MiB`);

    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    // tsx names inner functions with a __name helper the page lacks: give the page one.
    await page.addInitScript('window.__name = (f) => f');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const firstRenders: number[] = [];
    for (let run = 0; run < 3; run++) {
      await page.goto(served.url);
      await page.waitForSelector('body[data-ready=true]', { timeout: 300_000 });
      firstRenders.push(await page.evaluate(() => performance.getEntriesByName('reportgraph-first-render')[0]!.startTime));
    }
    const shown = await page.getAttribute('#stats', 'data-nodes');
    console.log(`time to first render (navigation to the default view drawn, ${shown} nodes): median ${median(firstRenders).toFixed(0)} ms of ${firstRenders.map((x) => x.toFixed(0)).join(', ')}`);

    await page.click('button[data-preset=everything]');
    await page.waitForTimeout(500);
    console.log(`"Everything": ${await page.getAttribute('#stats', 'data-nodes')} nodes, ${await page.getAttribute('#stats', 'data-edges')} edges on screen`);

    // Pan and zoom as a user does, with the mouse (sigma hides edges and labels while the camera
    // moves): for each drag step and wheel turn, the time until the page has painted it.
    const box = (await page.locator('#sigma').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const painted = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
    const drag: number[] = [];
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) {
      const t = performance.now();
      await page.mouse.move(cx + 250 * Math.sin(i / 4), cy + 150 * Math.sin(i / 6));
      await painted();
      drag.push(performance.now() - t);
    }
    await page.mouse.up();
    const wheel: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      await page.mouse.wheel(0, i % 2 ? 400 : -400);
      await page.waitForTimeout(250); // sigma animates a zoom step over 250 ms
      await painted();
      wheel.push(performance.now() - t - 250);
    }
    console.log(`pan with the mouse: a drag step is painted in median ${median(drag).toFixed(0)} ms (${(1000 / median(drag)).toFixed(1)} fps), p95 ${pct(drag, 0.95).toFixed(0)} ms; zoom with the wheel: settled ${median(wheel).toFixed(0)} ms after its 250 ms animation (median)`);

    // The camera moved by script every frame, edges drawn all the while (the worst case).
    const drawn = await page.evaluate(async () => {
      const camera = (window as any).reportgraph.renderer.getCamera();
      const start = camera.getState();
      const times: number[] = [];
      const t0 = performance.now();
      let last = t0;
      await new Promise<void>((done) => {
        const step = (now: number) => {
          times.push(now - last);
          last = now;
          const t = (now - t0) / 1000;
          camera.setState({ x: start.x + 0.2 * Math.sin(t * 1.5), y: start.y + 0.15 * Math.cos(t * 1.1), ratio: start.ratio * (0.6 + 0.4 * Math.cos(t * 0.8)) });
          if (now - t0 < 4000) requestAnimationFrame(step);
          else done();
        };
        requestAnimationFrame(step);
      });
      return times.slice(1);
    });
    console.log(`camera moved by script with every edge drawn (4 s): ${drawn.length} frames, frame time median ${median(drawn).toFixed(0)} ms, p95 ${pct(drawn, 0.95).toFixed(0)} ms`);

    // Filter toggle: click an edge type off and on; time from the click to the next painted frame.
    const toggles = await page.evaluate(async () => {
      const box = document.querySelector<HTMLInputElement>('input[name=edge-type][value=ACCUSED]')!;
      const out: number[] = [];
      for (let i = 0; i < 10; i++) {
        const t0 = performance.now();
        box.click();
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        out.push(performance.now() - t0);
      }
      return out;
    });
    console.log(`filter toggle (ACCUSED off/on, redraw included): median ${median(toggles).toFixed(0)} ms, max ${Math.max(...toggles).toFixed(0)} ms`);
    if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
    await browser.close();
  } finally {
    await served.stop();
  }
} finally {
  rmSync(home, { recursive: true, force: true });
}
