import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, openRegister } from '../../src/register/index.js';
import { databases, freshLocation } from '../support/register.js';

/**
 * The register under stress from outside: desks in separate processes writing at once, and a
 * desk killed in the middle of its writes. Both databases.
 */

const root = join(import.meta.dirname, '..', '..');
/**
 * The desk program, bundled once for the file and run by plain node: through tsx each of the six
 * desk processes spent 0.4 s of CPU compiling TypeScript before its first write. The bundle sits
 * inside the package (git ignores test/.scratch), so its packages resolve from node_modules.
 */
const deskScript = join(root, 'test', '.scratch', `reliability-desk-${process.pid}.mjs`);
beforeAll(async () => {
  await build({
    entryPoints: [join(import.meta.dirname, 'fixtures', 'desk.ts')], outfile: deskScript, bundle: true,
    platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning',
  });
});
afterAll(() => rmSync(deskScript, { force: true }));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Starts a desk process; `ids` collects what it reports committed. */
function desk(location: string, staff: string, count: number): { child: ChildProcess; ids: number[]; done: Promise<number | null>; waitFor: (n: number) => Promise<void> } {
  const child = spawn(process.execPath, [deskScript, location, staff, String(count)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const ids: number[] = [];
  let err = '';
  const waiters: { n: number; resolve: () => void }[] = [];
  let buffer = '';
  child.stdout!.on('data', (chunk) => {
    buffer += String(chunk);
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) if (/^\d+$/.test(line)) ids.push(Number(line));
    for (const w of waiters.filter((w) => ids.length >= w.n)) w.resolve();
  });
  child.stderr!.on('data', (chunk) => (err += String(chunk)));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    if (code !== 0 && code !== null) console.error(err);
    resolve(code);
  }));
  const waitFor = (n: number): Promise<void> => new Promise((resolve) => {
    if (ids.length >= n) resolve();
    else waiters.push({ n, resolve });
  });
  return { child, ids, done, waitFor };
}

describe.each(databases)('the register on %s, from several processes', (kind) => {
  it('loses nothing when two desks record at the same moment', async () => {
    const { location, cleanup } = await freshLocation(kind);
    cleanups.push(cleanup);
    // Created first, so the two desks race on recording, not on creating the schema.
    await (await openRegister(location)).close();
    const perDesk = 60;
    const desks = [desk(location, 'desk-a', perDesk), desk(location, 'desk-b', perDesk)];
    expect(await Promise.all(desks.map((d) => d.done))).toEqual([0, 0]);
    const register = await openRegister(location, { readonly: true });
    cleanups.push(() => register.close());
    const listed = [];
    for await (const e of register.all()) listed.push(e);
    expect(listed).toHaveLength(2 * perDesk);
    expect(listed.map((e) => e.id).sort((a, b) => a - b)).toEqual([...desks[0].ids, ...desks[1].ids].sort((a, b) => a - b));
    for (const staff of ['desk-a', 'desk-b']) {
      expect(listed.filter((e) => e.staff === staff).map((e) => e.account).sort()).toEqual(Array.from({ length: perDesk }, (_, i) => `${staff}-${i}`).sort());
    }
    expect(listed.every((e) => e.history.length === 1)).toBe(true);
  });

  it('stays consistent when a desk is killed in the middle of its writes', async () => {
    const { location, cleanup } = await freshLocation(kind);
    cleanups.push(cleanup);
    await (await openRegister(location)).close();
    const victim = desk(location, 'victim', 0);
    await victim.waitFor(40);
    victim.child.kill('SIGKILL');
    await victim.done;
    const db = await openDatabase(location);
    cleanups.push(() => db.close());
    if (kind === 'sqlite') expect(await db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    // Every entry has exactly its `recorded` event: no entry without history, no history without entry.
    const orphans = await db.all('SELECT e.id FROM register_entries e LEFT JOIN register_history h ON h.entry_id = e.id GROUP BY e.id HAVING COUNT(h.id) <> 1');
    expect(orphans).toEqual([]);
    const rows = await db.all<{ id: number }>('SELECT id FROM register_entries ORDER BY id');
    const stored = rows.map((r) => Number(r.id));
    // Every id the desk saw committed is there; at most the one in flight went further.
    expect(stored.slice(0, victim.ids.length)).toEqual(victim.ids);
    expect(stored.length - victim.ids.length).toBeLessThanOrEqual(1);
    // The register still takes new entries.
    const after = await openRegister(location);
    cleanups.push(() => after.close());
    const { id } = await after.record((await import('../support/register-entry.js')).newEntry());
    expect(id).toBeGreaterThan(stored[stored.length - 1]);
  });
});
