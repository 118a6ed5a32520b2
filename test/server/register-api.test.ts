import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openRegister, type Register } from '../../src/register/index.js';
import { databases, freshLocation, type DatabaseKind } from '../support/register.js';
import { referenceServer } from './support.js';

/**
 * The register's HTTP routes, against SQLite and PostgreSQL: record (the case evaluated first; an
 * undecided or invalid case refused with the evaluation's answer), list with filters and cursor
 * paging, read one entry, move it along its status (409 for a forbidden move), add notes and
 * reassign; two desks recording at once lose nothing.
 */

const LATE = { problem: 'logistics', shipped: false, past_promised_time: true };
const DAMAGED = { problem: 'transit_damage', item_value: 100, damage: 'minor', order_profit: 25, return_shipping: 12 };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A clock the test moves, shared by the server and its register. */
function movableClock(start: string): { clock: () => Date; set: (moment: string) => void } {
  let now = new Date(start);
  return { clock: () => now, set: (m) => void (now = new Date(m)) };
}

async function registerAt(location: string, clock: () => Date): Promise<Register> {
  const register = await openRegister(location, { clock, timeZone: 'Asia/Shanghai' });
  cleanups.push(() => register.close());
  return register;
}

async function server(kind: DatabaseKind, start = '2026-12-02T02:00:00Z'): Promise<{ app: FastifyInstance; time: ReturnType<typeof movableClock>; location: string }> {
  const { location, cleanup } = await freshLocation(kind);
  cleanups.push(cleanup);
  const time = movableClock(start);
  const register = await registerAt(location, time.clock);
  const { app, store } = await referenceServer({ register, clock: time.clock });
  cleanups.push(async () => { await app.close(); store.close(); });
  return { app, time, location };
}

/** One server per database for the tests whose requests are all refused (they record nothing). */
const sharedServers = new Map<DatabaseKind, Promise<FastifyInstance>>();
const sharedCleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of sharedCleanups.reverse()) await c();
});
function refusingServer(kind: DatabaseKind): Promise<FastifyInstance> {
  let app = sharedServers.get(kind);
  if (app === undefined) {
    app = (async () => {
      const { location, cleanup } = await freshLocation(kind);
      const register = await openRegister(location, { clock: () => new Date('2026-12-02T02:00:00Z'), timeZone: 'Asia/Shanghai' });
      const served = await referenceServer({ register });
      sharedCleanups.push(cleanup, () => register.close(), async () => { await served.app.close(); served.store.close(); });
      return served.app;
    })();
    sharedServers.set(kind, app);
  }
  return app;
}

const post = (app: FastifyInstance, url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object });
const get = (app: FastifyInstance, url: string) => app.inject({ method: 'GET', url });

describe.each(databases)('the register API on %s', (kind) => {
  it('records a decided case: the entry, `now` filled with the moment of recording, the due moment from it', async () => {
    const { app } = await server(kind);
    const r = await post(app, '/v1/register', { policy: 'after_sales', case: LATE, staff: '小王', note: '顾客很着急' });
    expect(r.statusCode).toBe(201);
    const entry = r.json();
    expect(entry).toMatchObject({
      id: 1, recorded_at: '2026-12-02T02:00:00.000Z', staff: '小王',
      policy: { id: 'after_sales', version: '1.0' }, case: { ...LATE, now: '2026-12-02T02:00:00.000Z' },
      outcome: 'apologise_and_ship', owner: 'warehouse', due: '2026-12-02T23:59:59.000Z', status: 'open',
      notes: [{ at: '2026-12-02T02:00:00.000Z', staff: '小王', text: '顾客很着急' }],
      history: [{ at: '2026-12-02T02:00:00.000Z', staff: '小王', kind: 'recorded', from: null, to: 'open', note: '顾客很着急' }],
    });
    expect(entry.policy.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.headers['sopwright-now']).toBe('2026-12-02T02:00:00.000Z');
    expect(r.headers['sopwright-today']).toBe('2026-12-02');
    // A case that gives its own `now` keeps it; the due moment counts from it.
    const own = await post(app, '/v1/register', { policy: 'after_sales', case: { ...LATE, now: '2026-12-01T12:00:00+08:00' }, staff: '小王' });
    expect(own.json()).toMatchObject({ case: { now: '2026-12-01T12:00:00+08:00' }, due: '2026-12-01T23:59:59.000Z' });
  });

  it('refuses an undecided case with the evaluation\'s answer (400, the next question), recording nothing', async () => {
    const { app } = await server(kind);
    const r = await post(app, '/v1/register?locale=en', { policy: 'after_sales', case: { problem: 'missing_items', item_value: 20 }, staff: '小王' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ policy: { id: 'after_sales' }, status: 'undecided', needs: ['small_and_light'], next: { fact: 'small_and_light', choices: [{ value: 'true' }, { value: 'false' }] } });
    expect((await get(app, '/v1/register')).json()).toEqual({ entries: [], next: null });
  });

  it('refuses an invalid case with its diagnostics (400)', async () => {
    const { app } = await server(kind);
    const r = await post(app, '/v1/register', { policy: 'after_sales', case: { problem: 'wrong_itme' }, staff: '小王' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ status: 'error', diagnostics: [{ code: 'case/schema' }] });
    expect(r.json().diagnostics[0].message).toContain('wrong_itme');
  });

  it.each([
    [{ case: LATE, staff: 'a' }, 400, '`policy` must name a served policy, got null', ['after_sales']],
    [{ policy: 'returns', case: LATE, staff: 'a' }, 404, 'no policy `returns` is served', ['after_sales']],
    [{ policy: 'after_sales', case: LATE }, 400, '`staff` is required', undefined],
    [{ policy: 'after_sales', case: LATE, staff: 7 }, 400, '`staff` must be a text, got 7', undefined],
    [{ policy: 'after_sales', case: [], staff: 'a' }, 400, '`case` must be an object of facts, got []', undefined],
    [{ policy: 'after_sales', case: LATE, staff: 'a', stafff: 'b' }, 400, 'unknown field `stafff`', ['policy', 'case', 'staff', 'note', 'account']],
    [[1], 400, 'the body must be a JSON object', ['policy', 'case', 'staff', 'note', 'account']],
  ])('refuses a bad recording request %j naming the field', async (body, status, message, allowed) => {
    const app = await refusingServer(kind);
    const r = await post(app, '/v1/register', body);
    expect(r.statusCode).toBe(status);
    expect(r.json().error.message).toContain(message);
    expect(r.json().error.allowed).toEqual(allowed);
  });

  it('lists entries with filters and cursor paging; overdue once the clock passes the due moment', async () => {
    const { app, time } = await server(kind);
    for (let i = 0; i < 3; i++) expect((await post(app, '/v1/register', { policy: 'after_sales', case: LATE, staff: `s${i}` })).statusCode).toBe(201);
    expect((await post(app, '/v1/register', { policy: 'after_sales', case: DAMAGED, staff: 's3' })).statusCode).toBe(201);
    time.set('2026-12-03T01:00:00Z');
    expect((await post(app, '/v1/register', { policy: 'after_sales', case: LATE, staff: 's4' })).statusCode).toBe(201);

    const day = (await get(app, '/v1/register?day=2026-12-02')).json();
    expect(day.entries.map((e: { staff: string }) => e.staff)).toEqual(['s0', 's1', 's2', 's3']);
    expect(day.next).toBeNull();
    const page1 = (await get(app, '/v1/register?day=2026-12-02&limit=3')).json();
    expect(page1.entries.map((e: { id: number }) => e.id)).toEqual([1, 2, 3]);
    const page2 = (await get(app, `/v1/register?day=2026-12-02&limit=3&after=${page1.next}`)).json();
    expect(page2).toMatchObject({ entries: [{ id: 4 }], next: null });
    expect((await get(app, '/v1/register?outcome=partial_refund')).json().entries.map((e: { id: number }) => e.id)).toEqual([4]);
    expect((await get(app, '/v1/register?owner=warehouse&day=2026-12-03')).json().entries.map((e: { id: number }) => e.id)).toEqual([5]);
    // Yesterday's same-day cases are overdue now; one moved along to done is not.
    expect((await post(app, '/v1/register/2/status', { status: 'in_progress', staff: 'x' })).statusCode).toBe(200);
    expect((await post(app, '/v1/register/2/status', { status: 'done', staff: 'x' })).statusCode).toBe(200);
    expect((await get(app, '/v1/register?overdue=true')).json().entries.map((e: { id: number }) => e.id)).toEqual([1, 3]);
    expect((await get(app, '/v1/register?status=done')).json().entries.map((e: { id: number }) => e.id)).toEqual([2]);
  });

  it.each([
    ['day=2026-13-01', '`day` must be a date YYYY-MM-DD, got "2026-13-01"', undefined],
    ['status=closed', '`status` must be one of open, in_progress, done, confirmed, cancelled; got "closed"', ['open', 'in_progress', 'done', 'confirmed', 'cancelled']],
    ['overdue=yes', '`overdue` must be true or false, got "yes"', ['true', 'false']],
    ['limit=abc', '`limit` must be a whole number from 1 to 1000, got "abc"', undefined],
    ['limit=0', '`limit` must be a whole number from 1 to 1000, got 0', undefined],
    ['after=x', '`after` must be the `next` cursor of an earlier page, got "x"', undefined],
    ['sort=id', 'unknown parameter `sort`', ['day', 'status', 'owner', 'outcome', 'overdue', 'limit', 'after']],
  ])('refuses a list query %s naming the parameter, the value and what is allowed', async (query, message, allowed) => {
    const app = await refusingServer(kind);
    const r = await get(app, `/v1/register?${query}`);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toContain(message);
    expect(r.json().error.allowed).toEqual(allowed);
  });

  it('reads one entry with its history; an unknown entry is 404', async () => {
    const { app } = await server(kind);
    const recorded = (await post(app, '/v1/register', { policy: 'after_sales', case: LATE, staff: '小王' })).json();
    const r = await get(app, `/v1/register/${recorded.id}`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual(recorded);
    for (const id of ['99', 'abc', '0', '-1']) {
      const missing = await get(app, `/v1/register/${id}`);
      expect(missing.statusCode, id).toBe(404);
      expect(missing.json().error.code).toBe('register/not-found');
    }
    expect((await get(app, '/v1/register/abc')).json().error.message).toBe('there is no register entry "abc"; entry ids are whole numbers from 1');
    expect((await get(app, '/v1/register/99')).json().error.message).toBe('there is no register entry 99');
  });

  it('moves a case along its status with notes, appending history; a forbidden move is 409 naming the allowed ones', async () => {
    const { app, time } = await server(kind);
    const { id } = (await post(app, '/v1/register', { policy: 'after_sales', case: LATE, staff: '小王' })).json();
    time.set('2026-12-02T03:00:00Z');
    const moved = await post(app, `/v1/register/${id}/status`, { status: 'in_progress', staff: '小李', note: '已联系仓库' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'in_progress', notes: [{ staff: '小李', text: '已联系仓库' }] });
    expect(moved.json().history.slice(1)).toEqual([{ at: '2026-12-02T03:00:00.000Z', staff: '小李', kind: 'status', from: 'open', to: 'in_progress', note: '已联系仓库' }]);
    const refused = await post(app, `/v1/register/${id}/status`, { status: 'confirmed', staff: '小李' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'register/invalid-transition', allowed: ['done', 'cancelled'] });
    expect(refused.json().error.message).toContain('is `in_progress` and cannot move to `confirmed`');
    const bad = await post(app, `/v1/register/${id}/status`, { status: 'finished', staff: '小李' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ message: expect.stringContaining('got "finished"'), allowed: ['open', 'in_progress', 'done', 'confirmed', 'cancelled'] });
    expect((await post(app, `/v1/register/${id}/status`, { status: 'done' })).json().error.message).toContain('`staff` is required');
    expect((await post(app, `/v1/register/${id}/status`, { status: 'done', staff: 'a', by: 'b' })).json().error).toMatchObject({ message: 'unknown field `by`', allowed: ['status', 'staff', 'note'] });
    expect((await post(app, '/v1/register/42/status', { status: 'done', staff: 'a' })).statusCode).toBe(404);
    // Nothing was overwritten: the refused moves left no trace.
    expect((await get(app, `/v1/register/${id}`)).json().history.map((h: { kind: string }) => h.kind)).toEqual(['recorded', 'status']);
  });

  it('adds notes and reassigns to another department of the policy, each appended to the history', async () => {
    const { app } = await server(kind);
    const { id } = (await post(app, '/v1/register', { policy: 'after_sales', case: LATE, staff: '小王' })).json();
    const noted = await post(app, `/v1/register/${id}/notes`, { staff: '小李', note: '顾客来电' });
    expect(noted.statusCode).toBe(200);
    expect(noted.json().notes).toMatchObject([{ staff: '小李', text: '顾客来电' }]);
    expect((await post(app, `/v1/register/${id}/notes`, { staff: '小李' })).json().error.message).toContain('`note` is required');
    const moved = await post(app, `/v1/register/${id}/owner`, { owner: 'logistics', staff: '小李', note: '物流处理' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ owner: 'logistics' });
    expect(moved.json().history.at(-1)).toMatchObject({ kind: 'reassign', from: 'warehouse', to: 'logistics', note: '物流处理' });
    const bad = await post(app, `/v1/register/${id}/owner`, { owner: 'marketing', staff: '小李' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('`owner` must be a department of `after_sales`, got "marketing"');
    expect(bad.json().error.allowed).toContain('warehouse');
    expect((await get(app, `/v1/register/${id}`)).json().history.map((h: { kind: string }) => h.kind)).toEqual(['recorded', 'note', 'reassign']);
  });

  it('loses nothing when two desks record at the same moment', async () => {
    const { location, cleanup } = await freshLocation(kind);
    cleanups.push(cleanup);
    const clock = () => new Date('2026-12-02T02:00:00Z');
    // SQLite: one server per file serves every desk (a second process would wait for the lock);
    // PostgreSQL: each desk its own server and connection pool.
    const servers = await Promise.all((kind === 'sqlite' ? [0] : [0, 1]).map(async () => {
      const { app, store } = await referenceServer({ register: await registerAt(location, clock), clock });
      cleanups.push(async () => { await app.close(); store.close(); });
      return `${await app.listen({ port: 0, host: '127.0.0.1' })}/v1/register`;
    }));
    const desks = [servers[0], servers.at(-1) as string];
    const PER_DESK = 25;
    const sent = await Promise.all(desks.flatMap((url, d) => Array.from({ length: PER_DESK }, (_, i) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ policy: 'after_sales', case: LATE, staff: `desk${d}-${i}` }) })
        .then(async (r) => ({ status: r.status, id: ((await r.json()) as { id: number }).id })))));
    expect(sent.every((s) => s.status === 201)).toBe(true);
    const ids = sent.map((s) => s.id).sort((a, b) => a - b);
    expect(ids).toEqual(Array.from({ length: 2 * PER_DESK }, (_, i) => i + 1));
    const listed = (await (await fetch(`${desks[0]}?limit=1000`)).json()) as { entries: { staff: string; history: unknown[] }[] };
    expect(listed.entries).toHaveLength(2 * PER_DESK);
    expect(new Set(listed.entries.map((e) => e.staff)).size).toBe(2 * PER_DESK);
    expect(listed.entries.every((e) => e.history.length === 1)).toBe(true);
  });
});

describe('the OpenAPI document', () => {
  it('documents every register route the server has, and no other', async () => {
    const { app, store } = await referenceServer();
    cleanups.push(async () => { await app.close(); store.close(); });
    const doc = (await get(app, '/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).filter(([path]) => path.startsWith('/v1/register')).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(['GET /v1/register', 'GET /v1/register/{id}', 'POST /v1/register', 'POST /v1/register/{id}/notes', 'POST /v1/register/{id}/owner', 'POST /v1/register/{id}/status']);
    for (const route of documented) {
      const [method, path] = route.split(' ');
      const r = await app.inject({ method: method as 'GET' | 'POST', url: path.replace('{id}', '1'), payload: method === 'POST' ? {} : undefined });
      expect(r.json().error.code, route).toBe('register/none');
    }
  });
});

describe('a server without a register', () => {
  it('answers the register routes with 503 saying how to start one', async () => {
    const { app, store } = await referenceServer();
    cleanups.push(async () => { await app.close(); store.close(); });
    const r = await get(app, '/v1/register');
    expect(r.statusCode).toBe(503);
    expect(r.json().error).toEqual({ code: 'register/none', message: 'this server keeps no register: start it with `sopwright serve --db FILE|URL`' });
  });
});
