// The version marker beside the embedded database (<home>/db/store.json): which layout of tables
// and which Kuzu storage format built the store, so an older store gets a clear "rebuild" message
// instead of a confusing query error.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { GRAPH_VERSION } from '../model/schema.ts';
import { storeVersionError } from './store-errors.ts';

/** Bump when the stored model (tables, columns, relationship layout) changes. */
export const STORE_FORMAT = 1;

const Marker = z.object({
  store: z.literal('reportgraph-embedded'),
  format: z.number().int(),
  graphVersion: z.number().int(),
  kuzuStorageVersion: z.string(),
});
type Marker = z.infer<typeof Marker>;

export function markerPath(dbDir: string): string {
  return path.join(dbDir, 'store.json');
}

export function writeMarker(dbDir: string, kuzuStorageVersion: string): void {
  const marker: Marker = { store: 'reportgraph-embedded', format: STORE_FORMAT, graphVersion: GRAPH_VERSION, kuzuStorageVersion };
  writeFileSync(markerPath(dbDir), `${JSON.stringify(marker, null, 2)}\n`);
}

/** Throws E_STORE_VERSION unless the store in dbDir was built by this version's layout and Kuzu format. */
export function checkMarker(dbDir: string, kuzuStorageVersion: string): void {
  const file = markerPath(dbDir);
  if (!existsSync(file)) throw storeVersionError(dbDir, 'was built by an older version of reportgraph (it has no store.json version marker)');
  let marker: Marker;
  try {
    marker = Marker.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    throw storeVersionError(dbDir, `has an unreadable version marker (${file})`, err);
  }
  if (marker.format < STORE_FORMAT || marker.graphVersion < GRAPH_VERSION) {
    throw storeVersionError(dbDir, `was built by an older version of reportgraph (store format ${marker.format}, graph version ${marker.graphVersion}; this version uses ${STORE_FORMAT} and ${GRAPH_VERSION})`);
  }
  if (marker.format > STORE_FORMAT || marker.graphVersion > GRAPH_VERSION) {
    throw storeVersionError(dbDir, `was built by a newer version of reportgraph (store format ${marker.format}; this version reads ${STORE_FORMAT}): update reportgraph to read it`);
  }
  if (marker.kuzuStorageVersion !== kuzuStorageVersion) {
    throw storeVersionError(dbDir, `was written by another Kuzu storage format (${marker.kuzuStorageVersion}; this version reads ${kuzuStorageVersion})`);
  }
}
