import { instance } from '@viz-js/viz';
import { describe, expect, it } from 'vitest';
import { decisionDot, decisionMermaid, plainNamer } from '../../src/render/flowchart.js';
import { exportGraph } from '../../src/render/graph-export.js';
import { dotToSvg, inlineSvg, svgFontStack } from '../../src/render/svg.js';
import { wrapText } from '../../src/render/text-layout.js';
import { basicGraph } from '../fixtures/render/basic-graph.js';
import { el, t } from '../fixtures/render/build.js';

const namer = plainNamer(basicGraph, 'zh-CN');

describe('decisionDot', () => {
  const dot = decisionDot(basicGraph, 'triage', 'zh-CN', namer);

  it('draws the decision as a diamond, outcomes as rounded boxes, a decision target as a diamond', () => {
    expect(dot).toMatch(/"d_triage" \[shape=diamond, style=filled, fillcolor="#fbe3a6", label="问题分流"\]/);
    expect(dot).toMatch(/"o_refund_directly" \[shape=box, style="rounded,filled", [^\]]*label="直接退款"\]/);
    expect(dot).toMatch(/"d_damage_value" \[shape=diamond, [^\]]*label="破损商品价值"\]/);
  });

  it('labels the branches in order with their conditions in words, each label a stop on its edge', () => {
    // decision — label → target: the label is a node the edge passes through (see dotEdge).
    const labelText = (l: string) => new RegExp(`^ {2}"${l}" \\[shape=box, [^\\]]*label="(.*)"\\];$`, 'm').exec(dot)![1];
    const edges = [...dot.matchAll(/^ {2}"d_triage" -> "(l_\d+)" \[arrowhead=none\];\n {2}"\1" -> "(\w+)";$/gm)].map((m) => [m[2], labelText(m[1]!)]);
    expect(edges).toEqual([
      ['o_refund_directly', '① 问题类型为少货或错货，\\n且体积小重量轻'],
      ['d_damage_value', '② 问题类型为运输破损'],
      ['o_escalate', '③ 其他情况'],
    ]);
  });

  it('names a CJK font family so Chinese lays out wherever the DOT is drawn', () => {
    expect(dot).toContain('fontname="Noto Sans CJK SC"');
  });

  it('puts branches that lead to the same place on one edge', () => {
    const graph = {
      ...basicGraph,
      decisions: {
        ...basicGraph.decisions,
        triage: {
          ...basicGraph.decisions.triage,
          branches: basicGraph.decisions.triage.branches.map((b) => ({ ...b, target: { kind: 'outcome' as const, id: 'escalate' } })),
        },
      },
    };
    const merged = decisionDot(graph, 'triage', 'zh-CN', namer);
    expect(merged.match(/->/g)).toHaveLength(2);
    expect(merged).toContain('① 问题类型为少货或错货，\\n且体积小重量轻\\n或 ② 问题类型为运输破损\\n或 ③ 其他情况');
    expect(decisionDot(graph, 'triage', 'en', plainNamer(graph, 'en'))).toMatch(/\\nor ② /);
  });

  it('escapes quotes, backslashes and ampersands in labels', () => {
    const graph = {
      ...basicGraph,
      outcomes: { ...basicGraph.outcomes, escalate: { ...basicGraph.outcomes.escalate, ...el('escalate', t('"上报" \\ & <主管>')) } },
    };
    expect(decisionDot(graph, 'triage', 'zh-CN', plainNamer(graph, 'zh-CN'))).toContain('label="\\"上报\\" \\\\ &amp; <主管>"');
  });
});

describe('decisionMermaid', () => {
  it('writes the same chart as Mermaid, with markup characters as entity codes', () => {
    const graph = {
      ...basicGraph,
      outcomes: { ...basicGraph.outcomes, escalate: { ...basicGraph.outcomes.escalate, ...el('escalate', t('<b>"x"</b> | # `')) } },
    };
    expect(decisionMermaid(graph, 'triage', 'zh-CN', plainNamer(graph, 'zh-CN'))).toBe(
      [
        'flowchart LR',
        '  d_triage{"问题分流"}',
        '  o_refund_directly("直接退款")',
        '  d_damage_value{"破损商品价值"}',
        '  o_escalate("#60;b#62;#34;x#34;#60;/b#62; #124; #35; #96;")',
        '  d_triage -->|"① 问题类型为少货或错货，<br/>且体积小重量轻"| o_refund_directly',
        '  d_triage -->|"② 问题类型为运输破损"| d_damage_value',
        '  d_triage -->|"③ 其他情况"| o_escalate',
        '',
      ].join('\n'),
    );
  });
});

describe('wrapText', () => {
  it.each<[string, number, string[]]>([
    ['短文本', 10, ['短文本']],
    // Chinese breaks between words (Intl.Segmenter), never inside one: not "不低/于", "少/货".
    ['商品价值不低于高价值门槛', 8, ['商品价值不低于', '高价值门槛']],
    // A word the dictionary lacks ("少货") comes as single characters, kept together.
    ['问题类型为少货，且体积小', 6, ['问题类型', '为少货，', '且体积小']],
    ['三查证实少发，补发商品或退款', 6, ['三查证实', '少发，补发', '商品或退款']],
    ['the item value is higher than the return shipping', 12, ['the item value is', 'higher than the', 'return shipping']],
    ['（¥500.00）', 3, ['（¥500.00）']],
  ])('%s at %d em', (text, em, lines) => {
    expect(wrapText(text, em)).toEqual(lines);
  });

  it('never starts a line with closing punctuation', () => {
    for (const em of [3, 4, 5, 6, 7]) {
      for (const line of wrapText('商品价值，退回运费。订单利润（总计）', em).slice(1)) expect(line).not.toMatch(/^[，。）]/);
    }
  });
});

describe('dotToSvg', () => {
  const dot = decisionDot(basicGraph, 'damage_value', 'zh-CN', namer);

  it('lays out in process and draws text with the CJK font stack', async () => {
    const { svg, errors } = await dotToSvg(dot);
    expect(errors).toEqual([]);
    expect(svg).toContain(`font-family="${svgFontStack}"`);
    expect(svg).not.toContain('Verdana');
    expect(svg).toContain('>破损商品价值</text>');
  });

  it('is deterministic: the same DOT gives the same SVG, in this instance and a fresh one', async () => {
    const a = (await dotToSvg(dot)).svg;
    const b = (await dotToSvg(dot)).svg;
    const fresh = (await instance()).render(dot.split('fontname="Noto Sans CJK SC"').join('fontname="Verdana"'), { format: 'svg' });
    expect(a).toBe(b);
    expect(fresh.output?.split('font-family="Verdana"').join(`font-family="${svgFontStack}"`)).toBe(a);
  });

  it('sizes boxes for Chinese text (each character about one em wide)', async () => {
    const { svg } = await dotToSvg('digraph { node [shape=box, margin=0, fontsize=10, fontname="Noto Sans CJK SC"]; a [label="一二三四五六七八九十"] }');
    const width = Number(/<svg width="([\d.]+)pt"/.exec(svg!)![1]);
    expect(width).toBeGreaterThanOrEqual(100);
  });
});

describe('inlineSvg', () => {
  it('drops the prolog and comments and prefixes ids so charts can share a page', async () => {
    const { svg } = await dotToSvg(decisionDot(basicGraph, 'triage', 'zh-CN', namer));
    const inline = inlineSvg(svg!, 'flowchart-triage');
    expect(inline.startsWith('<svg')).toBe(true);
    expect(inline).not.toMatch(/<\?xml|<!DOCTYPE|<!--/);
    expect([...inline.matchAll(/ id="([^"]*)"/g)].every((m) => m[1].startsWith('flowchart-triage-'))).toBe(true);
  });
});

describe('exportGraph', () => {
  it('exports the whole graph as DOT with every decision and outcome', async () => {
    const dot = await exportGraph(basicGraph, { format: 'dot', locale: 'en' });
    for (const id of ['d_triage', 'd_damage_value', 'o_refund_directly', 'o_return_item', 'o_partial_refund', 'o_escalate']) expect(dot).toContain(`"${id}"`);
    // Five branches, each decision — label → target.
    expect(dot.match(/->/g)).toHaveLength(10);
  });

  it('exports Mermaid and SVG', async () => {
    expect(await exportGraph(basicGraph, { format: 'mermaid', locale: 'zh-CN' })).toMatch(/^flowchart LR\n/);
    const svg = await exportGraph(basicGraph, { format: 'svg', locale: 'zh-CN' });
    expect(svg).toMatch(/<svg[\s\S]*<\/svg>\n$/);
    expect(svg).toContain('破损商品价值');
  });
});
