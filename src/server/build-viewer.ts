// The viewer is built with Vite into viz/dist on demand: `kg serve` builds it when it is missing
// or older than its sources, so a fresh clone needs no separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReportGraphError } from '../errors.ts';

export const VIZ_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../viz');
export const VIZ_DIST = path.join(VIZ_DIR, 'dist');

function newestMtime(p: string): number {
  const info = statSync(p);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when viz/dist lacks index.html or a source (viz/src, index.html, vite.config.ts) changed after it was built. */
export function viewerIsStale(vizDir = VIZ_DIR): boolean {
  const built = path.join(vizDir, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['src', 'index.html', 'vite.config.ts'].map((p) => path.join(vizDir, p)).filter((p) => existsSync(p));
  return Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

/** Builds the viewer when stale; returns whether it built. */
export async function ensureViewerBuilt(opts: { force?: boolean; log?: (line: string) => void } = {}): Promise<boolean> {
  if (!opts.force && !viewerIsStale()) return false;
  opts.log?.('building the viewer (viz/ -> viz/dist) with Vite…');
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch (err) {
    throw new ReportGraphError('E_USAGE', 'the viewer is not built and Vite is not installed: run `npm install` (with dev dependencies) once, then `kg serve` again', { cause: err });
  }
  await vite.build({ root: VIZ_DIR, configFile: path.join(VIZ_DIR, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
