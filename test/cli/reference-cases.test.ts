import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repoRoot, runCli } from '../support/cli.js';

/**
 * The example cases in rules/cases/ give what their comments say, against the policy they belong
 * to, and every YAML case there is in this table (a new example must say what it gives).
 */
const examples: Record<string, { policy: string; status: 'decided' | 'undecided'; outcome: string | null; due?: string | null; needs?: string[] }> = {
  'colour-difference.yaml': { policy: 'after-sales', status: 'decided', outcome: 'explain_lighting' },
  'late-shipment.yaml': { policy: 'after-sales', status: 'decided', outcome: 'apologise_and_ship' },
  'missing-items-undecided.yaml': { policy: 'after-sales', status: 'undecided', outcome: null, needs: ['small_and_light'] },
  'transit-damage-high-value.yaml': { policy: 'after-sales', status: 'decided', outcome: 'return_and_exchange' },
  'transit-damage-minor.yaml': { policy: 'after-sales', status: 'decided', outcome: 'partial_refund' },
  'wrong-item-cheap.yaml': { policy: 'after-sales', status: 'decided', outcome: 'discount_or_gift' },
  'presale-unpaid-remind.yaml': { policy: 'presale', status: 'decided', outcome: 'remind_payment', due: '2026-12-01T23:59:00+08:00' },
  'presale-unpaid-night.yaml': { policy: 'presale', status: 'decided', outcome: 'remind_next_morning', due: '2026-12-02T09:00:00+08:00' },
  'presale-transfer-evening.yaml': { policy: 'presale', status: 'decided', outcome: 'transfer_with_handover', due: '2026-12-03T09:00:00+08:00' },
  'presale-change-address.yaml': { policy: 'presale', status: 'decided', outcome: 'change_courier', due: null },
  'warranty-anniversary.yaml': { policy: 'warranty', status: 'decided', outcome: 'free_repair', due: '2026-02-02T10:00:00+08:00' },
  'warranty-leap-day.yaml': { policy: 'warranty', status: 'decided', outcome: 'repair_lowest_cost', due: '2026-03-02T00:30:00+08:00' },
  'warranty-booking-evening.yaml': { policy: 'warranty', status: 'decided', outcome: 'rebook_notice_and_hours', due: '2026-03-10T17:30:00+08:00' },
  'warranty-undecided-problem.yaml': { policy: 'warranty', status: 'undecided', outcome: 'repair_at_cost', needs: ['problem'] },
};

beforeAll(() => ensureBuilt());

describe('the example cases in rules/cases/', () => {
  it('are all in the table', () => {
    expect(readdirSync(join(repoRoot, 'rules', 'cases')).filter((f) => f.endsWith('.yaml')).sort()).toEqual(Object.keys(examples).sort());
  });

  it.each(Object.entries(examples))('%s', async (file, want) => {
    const r = await runCli(['eval', `rules/${want.policy}.sop`, '--case', `rules/cases/${file}`, '--json'], { cwd: repoRoot });
    const result = JSON.parse(r.stdout) as { status: string; outcome: string | null; due?: string | null; needs: string[] };
    expect(r.code).toBe(want.status === 'decided' ? 0 : 3);
    expect([result.status, result.outcome]).toEqual([want.status, want.outcome]);
    if (want.due !== undefined) expect(result.due).toBe(want.due);
    if (want.needs !== undefined) expect(result.needs).toEqual(want.needs);
  });
});
