import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { referenceServer, rulesCopy } from './support.js';
import { repoRoot } from '../support/cli.js';

/** The HTTP API under /v1, through Fastify's `inject` (the same routing, no socket). */

let app: FastifyInstance;
beforeAll(async () => {
  ({ app } = await referenceServer({ bodyLimit: 64 * 1024, batchLimit: 256 * 1024 }));
});
afterAll(() => app.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: typeof payload === 'string' ? payload : JSON.stringify(payload), headers: { 'content-type': 'application/json', ...headers } });
const evaluate = (body: unknown, query = '') => post(`/v1/policies/after_sales/evaluate${query}`, body);

/** No answer ever shows a stack trace or a source path of ours. */
function noStack(text: string): void {
  expect(text).not.toMatch(/\n\s+at |node_modules|\/src\//);
}

describe('GET /v1/policies', () => {
  it('lists each policy with its id, title, version and hash', async () => {
    const r = await app.inject('/v1/policies');
    expect(r.statusCode).toBe(200);
    const [p, ...rest] = r.json();
    expect(rest).toEqual([]);
    expect(p).toEqual({ id: 'after_sales', title: expect.any(String), version: expect.any(String), hash: expect.stringMatching(/^[0-9a-f]{64}$/), departments: expect.any(Array) });
    // The departments a case can be reassigned to, labelled in the asked locale.
    expect(p.departments).toContainEqual({ id: 'finance', label: '财务' });
    expect((await app.inject('/v1/policies?locale=en')).json()[0].title).toMatch(/^[ -~]+$/);
  });
});

describe('GET /v1/policies/{id}/schema', () => {
  it('gives the case JSON Schema, with the policy identity in headers', async () => {
    const r = await app.inject('/v1/policies/after_sales/schema?locale=en');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ type: 'object', additionalProperties: false, properties: { problem: { enum: expect.arrayContaining(['transit_damage']) } } });
    expect(r.headers['sopwright-policy-id']).toBe('after_sales');
    expect(r.headers['sopwright-policy-hash']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers 404 for a policy it does not serve, listing those it does', async () => {
    const r = await app.inject('/v1/policies/nope/schema');
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({ error: { code: 'request/unknown-policy', message: 'no policy `nope` is served', allowed: ['after_sales'] } });
  });

  it('answers 400 for a locale the policy does not have, listing its locales', async () => {
    const r = await app.inject('/v1/policies/after_sales/schema?locale=fr');
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'request/bad-locale', allowed: ['zh-CN', 'en'] });
  });
});

describe('POST /v1/policies/{id}/evaluate', () => {
  it('decides a case answered as staff type it, with the shape of eval --json and the policy identity', async () => {
    const r = await evaluate({ problem: '运输破损', item_value: '100元', damage: '轻微', order_profit: '¥25', return_shipping: 12 }, '?locale=en');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({
      policy: { id: 'after_sales', version: expect.any(String), hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      status: 'decided', outcome: 'partial_refund', owner: { id: expect.any(String) }, values: { refund_cap: '12.00' }, needs: [], next: null,
    });
    expect(Object.keys(body)).toEqual(['policy', 'status', 'outcome', 'label', 'owner', 'deadline', 'due', 'steps', 'documents', 'say', 'notes', 'values', 'needs', 'questions', 'path', 'diagnostics', 'next', 'skipped', 'unknown', 'now', 'why']);
  });

  it('gives only the lines of a shared outcome that fit the case (issue 17: `via` limits in the reference policy)', async () => {
    // The live policy in rules/ (the server of this file serves the frozen copy).
    const { app: live } = await referenceServer({}, {}, [join(repoRoot, 'rules/after-sales.sop')]);
    const ask = async (body: unknown) => (await live.inject({ method: 'POST', url: '/v1/policies/after_sales/evaluate', payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } })).json();
    const damaged = await ask({ problem: 'transit_damage', item_value: 100, damage: 'severe', exchange_possible: true });
    const wrong = await ask({ problem: 'wrong_item', matches_order: false, item_value: 100, return_shipping: 12 });
    await live.close();
    expect([damaged.outcome, wrong.outcome]).toEqual(['return_and_exchange', 'return_and_exchange']);
    expect(damaged.notes).toEqual(['和顾客商量运费承担问题。', '在售后登记表记录旺旺名、损坏商品的货号和损坏程度。']);
    expect(wrong.notes).toEqual(['退回运费由我们承担。']);
    expect(damaged.say).toContain('我们一定跟您商量好');
    expect(wrong.say).not.toContain('商量');
  });

  it('gives the next question with its allowed answers when undecided', async () => {
    const r = await evaluate({ problem: 'transit_damage', item_value: 100 }, '?locale=en');
    const body = r.json();
    expect(body.status).toBe('undecided');
    expect(body.next).toMatchObject({ fact: 'damage', type: 'enum', choices: [{ value: 'minor', label: 'Minor' }, { value: 'severe', label: 'Severe' }] });
    const money = (await evaluate({ problem: 'transit_damage' }, '?locale=en')).json().next;
    expect(money).toMatchObject({ fact: 'item_value', type: 'money', choices: [], hint: expect.stringContaining('30元') });
  });

  it('does not ask what staff do not know, and lists it as still needed', async () => {
    const body = (await evaluate({ problem: 'transit_damage', item_value: 100 }, '?unknown=damage')).json();
    expect(body).toMatchObject({ status: 'undecided', next: null, unknown: ['damage'] });
    expect((await evaluate({}, '?unknown=damag')).json().error).toMatchObject({ code: 'request/unknown-fact' });
  });

  it('reads an empty case (`{}` or `null`) as a case with nothing known yet', async () => {
    expect((await evaluate({})).json().next.fact).toBe('problem');
    expect((await evaluate('null')).json().next.fact).toBe('problem');
  });

  it('refuses an unknown field with the CLI\'s diagnostic (field, suggestion), no stack', async () => {
    const r = await evaluate({ problem: 'transit_damage', item_valeu: 1 }, '?locale=en');
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({
      policy: { id: 'after_sales' }, status: 'error',
      diagnostics: [{ code: 'case/unknown-field', severity: 'error', message: 'unknown field `item_valeu`', help: 'did you mean `item_value`?' }],
    });
    noStack(r.body);
  });

  it('refuses a bad value naming the field, what was given and what is allowed', async () => {
    const r = await evaluate({ damage: '很轻' }, '?locale=en');
    expect(r.statusCode).toBe(400);
    expect(r.json().diagnostics[0].message).toBe('`damage` must be one of `minor` (Minor), `severe` (Severe), got string "很轻"');
  });

  it.each([
    ['broken JSON', '{"problem": '],
    ['a trailing comma', '{"problem": "logistics",}'],
    ['an empty body', ''],
  ])('answers 400 for %s, with no stack', async (_, payload) => {
    const r = await evaluate(payload);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('request/bad-json');
    noStack(r.body);
  });

  it('refuses a case that is not an object', async () => {
    const r = await evaluate('[1]', '?locale=en');
    expect(r.statusCode).toBe(400);
    expect(r.json().diagnostics[0].message).toBe('a case must be a mapping of fact names to values, got a list');
  });

  it('treats `__proto__` as an unknown field', async () => {
    const r = await evaluate('{"__proto__": {"x": 1}}', '?locale=en');
    expect(r.statusCode).toBe(400);
    expect(r.json().diagnostics[0].message).toBe('unknown field `__proto__`');
  });

  it('answers 413 for an oversized body, and 415 for a body that is not JSON', async () => {
    const big = await evaluate({ problem: 'x'.repeat(70 * 1024) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('request/too-large');
    const text = await app.inject({ method: 'POST', url: '/v1/policies/after_sales/evaluate', payload: '<case/>', headers: { 'content-type': 'application/xml' } });
    expect(text.statusCode).toBe(415);
    noStack(text.body);
  });
});

describe('POST /v1/policies/{id}/evaluate-batch', () => {
  it('streams one result line per case line, in order, as batch mode does', async () => {
    const lines = [
      { problem: 'transit_damage', item_value: 100, damage: 'minor', order_profit: 25, return_shipping: 12 },
      { problem: '运输破损', item_value: '¥100' },
      { problem: 'transit_damage', itm: 1 },
    ].map((l) => JSON.stringify(l)).join('\n');
    const r = await app.inject({ method: 'POST', url: '/v1/policies/after_sales/evaluate-batch', payload: lines, headers: { 'content-type': 'application/x-ndjson' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(r.headers['sopwright-policy-id']).toBe('after_sales');
    const out = r.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((l) => [l.line, l.status, l.outcome])).toEqual([[1, 'decided', 'partial_refund'], [2, 'undecided', null], [3, 'invalid', null]]);
    // The same lines as `sopwright eval --cases`.
    expect(out[0].values).toEqual({ refund_cap: '12.00' });
  });

  it('takes CSV with a header row of fact ids', async () => {
    const r = await app.inject({ method: 'POST', url: '/v1/policies/after_sales/evaluate-batch', payload: 'problem,item_value,damage,order_profit,return_shipping\n运输破损,100元,轻微,25,12\n', headers: { 'content-type': 'text/csv' } });
    expect(r.body.trim().split('\n').map((l) => JSON.parse(l).outcome)).toEqual(['partial_refund']);
  });

  it('refuses a batch over the limit: 413 when the length says so, an error line when it streams past it', async () => {
    const line = `${JSON.stringify({ problem: 'logistics', note: 'x'.repeat(200) })}\n`;
    const big = line.repeat(Math.ceil((300 * 1024) / line.length));
    const r = await app.inject({ method: 'POST', url: '/v1/policies/after_sales/evaluate-batch', payload: big, headers: { 'content-type': 'application/x-ndjson' } });
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe('request/too-large');
  });

  it('answers 415 for a batch that is neither JSON Lines nor CSV', async () => {
    const r = await app.inject({ method: 'POST', url: '/v1/policies/after_sales/evaluate-batch', payload: '{}', headers: { 'content-type': 'application/json' } });
    expect(r.statusCode).toBe(415);
    expect(r.json().error.allowed).toContain('application/x-ndjson');
  });
});

describe('GET /openapi.json and /healthz', () => {
  it('publishes a valid OpenAPI 3.1 document generated from the policy\'s case schema', async () => {
    const doc = (await app.inject('/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/policies', '/v1/policies/after_sales/evaluate', '/v1/policies/after_sales/evaluate-batch', '/v1/policies/after_sales/schema', '/healthz']));
    expect(doc.components.schemas.Case_after_sales.properties.problem.anyOf[0].enum).toContain('transit_damage');
  });

  it('reports health with the policies served', async () => {
    const r = await app.inject('/healthz');
    expect(r.json()).toMatchObject({ status: 'ok', policies: [{ id: 'after_sales' }], refused: [] });
  });

  it('answers an unknown route with 404 in JSON', async () => {
    const r = await app.inject('/v2/nothing');
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('request/not-found');
  });
});

describe('the access token', () => {
  it('refuses every request without it, and serves with it', async () => {
    const { app: guarded } = await referenceServer({ token: 's3cret-token' });
    try {
      for (const url of ['/v1/policies', '/healthz', '/openapi.json', '/']) {
        const r = await guarded.inject(url);
        expect(r.statusCode, url).toBe(401);
        expect(r.json().error.code).toBe('request/unauthorized');
      }
      expect((await guarded.inject({ url: '/v1/policies', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
      expect((await guarded.inject({ url: '/v1/policies', headers: { authorization: 'Bearer s3cret-token' } })).statusCode).toBe(200);
      expect((await guarded.inject('/healthz?access_token=s3cret-token')).statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe('reloading', () => {
  it('serves an edit without a restart, refuses a broken version and keeps the last good one, saying why', async () => {
    const copy = rulesCopy();
    const reloads: string[] = [];
    const { app: live, store } = await referenceServer({}, { watch: true, settleMs: 20, onReload: (r) => reloads.push(r.refused.length > 0 ? 'refused' : 'ok') }, [copy.dir]);
    const file = join(copy.dir, 'after-sales.sop');
    const original = readFileSync(file, 'utf8');
    const until = async (what: string) => {
      for (let i = 0; i < 200 && !reloads.includes(what); i++) await new Promise((r) => setTimeout(r, 25));
      expect(reloads).toContain(what);
      reloads.length = 0;
    };
    try {
      const first = (await live.inject('/v1/policies')).json()[0];
      writeFileSync(file, original.replace('version "', 'version "9.'));
      await until('ok');
      const second = (await live.inject('/v1/policies')).json()[0];
      expect(second.version).toMatch(/^9\./);
      expect(second.hash).not.toBe(first.hash);

      writeFileSync(file, `${original}\ndecision broken "坏" { when nope -> nowhere }\n`);
      await until('refused');
      const health = (await live.inject('/healthz')).json();
      expect(health.status).toBe('degraded');
      expect(health.refused[0].reason).toMatch(/after-sales\.sop:\d+:\d+: error\[resolve\/unknown-name\]/);
      // The last good version keeps serving.
      expect((await live.inject('/v1/policies')).json()[0].hash).toBe(second.hash);
      const still = await live.inject({ method: 'POST', url: '/v1/policies/after_sales/evaluate', payload: '{"problem":"logistics"}', headers: { 'content-type': 'application/json' } });
      expect(still.statusCode).toBe(200);
      expect(still.json().policy.hash).toBe(second.hash);
    } finally {
      store.close();
      await live.close();
      copy.remove();
    }
  });
});
