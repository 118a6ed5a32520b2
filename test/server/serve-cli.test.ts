import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../src/register/index.js';
import { ensureBuilt, repoRoot, runCli } from '../support/cli.js';
import { freshLocation } from '../support/register.js';
import { seedRegister } from '../support/register-seed.js';

/** `sopwright serve` as a process: what it prints, what it refuses, the token on a non-loopback bind. */

const dir = mkdtempSync(join(tmpdir(), 'sopwright-serve-cli-'));
const POLICY = join(repoRoot, 'test/fixtures/reference/after-sales.sop');
let serves = 0;
beforeAll(() => ensureBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `serve`, waits for the URL it prints, and returns it with a way to stop the server. */
function startServe(args: readonly string[], env: Record<string, string> = {}, cwd = repoRoot): Promise<{ url: string; stop: () => Promise<number | null> }> {
  // The register goes to a temp file unless the test names one (the default is sopwright.db in the working directory).
  const db = args.includes('--db') || cwd !== repoRoot ? [] : ['--db', join(dir, `register-${++serves}.db`)];
  const child = spawn(process.execPath, [join(repoRoot, 'bin/sopwright.js'), 'serve', ...args, ...db], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      const m = /at (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1], stop: () => new Promise((done) => { child.once('exit', (code) => done(code)); child.kill('SIGTERM'); }) });
    });
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

/** Records one decided case through the running server's register route. */
const record = (url: string) => fetch(`${url}v1/register`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ policy: 'after_sales', case: { problem: 'logistics', shipped: false, past_promised_time: true }, staff: '小王' }),
});

describe('sopwright serve', () => {
  it('listens on 127.0.0.1 by default, prints its URL, records into sopwright.db in its working directory, and stops with exit 0', async () => {
    const work = mkdtempSync(join(dir, 'cwd-'));
    const server = await startServe([POLICY, '--port', '0'], {}, work);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const r = await fetch(`${server.url}v1/policies`);
      expect(r.status).toBe(200);
      expect(((await r.json()) as { id: string }[])[0].id).toBe('after_sales');
      expect((await record(server.url)).status).toBe(201);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(existsSync(join(work, 'sopwright.db'))).toBe(true);
  });

  it('refuses to listen beyond loopback without a token (exit 2)', async () => {
    const r = await runCli(['serve', 'test/fixtures/reference/after-sales.sop', '--host', '0.0.0.0', '--port', '0'], { env: { SOPWRIGHT_TOKEN: undefined } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give an access token with `--token-file FILE` or SOPWRIGHT_TOKEN');
  });

  it('on a non-loopback bind with a token file, refuses every request without the token', async () => {
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, 'tok-123\n');
    const server = await startServe(['test/fixtures/reference/after-sales.sop', '--host', '0.0.0.0', '--port', '0', '--token-file', tokenFile]);
    try {
      const base = server.url.replace('0.0.0.0', '127.0.0.1');
      for (const path of ['v1/policies', 'healthz', 'openapi.json', '']) expect((await fetch(`${base}${path}`)).status, path).toBe(401);
      const ok = await fetch(`${base}v1/policies/after_sales/evaluate`, { method: 'POST', headers: { authorization: 'Bearer tok-123', 'content-type': 'application/json' }, body: '{"problem":"查件催件"}' });
      expect(ok.status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('exits 2 when there is no policy to serve', async () => {
    const broken = join(dir, 'broken.sop');
    writeFileSync(broken, 'policy p "P" { start nowhere }\n');
    const r = await runCli(['serve', broken, '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no policy to serve');
    expect(r.stderr).toMatch(/broken\.sop:1:\d+: error/);
  });
});

describe('sopwright serve --db', () => {

  it('records into the file --db names', async () => {
    const file = join(dir, 'named.db');
    const named = await startServe([POLICY, '--port', '0', '--db', file]);
    try {
      expect((await record(named.url)).status).toBe(201);
      expect(((await (await fetch(`${named.url}v1/register`)).json()) as { entries: unknown[] }).entries).toHaveLength(1);
    } finally {
      await named.stop();
    }
    const listed = await runCli(['register', 'list', '--db', file, '--json']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).entries[0]).toMatchObject({ id: 1, staff: '小王', outcome: 'apologise_and_ship' });
  });

  it('records into PostgreSQL given a postgres:// URL', async () => {
    const { location, cleanup } = await freshLocation('postgres');
    try {
      const server = await startServe([POLICY, '--port', '0', '--db', location]);
      try {
        expect((await record(server.url)).status).toBe(201);
        expect((await record(server.url)).status).toBe(201);
      } finally {
        await server.stop();
      }
      const listed = await runCli(['register', 'list', '--db', location, '--json']);
      expect(JSON.parse(listed.stdout).entries.map((e: { id: number }) => e.id)).toEqual([1, 2]);
    } finally {
      await cleanup();
    }
  });

  /**
   * Runs `serve` expecting it to refuse to start, in this process (a refusal happens before the
   * server listens): its exit code and stderr.
   */
  async function serveFails(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
    const r = await runCli(['serve', POLICY, '--port', '0', ...args], { cwd: dir, env });
    expect(r.stderr, 'no stack trace').not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    return { code: r.code, stderr: r.stderr };
  }

  it('refuses a register file in a folder that does not exist, or a directory (exit 4)', async () => {
    const missing = await serveFails(['--db', join(dir, 'no/such/folder/register.db')]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toMatch(/^sopwright: error: .*no\/such\/folder\/register\.db/);
    expect((await serveFails(['--db', dir])).code).toBe(4);
  });

  it('refuses a register at a newer schema version (exit 5)', async () => {
    const file = join(dir, 'newer.db');
    await seedRegister(file);
    const raw = await openDatabase(file);
    await raw.run('INSERT INTO register_schema (version, description, applied_at) VALUES (?, ?, ?)', [schemaVersion + 1, 'future', '2027-01-01T00:00:00Z']);
    await raw.close();
    const r = await serveFails(['--db', file]);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/has schema version \d+, newer than this sopwright understands/);
  });

  it('refuses a register locked by another process (exit 4)', async () => {
    const file = join(dir, 'locked.db');
    await seedRegister(file);
    const holder = `const D=require('better-sqlite3');const d=new D(process.argv[1]);d.pragma('locking_mode=EXCLUSIVE');d.exec('BEGIN EXCLUSIVE');d.prepare("INSERT INTO register_schema VALUES (1000,'x','x')").run();console.log('held');setTimeout(()=>{},60000)`;
    const child = spawn(process.execPath, ['-e', holder, file], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => child.stdout.on('data', () => resolve()));
      const r = await serveFails(['--db', file], { SOPWRIGHT_LOCK_TIMEOUT_MS: '200' });
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/is locked by another process/);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses a PostgreSQL register it cannot write, or cannot reach, or that does not exist (exit 4), never showing the password', async () => {
    const { location, cleanup } = await freshLocation('postgres');
    try {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: location });
      await client.connect();
      await client.query(`ALTER DATABASE ${new URL(location).pathname.slice(1)} SET default_transaction_read_only = on`);
      await client.end();
      const readOnly = await serveFails(['--db', location]);
      expect(readOnly.code).toBe(4);
      expect(readOnly.stderr).toMatch(/cannot be written/);
      const gone = new URL(location);
      gone.pathname = '/no_such_register';
      expect((await serveFails(['--db', gone.toString()])).stderr).toMatch(/there is no PostgreSQL database at/);
      const down = await serveFails(['--db', 'postgres://desk:secret@127.0.0.1:1/register'], { SOPWRIGHT_LOCK_TIMEOUT_MS: '1000' });
      expect(down.code).toBe(4);
      expect(down.stderr).toMatch(/cannot reach the register at `postgres:\/\/desk:\*\*\*@127\.0\.0\.1:1\/register`/);
      expect(down.stderr).not.toContain('secret');
    } finally {
      await cleanup();
    }
  });
});
