/** Messages of the graph checks (gaps, overlaps, reachability, unused names…), in every locale. */
export const graphMessages = {
  'graph.gap': { en: 'some cases reach {decision} and match no branch', 'zh-CN': '有些案例会进入 {decision}，却没有任何分支匹配' },
  'graph.gap.help': { en: 'add an `otherwise ->` branch or a branch for these cases', 'zh-CN': '加一个 `otherwise ->` 分支，或为这些案例加一个分支' },
  'graph.deadline-gap': {
    en: 'some cases reach {outcome} and match no case of its deadline, so their due moment is unknown',
    'zh-CN': '有些案例会到达 {outcome}，却不符合其时限的任何一种情形，无法算出截止时间',
  },
  'graph.deadline-gap.help': { en: 'add `otherwise ->` to the deadline, or a case for these', 'zh-CN': '在时限里加一个 `otherwise ->`，或为这些案例加一种情形' },
  'graph.shadowed': { en: '{branch} in {decision} is never taken: {who} every case it matches', 'zh-CN': '{decision} 里的 {branch} 永远不会走到：它匹配的每个案例都先被{who}' },
  'graph.shadowed.one': { en: '{branch} catches', 'zh-CN': ' {branch} 接走了' },
  'graph.shadowed.many': { en: 'the branches {branches} catch', 'zh-CN': '分支 {branches} 接走了' },
  'graph.shadowed.help': {
    en: 'remove the branch, or move it above the branches that catch its cases',
    'zh-CN': '删去这个分支，或把它移到接走它案例的分支之前',
  },
  'graph.shadowed.related': { en: 'catches these cases first', 'zh-CN': '先接走了这些案例' },
  'graph.impossible': { en: '{branch} in {decision} is never taken: its condition can never hold', 'zh-CN': '{decision} 里的 {branch} 永远不会走到：它的条件不可能成立' },
  'graph.impossible.label': { en: 'the condition contradicts itself', 'zh-CN': '条件自相矛盾' },
  'graph.impossible.help': { en: 'fix the condition or remove the branch', 'zh-CN': '修改条件，或删去这个分支' },
  'graph.contradicts-path': {
    en: '{branch} in {decision} is never taken: its condition cannot hold for any case that reaches {decision}',
    'zh-CN': '{decision} 里的 {branch} 永远不会走到：进入 {decision} 的案例都不可能满足它的条件',
  },
  'graph.contradicts-path.label': { en: 'contradicts the conditions on the way here', 'zh-CN': '与来路上的条件矛盾' },
  'graph.contradicts-path.help': {
    en: 'the branches leading to {decision} already rule these cases out; fix the condition or remove the branch',
    'zh-CN': '通往 {decision} 的分支已经排除了这些案例；请修改条件或删去这个分支',
  },
  'graph.unreachable-otherwise': {
    en: '`otherwise` in {decision} is never taken: earlier branches cover every case',
    'zh-CN': '{decision} 里的 `otherwise` 永远不会走到：前面的分支已覆盖所有案例',
  },
  'graph.unreachable-otherwise.help': { en: 'remove the `otherwise` branch', 'zh-CN': '删去 `otherwise` 分支' },
  'graph.overlap': {
    en: '{branch} overlaps {earlier}{more} in unique decision {decision}',
    'zh-CN': '在 unique 决策 {decision} 里，{branch} 与 {earlier}{more}重叠',
  },
  'graph.overlap.more': { en: ' (and {count} more)', 'zh-CN': '（及另外 {count} 个分支）' },
  'graph.overlap.label-one': { en: 'an earlier branch matches some of its cases too', 'zh-CN': '前面有一个分支也匹配其中一些案例' },
  'graph.overlap.label-many': { en: 'earlier branches match some of its cases too', 'zh-CN': '前面有几个分支也匹配其中一些案例' },
  'graph.overlap.help': {
    en: 'in a `unique` decision at most one branch may match a case: narrow one of the conditions, or drop `unique` so the first match wins',
    'zh-CN': '`unique` 决策里一个案例最多匹配一个分支：收窄其中一个条件，或去掉 `unique` 让第一个匹配的分支生效',
  },
  'graph.overlap.related': { en: 'overlapping branch', 'zh-CN': '重叠的分支' },
  'graph.cycle': { en: 'decision {decision} reaches itself: {path}', 'zh-CN': '决策 {decision} 会绕回自己：{path}' },
  'graph.cycle.label': { en: 'this branch closes the loop', 'zh-CN': '这个分支形成了回路' },
  'graph.cycle.help': {
    en: 'a case must always move on to an outcome; point this branch at an outcome or at a decision further down',
    'zh-CN': '案例必须一路走到某个结果；请让这个分支指向一个结果，或指向更下游的决策',
  },
  'graph.unreachable-decision': { en: 'no case reaches decision {decision}', 'zh-CN': '没有案例会进入决策 {decision}' },
  'graph.unreachable-decision.help': {
    en: 'lead a branch to it from {start} or a decision below it, or remove it',
    'zh-CN': '从 {start} 或它下游的决策引一个分支过来，或删去它',
  },
  'graph.unreachable-outcome': { en: 'no case reaches outcome {outcome}', 'zh-CN': '没有案例会走到结果 {outcome}' },
  'graph.unreachable-outcome.help': { en: 'lead a branch to it, or remove it', 'zh-CN': '引一个分支过来，或删去它' },
  'graph.unused-fact': { en: 'fact {name} is never used', 'zh-CN': '事实 {name} 没有被用到' },
  'graph.unused-fact.help': { en: 'use it in a condition or a value, or remove it', 'zh-CN': '在条件或值里用到它，或删去它' },
  'graph.unused-constant': { en: 'constant {name} is never used', 'zh-CN': '常量 {name} 没有被用到' },
  'graph.unused-constant.help': { en: 'use it in a condition, a value or a deadline, or remove it', 'zh-CN': '在条件、值或时限里用到它，或删去它' },
  'graph.unused-let': { en: 'derived value {name} is never used', 'zh-CN': '派生值 {name} 没有被用到' },
  'graph.unused-let.help': { en: 'use it in a condition or a value, or remove it', 'zh-CN': '在条件或值里用到它，或删去它' },
  'graph.unused-department': { en: 'no outcome is owned by department {name}', 'zh-CN': '没有结果由部门 {name} 负责' },
  'graph.unused-department.help': { en: 'make it the `owner` of an outcome, or remove it', 'zh-CN': '让它做某个结果的 `owner`，或删去它' },
  'graph.unused-member': { en: 'no condition mentions {member}', 'zh-CN': '没有条件提到 {member}' },
  'graph.unused-member.help': {
    en: 'no decision that tests this enum has an `otherwise`, so cases with this value fall into a gap; name it in a condition, add `otherwise`, or remove it',
    'zh-CN': '测试这个枚举的决策都没有 `otherwise`，取这个值的案例会落入缺口；请在条件里写到它、加上 `otherwise`，或删去它',
  },
  'graph.inexact-condition': { en: '{condition} is not analysed exactly: it {reason}', 'zh-CN': '{condition} 无法精确分析：它{reason}' },
  'graph.inexact-condition.help': {
    en: 'gaps, overlaps and shadowed branches that depend on it are not reported (in {decisions}{more}); to have it checked, compare one fact, or the difference of two facts, with a constant',
    'zh-CN': '依赖它的缺口、重叠和被遮蔽的分支不会报告（在 {decisions}{more}）；要让它被检查，请把一个事实、或两个事实之差与常量比较',
  },
  'graph.inexact-condition.more': { en: ' and {count} more', 'zh-CN': ' 等另外 {count} 个决策' },
  'graph.inexact-decision.budget': { en: '{decision} has too many combinations of conditions to analyse exactly', 'zh-CN': '{decision} 的条件组合太多，无法精确分析' },
  'graph.inexact-decision.precision': { en: '{decision} uses numbers too precise to analyse exactly', 'zh-CN': '{decision} 用到的数字精度太高，无法精确分析' },
  'graph.inexact-decision.budget-help': {
    en: 'gaps and overlaps in it are not reported; splitting it into smaller decisions helps',
    'zh-CN': '其中的缺口和重叠不会报告；拆成几个小决策会有帮助',
  },
  'graph.inexact-decision.help': { en: 'gaps and overlaps in it are not reported', 'zh-CN': '其中的缺口和重叠不会报告' },
  'graph.not-judged.own': {
    en: '{decision} was not checked for gaps, overlaps and shadowed branches: its conditions have errors',
    'zh-CN': '{decision} 没有检查缺口、重叠和被遮蔽的分支：它的条件有错误',
  },
  'graph.not-judged.upstream': {
    en: '{decision} was not checked for gaps, overlaps and shadowed branches: it is reached through {through}, whose conditions have errors',
    'zh-CN': '{decision} 没有检查缺口、重叠和被遮蔽的分支：通往它要经过 {through}，而 {through} 的条件有错误',
  },
  'graph.not-judged.help': { en: 'fix the errors above and check again', 'zh-CN': '改正上面的错误后再检查一次' },
  // values named in texts (check/checks/text-values.ts)
  'graph.text-value-unasked': {
    en: 'a text of {outcome} names {name}, but a case reaches {outcome} through {branch} without {fact} being asked',
    'zh-CN': '{outcome} 的文字引用了 {name}，但经由 {branch} 到达 {outcome} 的案例没有问过 {fact}',
  },
  'graph.text-value-unasked.help': {
    en: 'there staff would read the name instead of the value: name a value every way to this outcome asks, or give the outcome a `value` that reads it (a value asks for what it needs)',
    'zh-CN': '那样员工看到的是名字而不是值：请引用每条路径都会问到的事实，或者给结果加一个读取它的 `value`（值会要求提供所需的事实）',
  },
  // lines limited to some cases (check/checks/text-limits.ts)
  'graph.limit-never-via': {
    en: 'this line of {outcome} is never shown: no case reaches {outcome} through {via}',
    'zh-CN': '{outcome} 的这一行永远不会显示：没有案例经过 {via} 到达 {outcome}',
  },
  'graph.limit-never-when': {
    en: 'this line of {outcome} is never shown: no case that reaches {outcome} meets its condition',
    'zh-CN': '{outcome} 的这一行永远不会显示：到达 {outcome} 的案例都不满足它的条件',
  },
  'graph.limit-never-holds.help': {
    en: 'limit the line to a decision, branch or condition on the way to this outcome, or move the line to the outcome it belongs to',
    'zh-CN': '请把这一行限定到通往这个结果的决策、分支或条件，或者把它移到它所属的结果里',
  },
  'graph.limit-unasked': {
    en: 'this line of {outcome} is limited by {fact}, but a case reaches {outcome} through {branch} without {fact} being asked',
    'zh-CN': '{outcome} 的这一行以 {fact} 为条件，但经由 {branch} 到达 {outcome} 的案例没有问过 {fact}',
  },
  'graph.limit-unasked.help': {
    en: 'there the line is not shown (a text never makes staff ask): limit it by a fact every way to the outcome asks, or `via` the decisions that ask it',
    'zh-CN': '那里这一行不会显示（文字不会让员工追问）：请用每条路径都会问到的事实来限定，或者用 `via` 限定到问了它的决策',
  },
} as const;
