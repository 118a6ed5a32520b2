import type { NewEntry } from '../../src/register/entry.js';

/** An entry to record, with overrides. */
export function newEntry(over: Partial<NewEntry> = {}): NewEntry {
  return {
    staff: '小王',
    account: 'tb_buyer_01',
    policy: { id: 'after_sales', version: '1.0', hash: 'a'.repeat(64) },
    facts: { problem: 'transit_damage', item_value: 100, damage: 'minor', order_profit: 25, return_shipping: 12 },
    outcome: 'partial_refund',
    owner: 'finance',
    due: null,
    labels: {
      outcome: { 'zh-CN': '部分退款', en: 'Partial refund' },
      owner: { 'zh-CN': '财务', en: 'Finance' },
      problem: { 'zh-CN': '售后问题类型：运输破损', en: 'Kind of problem: damaged in transit' },
    },
    note: null,
    ...over,
  };
}
