// The viewer in real Chromium (Debian's package, driven by playwright-core), served by `kg serve`
// on the sample reports: it draws, shows as many nodes as the API has, finds Russia and shows its
// evidence, redraws when an edge type is turned off, draws a Cypher result, logs no errors; and a
// report carrying HTML and script shows as text and runs nothing. Screenshots go to test-artifacts/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runKg, SAMPLE_REPORTS } from '../helpers.ts';
import { HAS_CHROMIUM, launchChromium, serveHome, type Served } from './kg-serve.ts';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');
if (!HAS_CHROMIUM) console.warn('viewer browser tests skipped: /usr/bin/chromium is missing (install Debian\'s chromium package; .ci/run does)');

/** Pixels of a PNG darker than near-white: how much is drawn. */
async function inkPixels(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! < 235 || d[i + 1]! < 235 || d[i + 2]! < 235) n++;
    return n;
  }, png.toString('base64'));
}

/** Nodes and edges sigma draws (not hidden by the reducers). */
function drawnCounts(page: Page): Promise<{ nodes: number; edges: number }> {
  return page.evaluate(() => {
    const rg = (window as any).reportgraph;
    const nodes = rg.graph.filterNodes((n: string) => !rg.renderer.getNodeDisplayData(n)?.hidden).length;
    const edges = rg.graph.filterEdges((e: string) => !rg.renderer.getEdgeDisplayData(e)?.hidden).length;
    return { nodes, edges };
  });
}

async function openViewer(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 }, acceptDownloads: true });
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready=true]', { timeout: 60_000 });
  await page.waitForTimeout(300);
  return { page, problems, dialogs };
}

describe.skipIf(!HAS_CHROMIUM)('the viewer in Chromium', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kg-viewer-'));
  let browser: Browser;
  let sample: Served;
  let hostile: Served;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [name, input] of [
      ['sample', SAMPLE_REPORTS],
      ['hostile', path.join(FIXTURES, 'viewer')],
    ] as const) {
      const r = runKg(['build', input, '--home', path.join(tmp, name)]);
      if (r.status !== 0) throw new Error(`kg build ${name} failed:\n${r.stderr}`);
    }
    // One at a time: the first may build viz/dist, the second then finds it fresh.
    sample = await serveHome(ROOT, path.join(tmp, 'sample'));
    hostile = await serveHome(ROOT, path.join(tmp, 'hostile'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await sample?.stop();
    await hostile?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('is served on 127.0.0.1', () => {
    expect(sample.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('draws the sample graph, finds Russia with its evidence, filters, runs Cypher, with no console errors', async () => {
    const { page, problems } = await openViewer(browser, sample.url);
    const api = await page.evaluate(() => fetch('/api/graph').then((r) => r.json()));

    // The default view: actors and the claims between them.
    const claimTypes = new Set(['ACCUSED', 'CONDEMNED', 'CALLED_ON']);
    const actors = new Set(api.nodes.filter((n: any) => n.attributes.nodeLabel === 'Actor').map((n: any) => n.key));
    const claimEdges = api.edges.filter((e: any) => claimTypes.has(e.attributes.relType) && actors.has(e.source) && actors.has(e.target));
    const claimActors = new Set(claimEdges.flatMap((e: any) => [e.source, e.target]));
    expect(await drawnCounts(page)).toEqual({ nodes: claimActors.size, edges: claimEdges.length });
    expect(await page.getAttribute('#stats', 'data-nodes')).toBe(String(claimActors.size));
    const first = await page.locator('#sigma').screenshot();
    await page.screenshot({ path: path.join(ARTIFACTS, 'viewer-default.png') });
    const firstInk = await inkPixels(page, first);
    expect(firstInk).toBeGreaterThan(2000);

    // Everything: as many nodes on screen as the API has.
    await page.click('button[data-preset=everything]');
    await page.waitForTimeout(200);
    expect(await drawnCounts(page)).toEqual({ nodes: api.nodes.length, edges: api.edges.length });
    await page.screenshot({ path: path.join(ARTIFACTS, 'viewer-everything.png') });
    await page.click('button[data-preset=accusations]');
    await page.waitForTimeout(200);

    // Search "Russia", pick it: the panel shows its evidence sentences.
    await page.fill('#search', 'Russia');
    await page.click('#search-results button[data-id="actor:russia"]');
    await page.waitForSelector('#panel .evidence');
    const view = await page.evaluate(() => fetch('/api/node/actor%3Arussia').then((r) => r.json()));
    const expected = view.edges.flatMap((e: any) => e.evidence.map((ev: any) => ev.text));
    const marks = await page.locator('#panel .evidence mark').allTextContents();
    expect(marks).toEqual(expected);
    expect(marks.length).toBeGreaterThan(0);
    expect(await page.locator('#panel h2').textContent()).toBe('Russia');
    expect(await page.locator('#panel .evidence-meta a').count()).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'viewer-russia.png') });

    // Focus on Russia: it and the actors its shown claims join it to.
    await page.click('#panel .actions button');
    await page.waitForTimeout(200);
    const around = new Set(['actor:russia', ...claimEdges.filter((e: any) => e.source === 'actor:russia' || e.target === 'actor:russia').flatMap((e: any) => [e.source, e.target])]);
    expect((await drawnCounts(page)).nodes).toBe(around.size);
    await page.click('text=Clear focus');
    await page.click('#panel .close');

    // Report dates: from the latest report date on, only claims with a sentence from then (or from
    // a report without a date, which no range can rule out) are drawn.
    const dates: string[] = api.attributes.reportDates;
    await page.locator('#date-from').fill(String(dates.length - 1));
    await page.waitForTimeout(200);
    const late = claimEdges.filter((e: any) => e.attributes.dates.length === 0 || e.attributes.dates.some((d: string) => d >= dates[dates.length - 1]!));
    expect((await drawnCounts(page)).edges).toBe(late.length);
    expect(late.length).toBeLessThan(claimEdges.length);
    await page.locator('#date-from').fill('0');
    await page.waitForTimeout(200);
    expect((await drawnCounts(page)).edges).toBe(claimEdges.length);

    // Turning off ACCUSED draws less.
    const before = await drawnCounts(page);
    await page.uncheck('input[name=edge-type][value=ACCUSED]');
    await page.waitForTimeout(200);
    const after = await drawnCounts(page);
    const accused = claimEdges.filter((e: any) => e.attributes.relType === 'ACCUSED').length;
    expect(after.edges).toBe(before.edges - accused);
    const afterShot = await page.locator('#sigma').screenshot();
    expect(afterShot.equals(first)).toBe(false);
    expect(await inkPixels(page, afterShot)).toBeLessThan(firstInk);
    await page.screenshot({ path: path.join(ARTIFACTS, 'viewer-no-accused.png') });
    await page.check('input[name=edge-type][value=ACCUSED]');

    // Export what is shown: the graphology JSON holds the edges on screen; the PNG is a PNG.
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('button[data-format=graphology]')]);
    const exported = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8'));
    expect(exported.edges.map((e: any) => e.key).sort()).toEqual(claimEdges.map((e: any) => e.key).sort());
    expect(exported.nodes.filter((n: any) => n.attributes.nodeLabel === 'Actor').length).toBe(claimActors.size);
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.click('button[data-format=png]')]);
    expect(readFileSync((await pngDownload.path())!).subarray(1, 4).toString()).toBe('PNG');

    // A Cypher query draws its result.
    await page.fill('#cypher', 'MATCH (a:Actor)-[r:CALLED_ON]->(b:Actor) RETURN a, r, b');
    await page.click('#run-query');
    await page.waitForSelector('#query-result table');
    await page.waitForTimeout(200);
    const calledOn = api.edges.filter((e: any) => e.attributes.relType === 'CALLED_ON');
    const ends = new Set(calledOn.flatMap((e: any) => [e.source, e.target]));
    expect(await drawnCounts(page)).toEqual({ nodes: ends.size, edges: calledOn.length });
    const queryShot = await page.locator('#sigma').screenshot();
    expect(await inkPixels(page, queryShot)).toBeGreaterThan(500);
    await page.screenshot({ path: path.join(ARTIFACTS, 'viewer-cypher.png') });

    // A write is refused, and said so on the page.
    await page.fill('#cypher', "MATCH (a:Actor) SET a.name = 'x' RETURN a");
    await page.click('#run-query');
    await page.waitForSelector('#query-error:not([hidden])');
    expect(await page.textContent('#query-error')).toMatch(/read-only.*E_QUERY_WRITE/);
    problems.splice(0, problems.length, ...problems.filter((p) => !/Failed to load resource: the server responded with a status of 403/.test(p)));

    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows report text carrying HTML and script as text, and runs none of it', async () => {
    const { page, problems, dialogs } = await openViewer(browser, hostile.url);
    await page.fill('#search', 'Russia');
    await page.click('#search-results button[data-id="actor:russia"]');
    await page.waitForSelector('#panel .evidence');
    await page.waitForTimeout(300);
    const quote = await page.locator('#panel .evidence mark').first().textContent();
    expect(quote).toContain(`<img src=x onerror="window.__xss='img'">`);
    expect(quote).toContain(`<script>window.__xss='script'</script>`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'viewer-hostile.png') });
    const title = await page.locator('#panel .evidence-meta').first().textContent();
    expect(title).toContain('<img src=x onerror=');
    // Nothing of it became an element, nothing ran.
    expect(await page.locator('#panel img, #panel script, #panel b, #search-results img').count()).toBe(0);
    await page.hover('#panel .evidence mark');
    await page.click('#panel .close');
    await page.fill('#cypher', 'MATCH (s:Source) RETURN s.title AS title, s.text AS text');
    await page.click('#run-query');
    await page.waitForSelector('#query-result table');
    expect(await page.locator('#query-result').textContent()).toContain('<script>');
    expect(await page.locator('#query-result img, #query-result script').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    // A table-only answer leaves the drawing as it was.
    expect((await drawnCounts(page)).nodes).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
