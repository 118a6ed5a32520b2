import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One temporary directory per PDF print, holding everything the browser writes: its profile, its
 * own temporary files (Chromium is started with TMPDIR pointing here) and Playwright's artifacts.
 * It is removed when the print ends. A process killed mid-print cannot remove it, so its name
 * carries the owner's process id, and every later print first removes the directories of owners
 * that are no longer running: a killed render leaves nothing behind for long.
 */

const PREFIX = 'sopwright-chromium-';

export interface ChromiumWorkdir {
  readonly dir: string;
  readonly profile: string;
  readonly artifacts: string;
  /** The environment for the browser process: ours, with its temporary files kept in `dir`. */
  readonly env: NodeJS.ProcessEnv;
  remove(): void;
}

export function chromiumWorkdir(root = tmpdir()): ChromiumWorkdir {
  removeAbandoned(root);
  const dir = mkdtempSync(join(root, `${PREFIX}${process.pid}-`));
  return {
    dir,
    profile: join(dir, 'profile'),
    artifacts: join(dir, 'artifacts'),
    env: { ...process.env, TMPDIR: dir },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Removes the work directories in `root` whose owning process has ended. */
export function removeAbandoned(root: string): void {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^sopwright-chromium-(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && !isRunning(pid)) removeQuietly(join(root, name));
  }
}

/**
 * Best effort: the browser of a killed print may still be shutting down and writing into its
 * profile, so a removal can race with it. What cannot be removed now is left for the next print;
 * it never fails the print that is starting.
 */
function removeQuietly(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
  } catch {
    // Left for the next print.
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
