// Neo4j credentials come from the environment, the address or a prompt, and never show in a
// message: not in the CLI's errors, not in errors thrown by the store, not when the address
// itself carries them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jConfig, Neo4jStore } from '../../src/store/neo4j-store.ts';
import { FakeNeo4jDriver, neo4jError } from '../store/fake-neo4j-driver.ts';
import { runKg } from '../helpers.ts';

const SECRET = 'Zq9-distinctive-Passw0rd';
let dir: string;
let empty: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kg-cred-'));
  empty = path.join(dir, 'empty.json');
  await writeFile(empty, '{"version":1,"nodes":[],"edges":[]}');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Neo4j credentials', () => {
  it('are taken out of an address that carries them', () => {
    const cfg = neo4jConfig({ uri: `neo4j+s://analyst:${encodeURIComponent(SECRET)}@db.example.org:7687` }, {});
    expect(cfg).toEqual({ uri: 'neo4j+s://db.example.org:7687', user: 'analyst', password: SECRET, database: 'neo4j' });
    // The variables win over the address.
    expect(neo4jConfig({ uri: 'bolt://u:p@h' }, { NEO4J_PASSWORD: 'env', NEO4J_USER: 'eu' })).toMatchObject({ uri: 'bolt://h', user: 'eu', password: 'env' });
  });

  it.each([
    ['from NEO4J_PASSWORD', ['--neo4j-uri', 'bolt://127.0.0.1:1'], { NEO4J_PASSWORD: SECRET }],
    ['from the flag', ['--neo4j-uri', 'bolt://127.0.0.1:1', '--neo4j-password', SECRET], {}],
    ['inside the address', ['--neo4j-uri', `bolt://analyst:${SECRET}@127.0.0.1:1`], {}],
  ])('never appear in what kg prints when the server cannot be reached (password %s)', (_, args, env) => {
    for (const cmd of [['load', empty, '--store', 'neo4j'], ['query', 'RETURN 1', '--store', 'neo4j']]) {
      const r = runKg([...cmd, ...args], { env: { NEO4J_URI: '', NEO4J_USER: '', NEO4J_PASSWORD: '', ...env }, input: '' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1/);
      expect(r.stderr + r.stdout).not.toContain(SECRET);
    }
  }, 60_000);

  it('are blanked out of a server error that echoes them', async () => {
    const fake = new FakeNeo4jDriver();
    fake.connectError = neo4jError('Neo.ClientError.Security.Unauthorized', `The client is unauthorized: bad credentials for analyst/${SECRET}`);
    const err = await Neo4jStore.open({ uri: 'neo4j://db.example.org', user: 'analyst', password: SECRET, database: 'neo4j' }, () => fake).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(/refused user "analyst".*NEO4J_PASSWORD/);
    expect(err?.message).not.toContain(SECRET);
    expect(String(err?.stack)).not.toContain(SECRET);
  });
});
