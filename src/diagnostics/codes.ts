import type { Severity } from './diagnostic.js';

/**
 * The registry of every diagnostic code: `stage/kebab-name`, its default severity and a one-line doc in English (`doc`) and Chinese (`zh`).
 * Add a code here before using it; the README's table of codes is generated from this one.
 */
export const codes = {
  // syntax: scan, parse, lower
  'syntax/unknown-character': { severity: 'error', doc: 'a character no token can start with', zh: '语言里没有以这个字符开头的写法' },
  'syntax/unterminated-string': { severity: 'error', doc: 'a string is missing its closing quote', zh: '字符串缺少结尾的引号' },
  'syntax/bad-escape': { severity: 'error', doc: 'a `\\` in a string is not followed by `"`, `\\`, `n` or `t`', zh: '字符串里的 `\\` 后面不是 `"`、`\\`、`n` 或 `t`' },
  'syntax/unexpected-token': { severity: 'error', doc: 'the parser expected something else here', zh: '解析器在这里期待别的内容' },
  'syntax/unknown-unit': { severity: 'error', doc: 'a number is followed by a unit the language does not know', zh: '数字后面跟着语言不认识的单位' },
  'syntax/bad-number': { severity: 'error', doc: 'a number literal outside the range of its type (see "Numbers and their range"), or money with more than two decimals', zh: '数字超出其类型的范围（见“数值及其范围”），或金额超过两位小数' },
  'syntax/bad-time': { severity: 'error', doc: 'a date or clock time literal that does not exist (`2026-02-30`, `24:01`)', zh: '日期或时刻不存在（`2026-02-30`、`24:01`）' },
  'syntax/duplicate-item': { severity: 'error', doc: 'an item that may appear once (owner, deadline, say, version…) appears twice', zh: '只能出现一次的项（owner、deadline、say、version…）出现了两次' },
  'syntax/too-deep': { severity: 'error', doc: 'an expression nests deeper than the documented limits (64 levels of parentheses and `not`, 256 operations)', zh: '表达式嵌套超过了规定的上限（括号和 `not` 64 层，运算 256 层）' },
  'syntax/bad-placeholder': { severity: 'error', doc: 'a `{` or `}` in a `do`, `say` or `note` text that is not a placeholder `{name}` nor a literal brace `{{` / `}}`', zh: '`do`、`say` 或 `note` 文字里的 `{` 或 `}` 既不是占位 `{名字}`，也不是字面花括号 `{{` / `}}`' },
  'syntax/bad-locale': { severity: 'error', doc: 'a locale name or tag is not of the form `en` or `zh-CN`', zh: '语言名或标记不是 `en`、`zh-CN` 这样的形式' },

  // resolve: imports, names, types
  'resolve/import-not-found': { severity: 'error', doc: 'an imported file cannot be read', zh: '无法读取导入的文件' },
  'resolve/missing-policy': { severity: 'error', doc: 'no `policy` header in the entry file', zh: '入口文件没有 `policy` 头' },
  'resolve/duplicate-policy': { severity: 'error', doc: 'more than one `policy` header', zh: '有不止一个 `policy` 头' },
  'resolve/duplicate-definition': { severity: 'error', doc: 'two declarations share a name', zh: '两个声明同名' },
  'resolve/duplicate-member': { severity: 'error', doc: 'an enum lists the same member twice', zh: '枚举把同一个成员列了两次' },
  'resolve/duplicate-branch-name': { severity: 'error', doc: 'two branches of one decision have the same name (`as name`), so their ids would clash', zh: '同一个决策里有两个分支同名（`as 名称`），它们的编号会冲突' },
  'resolve/unknown-name': { severity: 'error', doc: 'a name refers to nothing declared', zh: '名字没有对应的声明' },
  'resolve/unknown-text-value': { severity: 'error', doc: 'a text names (`{name}`) something that is not a value of its outcome, a fact, a constant or a derived value', zh: '文字里的 `{名字}` 不是本结果的值、事实、常量或派生值' },
  'resolve/unknown-limit': { severity: 'error', doc: 'a line limited `via` a decision or branch that does not exist', zh: '用 `via` 限定的决策或分支不存在' },
  'resolve/unknown-target': { severity: 'error', doc: 'a branch points at something that is neither a decision nor an outcome', zh: '分支指向的既不是决策也不是结果' },
  'resolve/unknown-type': { severity: 'error', doc: 'a fact has a type that is neither built in nor an enum', zh: '事实的类型既不是内置类型也不是枚举' },
  'resolve/unknown-member': { severity: 'error', doc: 'an enum member that the enum does not have', zh: '枚举没有这个成员' },
  'resolve/unknown-department': { severity: 'error', doc: 'an outcome owner that is not a declared department', zh: '结果的负责部门没有声明' },
  'resolve/missing-start': { severity: 'error', doc: 'the policy does not say which decision comes first (`start`)', zh: '政策没有说明先走哪个决策（`start`）' },
  'resolve/ambiguous-name': { severity: 'error', doc: 'a bare name matches members of several enums; qualify it as `enum.member`', zh: '单写的名字同时是几个枚举的成员；请写成 `枚举.成员`' },
  'resolve/too-deep': { severity: 'error', doc: 'a chain across declarations beyond the documented limits: a `let` more than 512 operations deep with the `let`s it uses written out, or a path through more than 1,000 decisions', zh: '跨声明的链超过了规定的上限：`let` 连同它用到的 `let` 展开后运算深度超过 512 层，或一条路径经过 1000 个以上的决策' },
  'resolve/let-cycle': { severity: 'error', doc: 'derived values (`let`) that depend on themselves', zh: '派生值（`let`）依赖它自己' },
  'resolve/missing-translation': { severity: 'warning', doc: 'a text lacks one of the policy\'s locales', zh: '文字缺少政策的某种语言' },
  'resolve/unknown-locale': { severity: 'warning', doc: 'a text is tagged with a locale the policy does not declare', zh: '文字标了政策没有声明的语言' },
  'resolve/missing-label': { severity: 'warning', doc: 'something a person reads has no label', zh: '给人看的东西没有标签' },
  'type/zero-deadline': { severity: 'error', doc: 'a deadline of no time (`deadline 0 hours`), due the moment it is set', zh: '时限为零（`deadline 0 hours`），一设定就已到期' },
  'type/mismatch': { severity: 'error', doc: 'an operand has the wrong type (money compared with a bool, a duration where money is expected…)', zh: '操作数类型不对（金额和是/否值比较、需要金额的地方给了时长…）' },
  'type/not-a-condition': { severity: 'error', doc: 'a `when` condition is not a yes/no (bool) expression', zh: '`when` 条件不是是/否（bool）表达式' },
  'type/missing-unit': { severity: 'error', doc: 'a bare number where money or a duration is expected; write `30 CNY` or `3 days`', zh: '需要金额或时长的地方写了光秃秃的数字；请写 `30 CNY` 或 `3 days`' },
  'type/missing-timezone': { severity: 'error', doc: 'a clock time or calendar date of a moment is used, but the policy has no `timezone`', zh: '用到了某个时间的时刻或日期，但政策没有 `timezone`' },
  'type/unknown-timezone': { severity: 'error', doc: 'the policy `timezone` is not an IANA time-zone name the platform knows', zh: '政策的 `timezone` 不是已知的 IANA 时区名' },
  'type/not-constant': { severity: 'error', doc: 'a `const` whose value is not a literal', zh: '`const` 的值不是字面量' },
  'type/negative-money': { severity: 'error', doc: 'a money constant below zero', zh: '金额常量小于零' },
  'type/bad-range': { severity: 'error', doc: 'the bounds of a number or money fact allow no value, or do not fit its type (`number 24..0`, `money -5..0 CNY`, `whole number 0.5..2`, `number ..5 CNY`)', zh: '数字或金额事实的范围容不下任何值，或与类型不符（`number 24..0`、`money -5..0 CNY`、`whole number 0.5..2`、`number ..5 CNY`）' },
  'type/outside-range': { severity: 'warning', doc: 'a comparison of a bounded fact with a constant that every allowed value decides the same way (`days > 30` for `number 0..24`)', zh: '有范围的事实与常量比较，而范围内的每个值结果都一样（`number 0..24` 的 `days > 30`）' },

  // graph: the checked decision graph
  'graph/cycle': { severity: 'error', doc: 'a decision reaches itself', zh: '决策会绕回自己' },
  'graph/gap': { severity: 'error', doc: 'some inputs reach a decision and match no branch (a witness case is given)', zh: '有些输入会进入决策却不匹配任何分支（附示例案例）' },
  'graph/overlap': { severity: 'error', doc: 'two branches of a `unique` decision match the same input (a witness case is given)', zh: '`unique` 决策的两个分支匹配同一个输入（附示例案例）' },
  'graph/negative-value': { severity: 'warning', doc: 'a computed amount (an outcome value or a `let`) is below zero for some case that reaches it (a witness case is given)', zh: '计算出的数额（结果的值或 `let`）对某些到达它的案例小于零（附示例案例）' },
  'graph/shadowed-branch': { severity: 'warning', doc: 'no input reaching the decision can reach this branch: earlier branches cover it', zh: '进入决策的输入都走不到这个分支：前面的分支已覆盖它' },
  'graph/unreachable-decision': { severity: 'warning', doc: 'a decision no path from `start` reaches', zh: '从 `start` 出发没有路径到达这个决策' },
  'graph/unreachable-outcome': { severity: 'warning', doc: 'an outcome no path from `start` reaches', zh: '从 `start` 出发没有路径到达这个结果' },
  'graph/text-value-unasked': { severity: 'warning', doc: 'a text names a fact that a way to its outcome never asks, so staff would see its name instead of its value', zh: '文字引用的事实在通往该结果的某条路径上没有问过，员工看到的会是名字而不是值' },
  'graph/limit-never-holds': { severity: 'warning', doc: 'a line of an outcome is limited to cases that never reach that outcome, so it is never shown', zh: '结果中某一行限定的情况永远不会到达这个结果，所以这一行永远不会显示' },
  'graph/limit-unasked': { severity: 'warning', doc: 'a line\'s `when` limit reads a fact that a way to its outcome never asks, so there the line is not shown', zh: '某一行的 `when` 限定读取的事实在通往该结果的某条路径上没有问过，那里这一行不会显示' },
  'graph/unused-fact': { severity: 'warning', doc: 'a fact no condition or value reads', zh: '没有条件或值读取这个事实' },
  'graph/unused-constant': { severity: 'warning', doc: 'a constant nothing reads', zh: '没有地方读取这个常量' },
  'graph/unused-let': { severity: 'warning', doc: 'a derived value nothing reads', zh: '没有地方读取这个派生值' },
  'graph/unused-member': { severity: 'warning', doc: 'an enum member no condition mentions, of an enum no decision with an `otherwise` tests (there, `otherwise` is its use)', zh: '没有条件提到这个枚举成员，而且测试这个枚举的决策都没有 `otherwise`（有 `otherwise` 时，它就是这个成员的去处）' },
  'graph/unused-department': { severity: 'warning', doc: 'a department no outcome is owned by', zh: '没有结果由这个部门负责' },
  'graph/not-judged': { severity: 'info', doc: 'the rules have errors, and this decision was not checked for gaps, overlaps and shadowed branches: its conditions have errors, or a decision on the way to it does', zh: '规则有错误，这个决策没有检查缺口、重叠和被遮蔽的分支：它的条件有错误，或通往它的决策有错误' },
  'graph/inexact-analysis': { severity: 'info', doc: 'a condition is outside what the analysis decides exactly (non-linear arithmetic); gaps and overlaps are not judged there', zh: '条件超出了分析能精确判断的范围（非线性运算）；那里的缺口和重叠不作判断' },

  // case: reading a case file or key=value arguments
  'case/unreadable': { severity: 'error', doc: 'the case file cannot be read or is not valid YAML/JSON', zh: '案例文件无法读取，或不是合法的 YAML/JSON' },
  'case/schema': { severity: 'error', doc: 'the case does not match the policy\'s case schema', zh: '案例不符合政策的案例结构' },
  'case/unknown-field': { severity: 'error', doc: 'the case has a field the policy does not declare', zh: '案例里有政策没有声明的字段' },
  'case/broken-rule': { severity: 'error', doc: 'the case breaks a rule the policy states on its facts (`require`)', zh: '案例不符合政策对事实的规定（`require`）' },

  // eval: evaluating a case
  'eval/division-by-zero': { severity: 'error', doc: 'a value divides by zero for this case', zh: '对这个案例，某个值除以了零' },
  'eval/out-of-range': { severity: 'error', doc: 'a value computed for this case leaves the range of money or numbers (see "Numbers and their range")', zh: '对这个案例，算出的值超出了金额或数值的范围（见“数值及其范围”）' },

  // render: the handbook
  'render/template': { severity: 'error', doc: 'a handbook template failed (unknown field, bad syntax)', zh: '手册模板出错（未知字段、语法错误）' },
  'render/browser-not-found': { severity: 'error', doc: 'no Chromium to print the PDF with', zh: '找不到用来打印 PDF 的 Chromium' },
} as const satisfies Record<string, { severity: Severity; doc: string; zh: string }>;

/** Every diagnostic code the project knows. */
export type DiagnosticCode = keyof typeof codes;
