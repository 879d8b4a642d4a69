// `kg serve` as a user runs it, where it fails: no store yet, a port in use, a Neo4j server that
// cannot be reached (whose password must not appear in the message).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKg, SAMPLE_REPORTS } from '../helpers.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kg-serve-cli-'));
let busy: Server;
let busyPort: number;

beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(() => {
  busy?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('kg serve errors', () => {
  it('says how to make a store when there is none', () => {
    const r = runKg(['serve', '--home', path.join(tmp, 'empty'), '--no-build']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/there is no embedded store in .*kg build/);
    expect(r.stderr).toContain('[E_STORE_DATABASE]');
  });

  it('says the port is in use and how to pick another', () => {
    const home = path.join(tmp, 'home');
    expect(runKg(['build', SAMPLE_REPORTS, '--home', home]).status).toBe(0);
    const r = runKg(['serve', '--home', home, '--no-build', '--port', String(busyPort)]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`port ${busyPort} on 127.0.0.1 is in use: pick another with --port`);
  });

  it('never prints the Neo4j password, even when the server cannot be reached', () => {
    const r = runKg(['serve', '--store', 'neo4j', '--neo4j-uri', 'neo4j://127.0.0.1:1', '--neo4j-password', 'pw-s3cret-xyz', '--no-build'], { env: { NEO4J_PASSWORD: 'env-s3cret-abc' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[E_STORE_UNREACHABLE]');
    expect(r.stdout + r.stderr).not.toMatch(/pw-s3cret-xyz|env-s3cret-abc/);
  });

  it('refuses a port that is not a port', () => {
    const r = runKg(['serve', '--port', 'eighty', '--no-build']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--port takes a port number/);
  });
});
