import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../../src/check/check.js';
import type { DecisionGraph } from '../../src/graph/graph.js';
import { decideCase, policyRef } from '../../src/register/record-case.js';
import { openRegister, type RegisterEntry } from '../../src/register/index.js';
import { repoRoot } from './cli.js';

/** The reference policy compiled from disk, with its source texts (for the policy hash). */
export function referencePolicy(): { graph: DecisionGraph; texts: string[] } {
  const result = compile(join(repoRoot, 'rules', 'after-sales.sop'), { readFile: (p) => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } } });
  if (result.graph === undefined) throw new Error('the reference policy does not compile');
  return { graph: result.graph, texts: result.graph.files.map((f) => result.sources.get(f)!.text) };
}

/** The cases seeded into a register: each decided by the reference policy. */
export const seedCases = [
  { at: '2026-12-02T01:15:00.000Z', staff: '小王', account: 'tb_lily', due: '2026-12-02T06:00:00.000Z', facts: { problem: 'transit_damage', item_value: 100, damage: 'minor', order_profit: 25, return_shipping: 12 }, note: '顾客已发照片' },
  { at: '2026-12-02T02:40:00.000Z', staff: '小李', account: 'tb_chen', due: '2030-01-01T00:00:00.000Z', facts: { problem: 'wrong_item', matches_order: false, item_value: 8, return_shipping: 12 }, note: null },
  { at: '2026-12-02T03:05:00.000Z', staff: '小王', account: 'wang, "A"', due: null, facts: { problem: 'logistics', shipped: false, past_promised_time: true }, note: '=催发货' },
  { at: '2026-12-03T01:00:00.000Z', staff: '小李', account: 'tb_next_day', due: null, facts: { problem: 'missing_items', item_value: 20, small_and_light: true }, note: null },
] as const;

/** Records the seed cases (at their moments, in Shanghai days); returns the entries. */
export async function seedRegister(location: string): Promise<RegisterEntry[]> {
  const { graph, texts } = referencePolicy();
  let now = new Date(seedCases[0].at);
  const register = await openRegister(location, { clock: () => now, timeZone: 'Asia/Shanghai' });
  const out: RegisterEntry[] = [];
  try {
    for (const c of seedCases) {
      now = new Date(c.at);
      const decided = decideCase(graph, policyRef(graph, texts), c.facts, { staff: c.staff, account: c.account, note: c.note });
      if (!('entry' in decided)) throw new Error(`seed case not decided: ${JSON.stringify(c.facts)}`);
      out.push(await register.record({ ...decided.entry, due: c.due }));
    }
  } finally {
    await register.close();
  }
  return out;
}
