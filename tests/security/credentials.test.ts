// Neo4j credentials come from the environment, the address or a prompt, and never show in a
// message: not in the CLI's errors, not in errors thrown by the store, not when the address
// itself carries them.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jConfig, Neo4jStore } from '../../src/store/neo4j-store.ts';
import { FakeNeo4jDriver, neo4jError } from '../store/fake-neo4j-driver.ts';
import { fixtureGraph } from '../store/conformance.ts';
import { ROOT, runKg } from '../helpers.ts';

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
    // Nor in the cause it keeps for debugging, nor anywhere else in the error.
    expect(inspect(err, { depth: Infinity, showHidden: true })).not.toContain(SECRET);
  });

  it('are blanked out of a failed write batch, its retries and a failed query', async () => {
    const echo = () => neo4jError('ServiceUnavailable', `connection to analyst:${SECRET}@db lost`);
    const fake = new FakeNeo4jDriver();
    fake.failWrite = () => echo();
    const store = await Neo4jStore.open({ uri: 'neo4j://db.example.org', user: 'analyst', password: SECRET, database: 'neo4j' }, () => fake);
    const said: string[] = [];
    const err = await store.load(fixtureGraph(), { onRetry: (m) => said.push(m) }).then(() => null, (e: unknown) => e);
    expect(said.length).toBeGreaterThan(0);
    expect(err).toBeInstanceOf(Error);
    for (const text of [...said, inspect(err, { depth: Infinity, showHidden: true })]) {
      expect(text).toContain('***');
      expect(text).not.toContain(SECRET);
    }
    fake.onQuery = () => {
      throw neo4jError('Neo.ClientError.Statement.ArithmeticError', `bad value near "${SECRET}"`);
    };
    const qerr = await store.query('RETURN 1/0').then(() => null, (e: unknown) => e);
    expect(qerr).toBeInstanceOf(Error);
    expect(inspect(qerr, { depth: Infinity, showHidden: true })).not.toContain(SECRET);
    await store.close();
  });

  it('when none is given and no terminal can ask, a refusal says so and names NEO4J_PASSWORD', async () => {
    const fake = new FakeNeo4jDriver();
    fake.connectError = neo4jError('Neo.ClientError.Security.Unauthorized', 'The client is unauthorized due to authentication failure.');
    const cfg = neo4jConfig({ uri: 'neo4j://db.example.org' }, {});
    expect(cfg.password).toBe('');
    const err = await Neo4jStore.open(cfg, () => fake).then(() => null, (e: unknown) => e as Error);
    expect(err?.message).toMatch(/refused user "neo4j" with no password .*set NEO4J_USER and NEO4J_PASSWORD/);
  });
});

// Under a terminal (a pseudo-terminal driven by Python's pty module) kg asks for the password
// without echoing it, and uses it; without python3 the check cannot be made.
const PYTHON = ['python3', 'python'].find((p) => spawnSync(p, ['-c', 'import pty'], { stdio: 'ignore' }).status === 0);
const DRIVE_TTY = String.raw`
import json, os, pty, select, sys, time
argv, env, answer = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
pid, fd = pty.fork()
if pid == 0:
    os.chdir(env.pop('__CWD'))
    os.execve(argv[0], argv, env)
out, sent, end = b'', False, time.time() + 60
while time.time() < end:
    ready, _, _ = select.select([fd], [], [], 0.5)
    if not ready:
        continue
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
    if answer and not sent and b'password' in out:
        os.write(fd, answer.encode() + b'\r')
        sent = True
_, status = os.waitpid(pid, 0)
print(json.dumps({'out': out.decode('utf-8', 'replace'), 'status': os.waitstatus_to_exitcode(status), 'sent': sent}))
`;

function underTerminal(args: string[], env: Record<string, string>, answer: string): { out: string; status: number; sent: boolean } {
  const childEnv = { ...process.env, NEO4J_URI: '', NEO4J_USER: '', NEO4J_PASSWORD: '', ...env, __CWD: ROOT } as Record<string, string>;
  const r = spawnSync(PYTHON!, ['-c', DRIVE_TTY, JSON.stringify([process.execPath, path.join(ROOT, 'bin/kg.js'), ...args]), JSON.stringify(childEnv), answer], { encoding: 'utf8', timeout: 90_000 });
  if (r.status !== 0) throw new Error(`the terminal driver failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe.skipIf(!PYTHON)('the Neo4j password prompt (on a terminal)', () => {
  const args = () => ['load', empty, '--store', 'neo4j', '--neo4j-uri', 'bolt://127.0.0.1:1'];

  it('asks when no password is given, does not echo it, and goes on to connect with it', () => {
    const r = underTerminal(args(), {}, SECRET);
    expect(r.sent).toBe(true);
    expect(r.out).toMatch(/Neo4j password \(NEO4J_PASSWORD is not set\): /);
    expect(r.out).not.toContain(SECRET);
    expect(r.out).toMatch(/cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1/);
    expect(r.status).toBe(1);
  }, 60_000);

  it('does not ask when NEO4J_PASSWORD is set', () => {
    const r = underTerminal(args(), { NEO4J_PASSWORD: SECRET }, '');
    expect(r.out).not.toMatch(/Neo4j password/);
    expect(r.out).not.toContain(SECRET);
    expect(r.out).toMatch(/cannot reach Neo4j/);
  }, 60_000);
});

