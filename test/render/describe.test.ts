import { describe, expect, it } from 'vitest';
import type { DecisionGraph, Expr } from '../../src/graph/graph.js';
import { describeCondition, describeConditionParts, describeTerms, describeValue } from '../../src/render/describe.js';
import { formatDate, formatDeadline, formatDuration, formatMoney } from '../../src/render/format.js';
import { basicGraph } from '../fixtures/render/basic-graph.js';
import {
  and, arith, cmp, constant, duration, el, fact, isIn, letRef, literal, maxOf, member, minOf, neg, not, or, t, types, yuan,
} from '../fixtures/render/build.js';

/** The basic fixture plus facts of every other type, so each phrasing can be shown. */
const graph: DecisionGraph = {
  ...basicGraph,
  facts: {
    ...basicGraph.facts,
    waited: { ...el('waited', t('等待时长', 'Time waited')), type: types.duration, ask: null, notes: [] },
    count: { ...el('count', t('件数', 'Item count')), type: types.number, ask: null, notes: [] },
    remark: { ...el('remark', t('备注', 'Remark')), type: types.text, ask: null, notes: [] },
    shipped: { ...el('shipped', t('已发货', 'The order has shipped')), type: types.bool, ask: null, notes: [] },
    urgent: { ...el('urgent', t('加急', 'Urgent')), type: types.bool, ask: null, notes: [] },
  },
};

const problem = fact('problem', types.enum('problem_type'));
const itemValue = fact('item_value', types.money);
const returnShipping = fact('return_shipping', types.money);
const orderProfit = fact('order_profit', types.money);
const smallAndLight = fact('small_and_light', types.bool);
const shipped = fact('shipped', types.bool);
const highValue = constant('high_value_threshold', types.money);

const zh = (e: Expr): string => describeCondition(e, { graph, locale: 'zh-CN' });
const en = (e: Expr): string => describeCondition(e, { graph, locale: 'en' });

describe('conditions in words', () => {
  it.each<[string, Expr, string, string]>([
    ['money against money', cmp('>', itemValue, returnShipping), '商品价值高于退回运费', 'the item value is higher than the return shipping'],
    ['at most', cmp('<=', itemValue, returnShipping), '商品价值不高于退回运费', 'the item value is at most the return shipping'],
    ['below a constant, with its value', cmp('<', itemValue, highValue), '商品价值低于高价值门槛（¥500.00）', 'the item value is lower than the high-value threshold (¥500.00)'],
    ['at least a literal', cmp('>=', itemValue, yuan(30)), '商品价值不低于¥30.00', 'the item value is at least ¥30.00'],
    ['fen are shown', cmp('==', itemValue, yuan(12.5)), '商品价值等于¥12.50', 'the item value is ¥12.50'],
    ['a bool fact', smallAndLight, '体积小重量轻', 'the item is small and light'],
    ['a negated bool fact', not(smallAndLight), '不是体积小重量轻', 'it is not true that the item is small and light'],
    ['bool == false', cmp('==', shipped, literal(false, types.bool)), '不是已发货', 'it is not true that the order has shipped'],
    ['a negated bool fact that is not a statement', not(fact('urgent', types.bool)), '不是加急', 'not urgent'],
    ['bool == true', cmp('==', shipped, literal(true, types.bool)), '已发货', 'the order has shipped'],
    ['enum ==', cmp('==', problem, member('problem_type', 'missing_items')), '问题类型为少货', 'the problem type is missing items'],
    ['enum !=', cmp('!=', problem, member('problem_type', 'wrong_item')), '问题类型不为错货', 'the problem type is not wrong item'],
    ['enum in, two', isIn(problem, ['missing_items', 'wrong_item']), '问题类型为少货或错货', 'the problem type is either missing items or wrong item'],
    ['enum in, three', isIn(problem, ['missing_items', 'wrong_item', 'transit_damage']), '问题类型为少货、错货或运输破损', 'the problem type is one of missing items, wrong item and damaged in transit'],
    ['enum not in, two', isIn(problem, ['missing_items', 'wrong_item'], true), '问题类型既不为少货也不为错货', 'the problem type is neither missing items nor wrong item'],
    ['not pushes inwards', not(cmp('>', itemValue, returnShipping)), '商品价值不高于退回运费', 'the item value is at most the return shipping'],
    ['and', and(cmp('>', itemValue, returnShipping), smallAndLight), '商品价值高于退回运费，且体积小重量轻', 'the item value is higher than the return shipping and the item is small and light'],
    ['or of three', or(smallAndLight, shipped, cmp('<', itemValue, yuan(5))), '体积小重量轻，或已发货，或商品价值低于¥5.00', 'the item is small and light, the order has shipped or the item value is lower than ¥5.00'],
    ['and inside or is bracketed', or(and(smallAndLight, shipped), cmp('<', itemValue, yuan(5))), '（体积小重量轻，且已发货），或商品价值低于¥5.00', '(the item is small and light and the order has shipped) or the item value is lower than ¥5.00'],
    ['not of and', not(and(smallAndLight, shipped)), '并非（体积小重量轻，且已发货）', 'not (the item is small and light and the order has shipped)'],
    ['durations', cmp('>', fact('waited', types.duration), literal(duration(3), types.duration)), '等待时长超过3 天', 'the time waited is longer than 3 days'],
    ['same day', cmp('<=', fact('waited', types.duration), literal(duration(0), types.duration)), '等待时长不超过当天', 'the time waited is at most same day'],
    ['text', cmp('==', fact('remark', types.text), literal('加急', types.text)), '备注为“加急”', 'the remark is "加急"'],
    ['numbers', cmp('>=', fact('count', types.number), literal(2, types.number)), '件数不低于2', 'the item count is at least 2'],
    ['min on the left', cmp('>', minOf(orderProfit, returnShipping), yuan(10)), '订单总利润与退回运费中较小者高于¥10.00', 'the smaller of the order profit and the return shipping is higher than ¥10.00'],
  ])('%s', (_name, expr, zhText, enText) => {
    expect(zh(expr)).toBe(zhText);
    expect(en(expr)).toBe(enText);
  });
});

describe('values in words', () => {
  const v = (e: Expr, locale: string): string => describeValue(e, { graph, locale });
  it.each<[string, Expr, string, string]>([
    ['min of two', minOf(orderProfit, returnShipping), '订单总利润与退回运费中较小者', 'the smaller of the order profit and the return shipping'],
    ['max of three', maxOf(orderProfit, returnShipping, yuan(20)), '订单总利润、退回运费与¥20.00中最大者', 'the largest of the order profit, the return shipping and ¥20.00'],
    ['arithmetic', arith('-', orderProfit, returnShipping), '订单总利润减退回运费', 'the order profit minus the return shipping'],
    ['brackets where precedence needs them', arith('*', arith('+', orderProfit, returnShipping), literal(0.5, types.number)), '（订单总利润加退回运费）乘以0.5', '(the order profit plus the return shipping) times 0.5'],
    ['right operand of minus', arith('-', orderProfit, arith('-', returnShipping, yuan(1))), '订单总利润减（退回运费减¥1.00）', 'the order profit minus (the return shipping minus ¥1.00)'],
    ['negation', neg(orderProfit), '负订单总利润', 'minus the order profit'],
    ['a derived value by name', letRef('refund_cap', types.money), '退款上限', 'the refund cap'],
  ])('%s', (_name, expr, zhText, enText) => {
    expect(v(expr, 'zh-CN')).toBe(zhText);
    expect(v(expr, 'en')).toBe(enText);
  });

  it('works out the derived values and constants a value uses, each once', () => {
    const expr = arith('+', letRef('refund_cap', types.money), arith('-', highValue, letRef('refund_cap', types.money)));
    expect(describeTerms(expr, { graph, locale: 'zh-CN' })).toEqual([
      { label: '退款上限', text: '订单总利润与退回运费中较小者' },
      { label: '高价值门槛', text: '¥500.00' },
    ]);
  });
});

describe('condition parts for flowchart lines', () => {
  it('splits at the top-level and/or, each part with its joining word', () => {
    const expr = and(cmp('>', itemValue, returnShipping), smallAndLight, shipped);
    const ctx = { graph, locale: 'zh-CN' };
    expect(describeConditionParts(expr, ctx)).toEqual(['商品价值高于退回运费，', '且体积小重量轻，', '且已发货']);
    expect(describeConditionParts(expr, ctx).join('')).toBe(describeCondition(expr, ctx));
    const enCtx = { graph, locale: 'en' };
    expect(describeConditionParts(expr, enCtx).join(' ')).toBe(describeCondition(expr, enCtx));
  });
});

describe('formats', () => {
  it.each([
    [50000, '¥500.00', '¥500.00'],
    [1250, '¥12.50', '¥12.50'],
    [123456789, '¥1,234,567.89', '¥1,234,567.89'],
    [-5, '-¥0.05', '-¥0.05'],
  ])('money %d fen', (fen, zhText, enText) => {
    expect(formatMoney(fen, 'zh-CN')).toBe(zhText);
    expect(formatMoney(fen, 'en')).toBe(enText);
  });

  it.each([
    [duration(3), '3 天', '3 days', '3 天内', 'within 3 days'],
    [duration(1), '1 天', '1 day', '1 天内', 'within 1 day'],
    [duration(0), '当天', 'same day', '当天', 'same day'],
    [duration(2, 'hour'), '2 小时', '2 hours', '2 小时内', 'within 2 hours'],
    [duration(30, 'minute'), '30 分钟', '30 minutes', '30 分钟内', 'within 30 minutes'],
  ])('duration %o', (d, zhText, enText, zhDeadline, enDeadline) => {
    expect(formatDuration(d, 'zh-CN')).toBe(zhText);
    expect(formatDuration(d, 'en')).toBe(enText);
    expect(formatDeadline(d, 'zh-CN')).toBe(zhDeadline);
    expect(formatDeadline(d, 'en')).toBe(enDeadline);
  });

  it('writes ISO dates in words and keeps anything else as written', () => {
    expect(formatDate('2026-12-01', 'zh-CN')).toBe('2026年12月1日');
    expect(formatDate('2026-12-01', 'en')).toBe('1 December 2026');
    expect(formatDate('next spring', 'en')).toBe('next spring');
  });
});
