import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumWorkdir } from '../../src/render/chromium-workdir.js';
import { ensureBuilt, repoRoot } from '../support/cli.js';

/** A PDF print keeps everything the browser writes in one directory, and a killed print's is removed by the next. */
const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});
const freshRoot = () => {
  const r = mkdtempSync(join(tmpdir(), 'sopwright-tmp-'));
  roots.push(r);
  return r;
};
/** The running processes that name a directory under `root` on their command line (a killed print's browser). */
const mentioning = (root: string): number[] => readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
  try {
    return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(root);
  } catch {
    return false; // ended meanwhile
  }
}).map(Number);

/**
 * Ends a killed print's browser and waits until it is gone. Left alone it would notice its parent's
 * death only after a while, rendering the rest of the handbook meanwhile (seconds of CPU) and
 * still writing into its profile; killed, it leaves what a print killed midway leaves.
 */
async function browsersEnded(root: string): Promise<void> {
  for (const pid of mentioning(root)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // ended meanwhile
    }
  }
  for (const started = Date.now(); mentioning(root).length > 0; await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() - started > 30_000) throw new Error('the killed print\'s browser is still running after 30 s');
  }
}

/** The id of a process that has ended. */
const endedPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('the browser work directory', () => {
  it('removes the directories of ended processes, and keeps those of running ones', () => {
    const root = freshRoot();
    const ended = join(root, `sopwright-chromium-${endedPid()}-abc`);
    const running = join(root, `sopwright-chromium-${process.pid}-def`);
    for (const d of [ended, running]) {
      mkdirSync(join(d, 'profile'), { recursive: true });
      writeFileSync(join(d, 'profile', 'Local State'), '{}');
    }
    const work = chromiumWorkdir(root);
    expect(existsSync(ended)).toBe(false);
    expect(existsSync(running)).toBe(true);
    expect(work.dir.startsWith(join(root, `sopwright-chromium-${process.pid}-`))).toBe(true);
    expect(work.env.TMPDIR).toBe(work.dir);
    work.remove();
    expect(existsSync(work.dir)).toBe(false);
  });

  it('leaves nothing behind a print killed midway once the next print starts', async () => {
    ensureBuilt();
    const root = freshRoot();
    const out = join(root, 'handbook.pdf');
    const child = spawn(process.execPath, [join(repoRoot, 'bin/sopwright.js'), 'render', 'test/fixtures/reference/after-sales.sop', '--format', 'pdf', '-o', out], {
      cwd: repoRoot, env: { ...process.env, TMPDIR: root }, stdio: 'ignore',
    });
    // Kill it once the browser has started writing its profile.
    const started = Date.now();
    while (!readdirSync(root).some((n) => n.startsWith('sopwright-chromium-') && existsSync(join(root, n, 'profile')))) {
      if (Date.now() - started > 30_000) throw new Error('the print never started its browser');
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // The browser would outlive the killed print until it noticed, still writing into its profile.
    await browsersEnded(root);
    expect(readdirSync(root).filter((n) => n !== 'handbook.pdf')).toHaveLength(1); // only its work directory, nothing else
    chromiumWorkdir(root).remove();
    expect(readdirSync(root)).toEqual([]); // the killed print's directory is gone, and no PDF was written
  });
});
