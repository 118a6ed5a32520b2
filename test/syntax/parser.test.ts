import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFile } from '../../src/source/source-file.js';
import { scan } from '../../src/syntax/lexer.js';
import { itemKeywords, parseCst, plainParser, SopParser } from '../../src/syntax/parser.js';
import { lowerToAst } from '../../src/syntax/to-ast.js';
import { generateRandomPolicy, generateScaledPolicy } from '../support/generate-policy.js';
import { only, parse, withoutSpans } from './support.js';

const fullPolicy = readFileSync(new URL('fixtures/full-policy.sop', import.meta.url), 'utf8');

describe('parseRules on valid input', () => {
  it('constructs the parser without grammar ambiguities (Chevrotain\'s grammar checks on)', () => {
    expect(() => new SopParser({ validate: true })).not.toThrow();
    expect(() => new SopParser({ validate: true, recover: false })).not.toThrow();
  });

  it.each([
    ['an empty file', ''],
    ['only comments', '# nothing\n## a doc with nothing below\n'],
    ['an import', 'import "common.sop"'],
    ['imports between declarations', 'department a\nimport "x.sop"\ndepartment b\nimport "y.sop"'],
    ['a bare policy', 'policy p {}'],
    ['a department with a label', 'department finance "财务" @en "Finance"'],
    ['an empty enum', 'enum e {}'],
    ['a fact of each built-in type', 'fact a: bool\nfact b: money\nfact c: signed money\nfact d: number\nfact e: text'],
    ['a fact of an enum type with items', 'fact d: damage { ask "?" note "n" note "m" }'],
    ['constants with units', 'const a = 500 CNY\nconst b = 3 days\nconst c = 1 day\nconst d = 2 hours\nconst e = 30 minutes\nconst f = same day'],
    ['a yuan amount with two decimals', 'const a = ¥12.50'],
    ['a string constant', 'const greeting = "你好" "问候语"'],
    ['a let with arithmetic', 'let x = (a + b) * 2 / c - -1'],
    ['a decision with no branches', 'decision d {}'],
    ['a decision with only otherwise', 'decision d first { otherwise -> o }'],
    ['named branches', 'decision d { when a -> o as cheap  when b -> o  when c -> o as assets  otherwise -> o }'],
    ['a qualified enum member', 'decision d { when damage == damage_level.minor -> o }'],
    ['min and max with one argument', 'let x = min(a)\nlet y = max(a, b, 3 CNY)'],
    ['an outcome with each item', 'outcome o { owner f deadline 3 days do "a" document "b" say "c" note "d" value v = 1 }'],
    ['a deadline of same day', 'outcome o { deadline same day }'],
    ['a section', 'section s "节" { "第一段" @en "First" "第二段" }'],
    ['names that start with keywords', 'fact notes: bool\nfact first_reply: bool\nfact order_value: money\nfact in_stock: bool\nfact assets: money'],
    ['the full example policy', fullPolicy],
  ])('accepts %s', (_, text) => {
    expect(parse(text).diagnostics).toEqual([]);
  });

  it('lowers every construct of the full example policy', () => {
    const { ast } = parse(fullPolicy);
    expect(ast.imports.map((i) => i.path)).toEqual(['common.sop']);
    expect(ast.declarations.map((d) => `${d.kind} ${d.name.text}`)).toEqual([
      'policy after_sales', 'enum damage_level', 'department finance', 'fact item_value', 'fact damage',
      'fact balance', 'fact small_and_light', 'fact weight', 'fact remark', 'const high_value_threshold',
      'const refund_deadline', 'const solution_deadline', 'const reply_within', 'let high_value', 'let share',
      'decision triage', 'decision other', 'outcome partial_refund', 'outcome courier_claim', 'outcome x',
      'section shifts',
    ]);
    const policy = ast.declarations[0];
    expect(withoutSpans(policy)).toMatchObject({
      kind: 'policy',
      doc: '售后处理规范：客服主管维护。\n第二行',
      version: { value: '2026.1' },
      effective: { value: '2026-12-01' },
      locales: [{ text: 'zh-CN' }, { text: 'en' }],
      start: { text: 'triage' },
      always: [{ parts: [{ locale: null, value: '登记售后登记表，跟踪到交易确认' }, { locale: 'en' }] }],
    });
    const outcome = ast.declarations.find((d) => d.kind === 'outcome' && d.name.text === 'partial_refund');
    expect(withoutSpans(outcome)).toMatchObject({
      owner: { text: 'finance' },
      deadline: { kind: 'due', due: { at: false, value: { kind: 'ref', name: { text: 'refund_deadline' } }, after: null } },
      steps: [{ parts: [{ value: '核对照片' }, { locale: 'en', value: 'Check the photos' }] }],
      documents: [{ parts: [{ value: '费用单' }, { value: 'Expense slip' }] }],
      say: { parts: [{ value: '亲，非常抱歉……\n  缩进保留' }, { value: 'We are sorry…' }] },
      notes: [{ parts: [{ value: '提醒顾客签收时验货' }, { value: 'Remind the customer to inspect on delivery' }] }],
      values: [
        { name: { text: 'refund_cap' }, value: { kind: 'call', fn: 'min' }, label: { parts: [{ value: '退款上限' }, { value: 'Refund cap' }] } },
        { name: { text: 'other_cap' }, value: { kind: 'call', fn: 'max' }, label: null },
      ],
    });
  });

  it('gives a Chinese label with tagged translations', () => {
    const decl = only('decision triage "问题分类" @en "Triage" @zh-TW "問題分類" unique {}', 'decision');
    expect(withoutSpans(decl.label)).toEqual({
      kind: 'text',
      parts: [
        { locale: null, value: '问题分类' },
        { locale: 'en', value: 'Triage' },
        { locale: 'zh-TW', value: '問題分類' },
      ],
    });
    expect(decl.hitPolicy).toBe('unique');
  });

  it('reads string escapes', () => {
    const decl = only('const s = "a \\"quoted\\" \\\\ word\\n\\tnext"', 'const');
    expect(decl.value).toMatchObject({ kind: 'string', value: 'a "quoted" \\ word\n\tnext' });
  });

  describe('doc comments', () => {
    it('attaches the consecutive `##` lines directly above a declaration', () => {
      const { ast } = parse('## 第一行\n##second line\n##\n## last\nfact f: bool');
      expect(ast.declarations[0].doc).toBe('第一行\nsecond line\n\nlast');
    });

    it.each([
      ['notes among the staff text, a paragraph each', '## 员工看的\n##! 作者的说明\n##\n## for staff\n##! the author\'s note\nconst c = 1', '员工看的\n\nfor staff', '作者的说明\n\nthe author\'s note'],
      ['only a note', '##! why this rule exists\nfact f: bool', null, 'why this rule exists'],
      ['no note', '## for staff\n##\nfact f: bool', 'for staff\n', null],
    ])('keeps `##!` author notes apart from the staff text: %s', (_, text, doc, note) => {
      const { ast } = parse(text);
      expect(ast.declarations[0]).toMatchObject({ doc, authorNote: note });
    });

    it('attaches doc comments to enum members', () => {
      const decl = only('enum e {\n  ## the small one\n  minor\n  severe\n}', 'enum');
      expect(decl.members.map((m) => m.doc)).toEqual(['the small one', null]);
    });

    it.each([
      ['a blank line between', '## lost\n\nfact f: bool'],
      ['a plain comment between', '## lost\n# plain\nfact f: bool'],
      ['a doc comment after code on the line above', 'department d ## about d\nfact f: bool'],
    ])('attaches nothing with %s', (_, text) => {
      const { ast } = parse(text);
      expect(ast.declarations.at(-1)?.doc).toBeNull();
    });
  });

  describe('triple-quoted strings', () => {
    it('drops a blank first and last line and the common indentation', () => {
      const decl = only('outcome o {\n  say """\n    line one\n      indented\n\n    line three\n    """\n}', 'outcome');
      expect(decl.say?.parts[0].value).toBe('line one\n  indented\n\nline three');
    });

    it('keeps a string that starts on the opening line', () => {
      const decl = only('outcome o { say """same line\n  next""" }', 'outcome');
      expect(decl.say?.parts[0].value).toBe('same line\n  next');
    });

    it('keeps escapes as written', () => {
      const decl = only('outcome o { say """a \\n b""" }', 'outcome');
      expect(decl.say?.parts[0].value).toBe('a \\n b');
    });
  });

  it('reads CRLF input like LF input, with spans into the original text', () => {
    const lf = '## doc\npolicy p "名" {\n  locales zh-CN, en\n  always """\n    步骤\n    """\n}\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const parsed = parse(crlf);
    expect(parsed.diagnostics).toEqual([]);
    expect(withoutSpans(parsed.ast.declarations)).toEqual(withoutSpans(parse(lf).ast.declarations));
    const policy = parsed.ast.declarations[0];
    expect(crlf.slice(policy.span.start, policy.span.end)).toMatch(/^policy p[\s\S]*}$/);
  });

  describe('expressions', () => {
    const condition = (expr: string) => only(`decision d { when ${expr} -> o }`, 'decision').branches[0].condition;

    it('binds `and` tighter than `or`, and `not` tighter than `and`', () => {
      expect(withoutSpans(condition('not a or b and c'))).toMatchObject({
        kind: 'or',
        operands: [{ kind: 'not', operand: { kind: 'ref' } }, { kind: 'and', operands: [{ kind: 'ref' }, { kind: 'ref' }] }],
      });
    });

    it('folds arithmetic to the left, `*` before `+`', () => {
      expect(withoutSpans(condition('a - b - c * 2 > 0'))).toMatchObject({
        kind: 'compare',
        op: '>',
        left: {
          kind: 'arith',
          op: '-',
          left: { kind: 'arith', op: '-', left: { name: { text: 'a' } }, right: { name: { text: 'b' } } },
          right: { kind: 'arith', op: '*' },
        },
        right: { kind: 'number', text: '0', unit: null },
      });
    });

    it.each([
      ['x in {a, b}', { kind: 'in', negated: false, members: [{ text: 'a' }, { text: 'b' }] }],
      ['x not in {a}', { kind: 'in', negated: true, members: [{ text: 'a' }] }],
      ['x <= ¥30', { kind: 'compare', op: '<=', right: { kind: 'yuan', text: '30' } }],
      ['x != "text"', { kind: 'compare', op: '!=', right: { kind: 'string', value: 'text' } }],
      ['flag == true', { kind: 'compare', right: { kind: 'bool', value: true } }],
      ['(a)', { kind: 'paren', inner: { kind: 'ref' } }],
      ['waited >= 3 days', { kind: 'compare', right: { kind: 'number', unit: { text: 'day' } } }],
      ['waited >= 1 hour', { kind: 'compare', right: { kind: 'number', unit: { text: 'hour' } } }],
      ['waited < 5 minutes', { kind: 'compare', right: { kind: 'number', unit: { text: 'minute' } } }],
      ['waited < same day', { kind: 'compare', right: { kind: 'same-day' } }],
      ['-x < 0.5', { kind: 'compare', left: { kind: 'neg' }, right: { kind: 'number', text: '0.5' } }],
    ])('reads `%s`', (expr, shape) => {
      expect(withoutSpans(condition(expr))).toMatchObject(shape);
    });

    it('gives each expression the span of its own text', () => {
      const text = 'decision d { when a + b * 2 >= ¥5 -> o }';
      const cond = only(text, 'decision').branches[0].condition!;
      expect(text.slice(cond.span.start, cond.span.end)).toBe('a + b * 2 >= ¥5');
      if (cond.kind !== 'compare') throw new Error('expected a comparison');
      expect(text.slice(cond.left.span.start, cond.left.span.end)).toBe('a + b * 2');
    });
  });

  it('gives an import the span of its path', () => {
    const text = 'import "common.sop"';
    const [imp] = parse(text).ast.imports;
    expect(text.slice(imp.span.start, imp.span.end)).toBe('"common.sop"');
  });

  it('puts `otherwise` last among the branches', () => {
    const decl = only('decision d { when a -> x when b -> y otherwise -> z }', 'decision');
    expect(decl.branches.map((b) => [b.condition?.kind ?? null, b.target.text])).toEqual([
      ['ref', 'x'],
      ['ref', 'y'],
      [null, 'z'],
    ]);
  });

  it('reads a deadline literal as a duration', () => {
    const decl = only('outcome o { deadline 2 hours }', 'outcome');
    expect(withoutSpans(decl.deadline)).toEqual({ kind: 'due', due: { at: false, value: { kind: 'number', text: '2', unit: { text: 'hour' } }, after: null } });
  });

  it('tells a section label from its paragraphs', () => {
    const decl = only('section s "标题" { "一" "二" @en "two" }', 'section');
    expect(decl.label?.parts[0].value).toBe('标题');
    expect(decl.paragraphs.map((p) => p.parts.map((part) => part.value))).toEqual([['一'], ['二', 'two']]);
  });
});

describe('parsing a clean file item by item', () => {
  /** The parts of a serialized grammar node this test reads. */
  interface GastNode {
    readonly type: string;
    readonly name?: string;
    readonly definition?: readonly GastNode[];
  }

  /** Each terminal of the grammar with the rule it is in, and whether it is the rule's first element. */
  function terminals(node: GastNode, rule: string, first: boolean): { name: string; rule: string; first: boolean }[] {
    const own = node.type === 'Terminal' ? [{ name: node.name!, rule, first }] : [];
    const children = (node.definition ?? []).flatMap((child, i) =>
      terminals(child, node.type === 'Rule' ? node.name! : rule, first && i === 0 && (node.type === 'Rule' || node.type === 'Alternative')));
    return [...own, ...children];
  }

  it('cuts at keywords that start an import or a declaration and occur nowhere else in the grammar', () => {
    const rules = plainParser().getSerializedGastProductions() as unknown as GastNode[];
    const all = rules.flatMap((rule) => terminals(rule, rule.name!, true));
    const cuts = new Set([...itemKeywords].map((token) => token.name));
    const uses = all.filter((terminal) => cuts.has(terminal.name));
    const items = ['import', 'policy', 'enum', 'department', 'fact', 'const', 'let', 'decision', 'outcome', 'section', 'require'];
    expect(uses.map((use) => `${use.rule} ${use.first}`).sort()).toEqual(items.map((rule) => `${rule} true`).sort());
  });

  it.each([
    ['the full example policy', fullPolicy],
    ['a generated policy', generateScaledPolicy(500, 7)],
    ...[1, 2, 3, 4, 5].map((seed) => [`random policy ${seed}`, generateRandomPolicy(seed, { opaque: true })]),
  ])('gives %s the AST a whole-file parse gives', (_, text) => {
    const file = sourceFile('test.sop', text);
    const scanned = scan(file);
    const whole = lowerToAst(file, parseCst(file, scanned.tokens).cst, scanned.docComments);
    expect(parse(text)).toEqual({ text, ast: whole.ast, diagnostics: whole.diagnostics });
  });
});
