import { describe, expect, it } from 'vitest';
import type { DecisionGraph } from '../../src/graph/graph.js';
import { buildHandbookModel, docFor, toBlocks } from '../../src/render/view-model.js';
import { basicGraph } from '../fixtures/render/basic-graph.js';

/** Paths of every undefined value in a plain data tree (strict templates need every field present). */
function undefinedPaths(value: unknown, path = '$'): string[] {
  if (value === undefined) return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => undefinedPaths(v, `${path}.${k}`));
}

describe('buildHandbookModel', () => {
  const zh = buildHandbookModel(basicGraph, 'zh-CN');
  const en = buildHandbookModel(basicGraph, 'en');

  it('gives templates plain data with every field present', () => {
    expect(undefinedPaths(zh)).toEqual([]);
    expect(undefinedPaths(en)).toEqual([]);
    expect(JSON.parse(JSON.stringify(zh))).toEqual(zh);
  });

  it('numbers chapters that have content and the entries in them', () => {
    expect(zh.toc.map((c) => `${c.number} ${c.title}`)).toEqual([
      '1 工作规范', '2 判断流程', '3 处理方案', '4 处理方案速查', '5 术语表：需要了解的情况', 'A 附录：政策参数',
    ]);
    expect(zh.decisions.map((d) => `${d.number} ${d.title}`)).toEqual(['2.1 问题分流', '2.2 破损商品价值']);
    expect(en.outcomes.map((o) => `${o.number} ${o.title}`)).toEqual([
      '3.1 Refund directly', '3.2 Return and exchange', '3.3 Partial refund', '3.4 Escalate',
    ]);
    expect(zh.toc[1].children.map((c) => c.anchor)).toEqual(['decision-triage', 'decision-damage_value']);
  });

  it('leaves out chapters with nothing in them', () => {
    const bare: DecisionGraph = { ...basicGraph, sections: [], constants: {}, lets: {} };
    const model = buildHandbookModel(bare, 'en');
    expect(model.sectionsChapter).toBeNull();
    expect(model.constantsChapter).toBeNull();
    expect(model.decisionsChapter).toEqual({ number: '1', title: 'Decisions', anchor: 'chapter-decisions' });
  });

  it('orders decisions as a case meets them, starting from `start`', () => {
    const { triage, damage_value } = basicGraph.decisions;
    const reordered: DecisionGraph = { ...basicGraph, decisions: { damage_value, triage } };
    expect(buildHandbookModel(reordered, 'zh-CN').decisions.map((d) => d.id)).toEqual(['triage', 'damage_value']);
    expect(zh.decisions[0].isStart).toBe(true);
    expect(zh.decisions[1].isStart).toBe(false);
  });

  it('writes each branch as a numbered row in words with its target', () => {
    expect(zh.decisions[0].branches).toEqual([
      {
        mark: '①', condition: '问题类型为少货或错货，且体积小重量轻', otherwise: false, targetIsDecision: false,
        target: { number: '3.1', title: '直接退款', anchor: 'outcome-refund_directly' },
      },
      {
        mark: '②', condition: '问题类型为运输破损', otherwise: false, targetIsDecision: true,
        target: { number: '2.2', title: '破损商品价值', anchor: 'decision-damage_value' },
      },
      {
        mark: '③', condition: '其他情况', otherwise: true, targetIsDecision: false,
        target: { number: '3.4', title: '上报主管', anchor: 'outcome-escalate' },
      },
    ]);
    expect(en.decisions[0].branches.map((b) => b.condition)).toEqual([
      'The problem type is either missing items or wrong item and the item is small and light',
      'The problem type is damaged in transit',
      'Otherwise',
    ]);
  });

  it('says how each decision picks its branch', () => {
    expect(zh.decisions.map((d) => d.hitPolicy)).toEqual(['按顺序逐条判断，第一条成立的情形适用。', '以下情形互斥，恰有一条成立。']);
  });

  it('fills an outcome card: owner, deadline, steps, documents, what to say, how it is reached', () => {
    const card = zh.outcomes[0];
    expect(card).toMatchObject({
      owner: '财务',
      deadline: '3 天内（退款期限）',
      steps: ['向顾客道歉', '提交退款申请单', '登记售后登记表'],
      documents: ['出库单冲单'],
      say: ['亲，非常抱歉，我们直接给您退款。'],
      reachedFrom: [{ decision: { number: '2.1', title: '问题分流', anchor: 'decision-triage' }, mark: '①', condition: '问题类型为少货或错货，且体积小重量轻' }],
    });
    expect(zh.outcomes[3]).toMatchObject({ owner: '客服', deadline: '当天（解决期限）' });
    expect(en.outcomes[1]).toMatchObject({ owner: 'Warehouse', deadline: 'within 3 days' });
  });

  it('explains computed values, with the derived values they use and rounding', () => {
    expect(zh.outcomes[2].values).toEqual([
      { label: '部分退款上限', formula: '退款上限', terms: [{ label: '退款上限', text: '订单总利润与退回运费中较小者' }], rounding: null },
      { label: '半价补偿', formula: '商品价值乘以0.5', terms: [], rounding: '金额四舍五入到分。' },
    ]);
    expect(en.outcomes[2].values[0]).toMatchObject({
      formula: 'the refund cap',
      terms: [{ label: 'Refund cap', text: 'the smaller of the order profit and the return shipping' }],
    });
  });

  it('groups the quick-reference index by owner, departments in declaration order', () => {
    expect(en.index.map((g) => [g.owner, g.outcomes.map((o) => o.number)])).toEqual([
      ['Finance', ['3.1', '3.3']],
      ['Warehouse', ['3.2']],
      ['Customer service', ['3.4']],
    ]);
  });

  it('lists facts in the glossary with their type or values and the question to ask', () => {
    expect(zh.glossary.map((f) => [f.label, f.type, f.values.join('/'), f.ask])).toEqual([
      ['问题类型', null, '少货/错货/运输破损', '顾客遇到的是哪一类问题？'],
      ['商品价值', '金额（元）', '', '涉及的商品价值多少元？'],
      ['退回运费', '金额（元）', '', '寄回来的运费是多少元？'],
      ['订单总利润', '金额（元）', '', null],
      ['体积小重量轻', '是/否', '', '商品是不是体积小、重量轻？'],
    ]);
  });

  it('prints constants in the locale and works out derived values', () => {
    expect(zh.constants.map((c) => c.value)).toEqual(['¥500.00', '3 天', '当天']);
    expect(en.constants.map((c) => c.value)).toEqual(['¥500.00', '3 days', 'same day']);
    expect(en.derived).toEqual([
      { id: 'refund_cap', anchor: 'derived-refund_cap', label: 'Refund cap', formula: 'the smaller of the order profit and the return shipping', terms: [], doc: [] },
    ]);
  });

  it('formats the cover: title, version, effective date', () => {
    expect(zh.policy).toMatchObject({ title: '小店售后规则', version: '1.2', effective: '2026年1月1日' });
    expect(en.policy).toMatchObject({ title: 'Small shop after-sales rules', effective: '1 January 2026' });
  });
});

describe('toBlocks', () => {
  it.each([
    ['one paragraph', '一行。', [{ list: false, text: '一行。', items: [] }]],
    ['Chinese lines join without a space', '第一行\n第二行', [{ list: false, text: '第一行第二行', items: [] }]],
    ['English lines join with a space', 'one line\nand the next', [{ list: false, text: 'one line and the next', items: [] }]],
    [
      'lines starting with "- " become a list',
      '班次：\n- 白班\n- 晚班',
      [{ list: false, text: '班次：', items: [] }, { list: true, text: '', items: ['白班', '晚班'] }],
    ],
    [
      'a blank line separates paragraphs',
      'a\n\nb',
      [{ list: false, text: 'a', items: [] }, { list: false, text: 'b', items: [] }],
    ],
    ['a dash without a space is text', '-5 元', [{ list: false, text: '-5 元', items: [] }]],
  ])('%s', (_name, text, blocks) => {
    expect(toBlocks(text)).toEqual(blocks);
  });
});

describe('docFor', () => {
  const doc = '先做三查。\n少发直接退款。\n\nRun the three checks first.\nRefund a missing item.';
  it('keeps the Chinese paragraphs of a bilingual doc comment for zh-CN', () => {
    expect(docFor(doc, 'zh-CN')).toBe('先做三查。\n少发直接退款。');
  });
  it('keeps the other paragraphs for English', () => {
    expect(docFor(doc, 'en')).toBe('Run the three checks first.\nRefund a missing item.');
  });
  it('keeps a doc comment in one language whatever the locale', () => {
    expect(docFor('只有中文。', 'en')).toBe('只有中文。');
    expect(docFor(null, 'en')).toBeNull();
  });
});
