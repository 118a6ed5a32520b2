import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repoRoot, runCli } from '../support/cli.js';

/** `sopwright serve` as a process: what it prints, what it refuses, the token on a non-loopback bind. */

const dir = mkdtempSync(join(tmpdir(), 'sopwright-serve-cli-'));
beforeAll(() => ensureBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `serve`, waits for the URL it prints, and returns it with a way to stop the server. */
function startServe(args: readonly string[], env: Record<string, string> = {}): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/sopwright.js'), 'serve', ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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

describe('sopwright serve', () => {
  it('listens on 127.0.0.1 by default, prints its URL, and stops with exit 0', async () => {
    const server = await startServe(['test/fixtures/reference/after-sales.sop', '--port', '0']);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await fetch(`${server.url}v1/policies`);
    expect(r.status).toBe(200);
    expect(((await r.json()) as { id: string }[])[0].id).toBe('after_sales');
    expect(await server.stop()).toBe(0);
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
