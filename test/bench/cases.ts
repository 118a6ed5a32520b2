import type { Value } from '../../src/graph/graph.js';
import { seededRandom } from '../support/generate-policy.js';

/**
 * Seeded cases of the reference policy (rules/after-sales.sop), for the benchmark and the tests.
 * Every fact is present, so every engine decides every case. Money amounts favour the
 * boundaries: the thresholds (30 and 500 CNY) and a fen either side, and amounts equal to each
 * other (item value = return shipping, order profit = return shipping).
 */

/** A case as run-time values: money in fen. */
export type FenCase = Record<string, Value>;

const PROBLEMS = ['missing_items', 'wrong_item', 'transit_damage', 'not_as_described', 'logistics', 'complaint', 'return_received'];
const CAUSES = ['lighting', 'wrong_product', 'missing_accessory', 'listing_error'];
const BOOLS = ['small_and_light', 'shortage_confirmed', 'matches_order', 'exchange_possible', 'feedback_accurate', 'shipped', 'past_promised_time', 'our_fault', 'difficult', 'quantity_correct'];
const BOUNDARIES = [0, 1, 2999, 3000, 3001, 49999, 50000, 50001];

/** The money facts of the policy, for converting cases between fen and yuan. */
export const MONEY_FACTS = ['item_value', 'return_shipping', 'order_profit'] as const;

/** `count` cases from `seed`; the same seed always gives the same cases. */
export function generateCases(count: number, seed = 20261201): FenCase[] {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const amount = (): number => (random() < 0.4 ? BOUNDARIES[int(BOUNDARIES.length)] : int(100_000));
  const cases: FenCase[] = [];
  for (let i = 0; i < count; i++) {
    // Fixed key order: every case object has the same shape, as rows of one register would.
    const c: FenCase = { problem: PROBLEMS[int(PROBLEMS.length)] };
    c.item_value = amount();
    c.return_shipping = random() < 0.2 ? c.item_value : amount();
    c.order_profit = random() < 0.2 ? c.return_shipping : amount();
    for (const b of BOOLS) c[b] = random() < 0.5;
    c.damage = random() < 0.5 ? 'minor' : 'severe';
    c.cause = CAUSES[int(CAUSES.length)];
    cases.push(c);
  }
  return cases;
}

/** A case as a user writes it in a JSONL line: money in yuan (29.99), which `readCase` turns into fen. */
export function toInputRecord(c: FenCase): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(c)) out[k] = (MONEY_FACTS as readonly string[]).includes(k) ? (v as number) / 100 : (v as string | boolean);
  return out;
}
