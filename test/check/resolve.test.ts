import { describe, expect, it } from 'vitest';
import { compileText, summarise } from '../support/compile.js';

/** A small valid policy; each row below changes one line of it. */
const base = `
policy p "政策" @en "Policy" { locales zh-CN, en  start triage }
enum kind "类型" @en "Kind" { a "甲" @en "A"  b "乙" @en "B" }
enum level "程度" @en "Level" { minor "轻" @en "Minor"  severe "重" @en "Severe" }
department finance "财务" @en "Finance"
fact k: kind "类型" @en "Kind"
fact d: level "程度" @en "Level"
fact x: money "金额" @en "Amount"
fact y: money "运费" @en "Shipping"
fact ok: bool "属实" @en "Accurate"
const limit = 500 CNY "门槛" @en "Limit"
const wait = 3 days "时限" @en "Deadline"
decision triage "分流" @en "Triage" {
  when k == a and x >= limit -> done
  when k == b and ok and d == minor -> done
  when d == severe or x > y -> done
  otherwise -> other
}
outcome done "完成" @en "Done" { owner finance  deadline wait }
outcome other "其他" @en "Other" { owner finance }
`;

function variant(from: string, to: string): string {
  if (!base.includes(from)) throw new Error(`fixture has no ${from}`);
  return base.replace(from, to);
}

describe('name resolution and types', () => {
  it('compiles the base policy with no diagnostics', () => {
    const result = compileText(base);
    expect(summarise(result)).toEqual([]);
    expect(result.graph?.decisions.triage.branches.map((b) => b.id)).toEqual(['triage.1', 'triage.2', 'triage.3', 'triage.otherwise']);
  });

  it.each([
    ['an unknown constant, with a suggestion', 'x >= limit', 'x >= limt', 'resolve/unknown-name: limt', 'did you mean `limit`?'],
    ['an unknown short name, without a far-fetched suggestion', 'x >= limit', 'xy >= limit', 'resolve/unknown-name: xy', 'declare it as a `fact`, `const` or `let`, or check the spelling'],
    ['an unknown branch target', '-> other', '-> othr', 'resolve/unknown-target: othr', 'did you mean `other`?'],
    ['an unknown department', 'owner finance  deadline', 'owner financ  deadline', 'resolve/unknown-department: financ', 'did you mean `finance`?'],
    ['an unknown enum member in `in`', 'd == minor', 'd in {minr}', 'resolve/unknown-member: minr', 'did you mean `minor`?'],
    ['an unknown bare member, from the enum of the other side', 'd == minor', 'd == minr', 'resolve/unknown-name: minr', 'did you mean `minor`?'],
    ['an unknown enum, with a suggestion', 'd == minor', 'd == levl.minor', 'resolve/unknown-name: levl', 'did you mean `level`?'],
    ['an unknown fact type', 'fact d: level', 'fact d: levle', 'resolve/unknown-type: levle', 'did you mean `level`?'],
    ['a duplicate definition', 'fact ok: bool', 'fact x: bool', 'resolve/duplicate-definition: x', undefined],
    ['money compared with a yes/no value', 'x > y', 'x > ok', 'type/mismatch: x > ok', undefined],
    ['a member of another enum', 'd == minor', 'd == a', 'type/mismatch: a', undefined],
    ['arithmetic on an enum', 'x > y', 'k + 1 > y', 'type/mismatch: k + 1', 'enum members are names, not amounts: compare them with `==` or `in {…}`'],
    ['a duration where money is expected', 'x >= limit', 'x >= wait', 'type/mismatch: x >= wait', undefined],
    ['a bare number compared with money', 'x > y', 'x > 30', 'type/missing-unit: 30', 'write `30 CNY`'],
    ['a condition that is not yes/no', 'd == severe or x > y', 'x + y', 'type/not-a-condition: x + y', undefined],
    ['a deadline that is money', 'deadline wait', 'deadline limit', 'type/mismatch: limit', undefined],
    ['a start that is not a decision', 'start triage', 'start done', 'resolve/unknown-name: done', undefined],
  ])('reports %s', (_, from, to, expected, help) => {
    const result = compileText(variant(from, to));
    const lines = summarise(result);
    expect(lines).toContain(expected);
    const d = result.diagnostics[lines.indexOf(expected)];
    if (help !== undefined) expect(d?.help).toBe(help);
    expect(result.graph).toBeUndefined();
  });

  it('resolves a bare member in the enum of the other operand even when a decision has its name', () => {
    const src = variant('enum kind "类型" @en "Kind" { a "甲" @en "A"', 'enum kind "类型" @en "Kind" { triage "分" @en "T"  a "甲" @en "A"')
      .replace('when k == a and', 'when k == triage -> done\n  when k == a and');
    expect(summarise(compileText(src))).toEqual([]);
  });

  it('reports a member name two enums share as ambiguous unless qualified', () => {
    const twice = variant('enum level "程度" @en "Level" { minor', 'enum size "大小" @en "Size" { minor "小" @en "Small" }\nenum level "程度" @en "Level" { minor');
    expect(summarise(compileText(twice.replace('d == minor', 'minor == minor')))).toContain('resolve/ambiguous-name: minor');
    expect(summarise(compileText(twice.replace('d == minor', 'd == level.minor')))).not.toContain('resolve/ambiguous-name: minor');
  });

  it('gives every use of a misspelt name the same suggestion', () => {
    const result = compileText(base.replaceAll('-> done', '-> don'));
    const unknown = result.diagnostics.filter((d) => d.code === 'resolve/unknown-target');
    expect(unknown.map((d) => d.help)).toEqual(Array(3).fill('did you mean `done`?'));
  });

  it('reports a derived value that depends on itself', () => {
    const src = variant('const wait', 'let loop = loop2 + x "环" @en "Loop"\nlet loop2 = loop "环" @en "Loop"\nconst wait').replace('x > y', 'loop > y');
    expect(summarise(compileText(src))).toContain('resolve/let-cycle: loop');
  });

  it('reports a missing translation and a missing label as warnings, and still builds the graph', () => {
    const result = compileText(variant('outcome other "其他" @en "Other"', 'outcome other "其他"'));
    expect(summarise(result)).toEqual(['resolve/missing-translation: "其他"']);
    expect(result.graph).toBeDefined();
  });

  it('reads constants from an imported file', () => {
    const src = 'import "shared.sop"\n' + variant('const limit = 500 CNY "门槛" @en "Limit"\n', '');
    const result = compileText(src, { 'shared.sop': 'const limit = 500 CNY "门槛" @en "Limit"\n' });
    expect(summarise(result)).toEqual([]);
    expect(result.graph?.constants.limit.value).toBe(50000);
  });

  it('reports an import that cannot be read', () => {
    expect(summarise(compileText('import "nowhere.sop"\n' + base))).toEqual(['resolve/import-not-found: "nowhere.sop"']);
  });

  it('keeps money exact in fen', () => {
    const result = compileText(variant('const limit = 500 CNY', 'const limit = 0.29 CNY'));
    expect(result.graph?.constants.limit.value).toBe(29);
  });
});

describe('graph checks', () => {
  it('names the loop of a cycle', () => {
    const src = variant('otherwise -> other', 'otherwise -> loop') + '\ndecision loop "环" @en "Loop" { otherwise -> triage }\n';
    const result = compileText(src);
    expect(result.diagnostics.map((d) => d.message)).toContain('decision `triage` reaches itself: `triage` → `loop` → `triage`');
  });

  it('reports unreachable decisions and outcomes and unused vocabulary', () => {
    const src = base + '\ndecision lonely "孤" @en "Lonely" { otherwise -> unused_outcome }\noutcome unused_outcome "无" @en "None" { owner finance }\nfact spare: bool "多余" @en "Spare"\n';
    expect(summarise(compileText(src))).toEqual(expect.arrayContaining([
      'graph/unreachable-decision: lonely',
      'graph/unreachable-outcome: unused_outcome',
      'graph/unused-fact: spare',
    ]));
  });
});
