import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, openRegister, RegisterError, schemaVersion, type Register } from '../../src/register/index.js';
import { databases, freshLocation, newEntry } from '../support/register.js';

/** The register's data layer, the same tests on SQLite and on PostgreSQL. */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A clock the test moves by hand. */
function testClock(start = '2026-12-02T01:00:00.000Z'): { now: () => Date; set: (iso: string) => void } {
  let t = new Date(start);
  return { now: () => t, set: (iso) => void (t = new Date(iso)) };
}

async function fresh(kind: (typeof databases)[number], clock = testClock()): Promise<{ register: Register; location: string }> {
  const { location, cleanup } = await freshLocation(kind);
  const register = await openRegister(location, { clock: clock.now, timeZone: 'Asia/Shanghai' });
  cleanups.push(cleanup, () => register.close());
  return { register, location };
}

async function rejection(p: Promise<unknown>): Promise<RegisterError> {
  const error = await p.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(RegisterError);
  return error as RegisterError;
}

describe.each(databases)('the register on %s', (kind) => {
  it('creates its schema on first use and leaves it alone after', async () => {
    const { location } = await fresh(kind);
    const db = await openDatabase(location);
    cleanups.push(() => db.close());
    expect(await db.all('SELECT version FROM register_schema ORDER BY version')).toEqual([{ version: schemaVersion }]);
    const again = await openRegister(location);
    await again.close();
    expect(await db.all('SELECT version FROM register_schema ORDER BY version')).toEqual([{ version: schemaVersion }]);
  });

  it('records a case as an open entry with its history, and reads it back', async () => {
    const { register } = await fresh(kind);
    const recorded = await register.record(newEntry({ note: '顾客已发照片', due: '2026-12-05T09:00:00+08:00' }));
    expect(recorded).toMatchObject({ id: 1, status: 'open', staff: '小王', recorded_at: '2026-12-02T01:00:00.000Z', day: '2026-12-02', due: '2026-12-05T01:00:00.000Z' });
    const read = await register.get(recorded.id);
    expect(read).toEqual(recorded);
    expect(read.history).toEqual([{ at: '2026-12-02T01:00:00.000Z', staff: '小王', kind: 'recorded', from: null, to: 'open', note: '顾客已发照片' }]);
    expect(read.notes).toEqual([{ at: '2026-12-02T01:00:00.000Z', staff: '小王', text: '顾客已发照片' }]);
    expect(read.case).toEqual(newEntry().facts);
  });

  it('keeps the calendar day of the register time zone', async () => {
    const clock = testClock('2026-12-01T17:30:00.000Z'); // 01:30 on 2 December in Shanghai
    const { register } = await fresh(kind, clock);
    expect((await register.record(newEntry())).day).toBe('2026-12-02');
  });

  it('moves a case open → in_progress → done → confirmed, each move in the history', async () => {
    const clock = testClock();
    const { register } = await fresh(kind, clock);
    const { id } = await register.record(newEntry());
    clock.set('2026-12-02T02:00:00.000Z');
    await register.move(id, 'in_progress', { staff: '小李' });
    clock.set('2026-12-02T03:00:00.000Z');
    await register.move(id, 'done', { staff: '小李', note: '已退款 12 元' });
    const confirmed = await register.move(id, 'confirmed', { staff: '小王' });
    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.history.map((h) => [h.kind, h.from, h.to, h.staff])).toEqual([
      ['recorded', null, 'open', '小王'],
      ['status', 'open', 'in_progress', '小李'],
      ['status', 'in_progress', 'done', '小李'],
      ['status', 'done', 'confirmed', '小王'],
    ]);
    expect(confirmed.notes.map((n) => n.text)).toEqual(['已退款 12 元']);
  });

  it.each([
    ['open', 'done'],
    ['open', 'confirmed'],
    ['open', 'open'],
  ] as const)('refuses the move %s → %s', async (_from, to) => {
    const { register } = await fresh(kind);
    const { id } = await register.record(newEntry());
    const error = await rejection(register.move(id, to, { staff: '小李' }));
    expect(error.kind).toBe('invalid-transition');
    expect(error.message).toBe(`entry ${id} is \`open\` and cannot move to \`${to}\``);
    expect((await register.get(id)).history).toHaveLength(1);
  });

  it('treats confirmed and cancelled as final', async () => {
    const { register } = await fresh(kind);
    const { id } = await register.record(newEntry());
    await register.move(id, 'cancelled', { staff: '小李', note: '顾客撤回' });
    const error = await rejection(register.move(id, 'in_progress', { staff: '小李' }));
    expect(error).toMatchObject({ kind: 'invalid-transition', help: '`cancelled` is final' });
  });

  it('refuses bad input with the field named', async () => {
    const { register } = await fresh(kind);
    const { id } = await register.record(newEntry());
    expect((await rejection(register.record(newEntry({ staff: ' ' })))).message).toBe('`staff` must be a non-empty text, got " "');
    expect((await rejection(register.move(id, 'finished', { staff: 'a' }))).kind).toBe('invalid-input');
    expect((await rejection(register.get(999))).kind).toBe('not-found');
    expect((await rejection(register.list({ day: '2026-02-30' }))).message).toBe('`day` must be a date YYYY-MM-DD, got "2026-02-30"');
    expect((await rejection(register.list({ limit: 0 }))).kind).toBe('invalid-input');
    expect((await rejection(register.list({ after: "1 OR 1=1" }))).kind).toBe('invalid-input');
  });

  it('adds notes and reassigns, appending to the history', async () => {
    const { register } = await fresh(kind);
    const { id } = await register.record(newEntry());
    await register.addNote(id, { staff: '小李', note: '顾客要求加急' });
    const moved = await register.reassign(id, 'warehouse', { staff: '主管' });
    expect(moved.owner).toBe('warehouse');
    expect(moved.history.slice(1).map((h) => [h.kind, h.from, h.to, h.note])).toEqual([
      ['note', null, null, '顾客要求加急'],
      ['reassign', 'finance', 'warehouse', null],
    ]);
  });

  it('lists by day, status, owner, outcome and overdue, paging by cursor', async () => {
    const clock = testClock('2026-12-01T02:00:00.000Z');
    const { register } = await fresh(kind, clock);
    await register.record(newEntry({ due: '2026-12-01T10:00:00Z' }));
    clock.set('2026-12-02T02:00:00.000Z');
    const a = await register.record(newEntry({ due: '2026-12-02T03:00:00Z' }));
    const b = await register.record(newEntry({ outcome: 'damaged_return', owner: 'warehouse', due: '2026-12-03T03:00:00Z' }));
    const c = await register.record(newEntry({ due: '2026-12-02T02:30:00Z' }));
    await register.move(c.id, 'in_progress', { staff: 'x' });
    await register.move(c.id, 'done', { staff: 'x' });
    const ids = async (q: Parameters<Register['list']>[0]): Promise<number[]> => (await register.list(q)).entries.map((e) => e.id);
    expect(await ids({ day: '2026-12-02' })).toEqual([a.id, b.id, c.id]);
    expect(await ids({ day: '2026-12-02', status: 'open' })).toEqual([a.id, b.id]);
    expect(await ids({ owner: 'warehouse' })).toEqual([b.id]);
    expect(await ids({ outcome: 'partial_refund', day: '2026-12-02' })).toEqual([a.id, c.id]);
    clock.set('2026-12-02T04:00:00.000Z');
    expect(await ids({ overdue: true })).toEqual([1, a.id]); // c is done, b not yet due
    const first = await register.list({ limit: 2 });
    expect(first.entries.map((e) => e.id)).toEqual([1, a.id]);
    expect(first.entries[0].history).toHaveLength(1);
    const second = await register.list({ limit: 2, after: first.next! });
    expect(second.entries.map((e) => e.id)).toEqual([b.id, c.id]);
    expect(second.next).toBeNull();
    expect(second.entries[1].history).toHaveLength(3);
  });

  it('keeps the policy version an entry was decided under', async () => {
    const { register } = await fresh(kind);
    const old = await register.record(newEntry());
    await register.record(newEntry({ policy: { id: 'after_sales', version: '1.1', hash: 'b'.repeat(64) } }));
    expect((await register.get(old.id)).policy).toEqual({ id: 'after_sales', version: '1.0', hash: 'a'.repeat(64) });
  });

  it('refuses to rewrite or delete history, even by hand', async () => {
    const { register, location } = await fresh(kind);
    const { id } = await register.record(newEntry());
    const db = await openDatabase(location);
    cleanups.push(() => db.close());
    await expect(db.run('UPDATE register_history SET note = ? WHERE entry_id = ?', ['x', id])).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM register_history WHERE entry_id = ?', [id])).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM register_entries WHERE id = ?', [id])).rejects.toThrow(/append-only/);
    await expect(db.run('UPDATE register_entries SET outcome = ? WHERE id = ?', ['refund', id])).rejects.toThrow(/append-only/);
  });

  it('reports a register it may not write as read-only, and still reads it', async () => {
    const { register, location } = await fresh(kind);
    await register.record(newEntry());
    let reader: Register;
    if (kind === 'sqlite') {
      reader = await openRegister(location, { readonly: true });
    } else {
      const db = await openDatabase(location);
      await db.run(`ALTER DATABASE ${new URL(location).pathname.slice(1)} SET default_transaction_read_only = on`);
      await db.close();
      reader = await openRegister(location);
    }
    cleanups.push(() => reader.close());
    expect((await reader.list()).entries).toHaveLength(1);
    const error = await rejection(reader.record(newEntry()));
    expect(error.kind).toBe('read-only');
    expect(error.message).toMatch(/^the register (at )?`.*` cannot be written/);
  });

  it('refuses a database at a newer schema version, without touching it', async () => {
    const { location } = await fresh(kind);
    const db = await openDatabase(location);
    cleanups.push(() => db.close());
    await db.run('INSERT INTO register_schema (version, description, applied_at) VALUES (?, ?, ?)', [schemaVersion + 1, 'from the future', '2027-01-01T00:00:00Z']);
    const error = await rejection(openRegister(location));
    expect(error.kind).toBe('newer-schema');
    expect(error.message).toContain(`has schema version ${schemaVersion + 1}, newer than this sopwright understands (${schemaVersion})`);
  });

  it('loses nothing when one desk takes many requests at once', async () => {
    const { register } = await fresh(kind);
    const recorded = await Promise.all(Array.from({ length: 40 }, (_, i) => register.record(newEntry({ account: `buyer-${i}` }))));
    expect(new Set(recorded.map((e) => e.id)).size).toBe(40);
    const listed = [];
    for await (const e of register.all()) listed.push(e);
    expect(listed.map((e) => e.account).sort()).toEqual(recorded.map((e) => e.account).sort());
    expect(listed.every((e) => e.history.length === 1 && e.history[0].kind === 'recorded')).toBe(true);
  });

  it('lets exactly one of two desks make the same move at once', async () => {
    const { location } = await fresh(kind);
    // Two PostgreSQL clients race on the row; one SQLite connection serialises its requests.
    const second = kind === 'postgres' ? await openRegister(location) : undefined;
    const first = await openRegister(location);
    cleanups.push(async () => void (await Promise.all([first.close(), second?.close()])));
    const desks = [first, second ?? first];
    const { id } = await desks[0].record(newEntry());
    const results = await Promise.allSettled(desks.map((d, i) => d.move(id, 'in_progress', { staff: `desk${i}` })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ kind: 'invalid-transition' });
    expect((await desks[0].get(id)).history.filter((h) => h.kind === 'status')).toHaveLength(1);
  });
});

describe('a register that is not there', () => {
  it('is reported missing on SQLite when reading', async () => {
    const { dir, cleanup } = await freshLocation('sqlite');
    cleanups.push(cleanup);
    const error = await rejection(openRegister(`${dir}/none.db`, { readonly: true }));
    expect(error.kind).toBe('missing');
    expect(error.message).toBe(`there is no register at \`${dir}/none.db\``);
  });

  it('is reported missing on PostgreSQL', async () => {
    const { location } = await freshLocation('postgres');
    const url = new URL(location);
    url.pathname = '/no_such_register';
    const error = await rejection(openRegister(url.toString()));
    expect(error.kind).toBe('missing');
  });

  it('is reported unavailable when PostgreSQL does not answer', async () => {
    const error = await rejection(openRegister('postgres://nobody:secret@127.0.0.1:1/register', { lockTimeoutMs: 1000 }));
    expect(error.kind).toBe('unavailable');
    expect(error.message).not.toContain('secret');
  });
});
