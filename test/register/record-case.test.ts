import { afterEach, describe, expect, it } from 'vitest';
import { openRegister, type Register } from '../../src/register/index.js';
import { policyHash, policyRef } from '../../src/register/record-case.js';
import { recordCase } from '../../src/workflows/register.js';
import { databases, freshLocation } from '../support/register.js';
import { referencePolicy } from '../support/register-seed.js';

/** Recording a case: evaluated against the policy first; only a decided case is recorded. */

const { graph, texts } = referencePolicy();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fresh(kind: (typeof databases)[number]): Promise<Register> {
  const { location, cleanup } = await freshLocation(kind);
  const register = await openRegister(location, { clock: () => new Date('2026-12-02T02:00:00Z'), timeZone: 'Asia/Shanghai' });
  cleanups.push(cleanup, () => register.close());
  return register;
}

describe.each(databases)('recording a case on %s', (kind) => {
  it('records a decided case with the policy it was decided under and its labels', async () => {
    const register = await fresh(kind);
    const recorded = await recordCase(register, graph, policyRef(graph, texts), {
      case: { problem: 'transit_damage', item_value: 100, damage: 'minor', order_profit: 25, return_shipping: 12 }, staff: '小王', account: 'tb_lily', note: '照片已收到',
    });
    expect('entry' in recorded).toBe(true);
    const entry = (recorded as { entry: Awaited<ReturnType<Register['get']>> }).entry;
    expect(entry).toMatchObject({
      status: 'open', outcome: 'partial_refund', owner: 'finance', staff: '小王', account: 'tb_lily', day: '2026-12-02',
      policy: { id: 'after_sales', version: graph.policy.version, hash: policyHash(texts) },
      labels: { outcome: { 'zh-CN': '部分退款', en: 'Partial refund' }, owner: { 'zh-CN': '财务', en: 'Finance' }, problem: { 'zh-CN': '售后问题类型：运输破损' } },
    });
    expect(await register.get(entry.id)).toEqual(entry);
  });

  it('refuses an undecided case with the facts still needed, recording nothing', async () => {
    const register = await fresh(kind);
    const recorded = await recordCase(register, graph, policyRef(graph, texts), { case: { problem: 'missing_items', item_value: 20 }, staff: '小王' });
    expect(recorded).toMatchObject({ refused: 'undecided', result: { status: 'undecided', needs: ['small_and_light'] } });
    expect((await register.list()).entries).toEqual([]);
  });

  it('refuses an invalid case with its diagnostics', async () => {
    const register = await fresh(kind);
    const recorded = await recordCase(register, graph, policyRef(graph, texts), { case: { problem: 'wrong_itme' }, staff: '小王' });
    expect(recorded).toMatchObject({ refused: 'invalid', diagnostics: [{ code: 'case/schema' }] });
  });

  it.each([
    [{ case: [], staff: 'a' }, '`case` must be an object of facts, got []'],
    [{ case: { problem: 'logistics', shipped: false, past_promised_time: true }, staff: 3 }, '`staff` must be a text, got 3'],
    [{ case: { problem: 'logistics', shipped: false, past_promised_time: true } }, '`staff` is required'],
  ])('refuses a request without what the register needs (%j)', async (request, message) => {
    const register = await fresh(kind);
    const recorded = await recordCase(register, graph, policyRef(graph, texts), request);
    expect(recorded).toMatchObject({ refused: 'invalid-input', error: { message } });
  });
});
