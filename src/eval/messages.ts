import type { Duration } from '../graph/graph.js';
import { formatDuration } from '../values/format.js';
import { resolveLocale } from '../values/locale.js';
import type { TimeProblem } from './input/time-answers.js';

/**
 * Every sentence the eval stage shows a person, in each locale it speaks (zh-CN and en): case
 * errors, evaluation errors, and the words of the human answer. Other locales fall back to en.
 */

import type { MessageLocale } from '../diagnostics/locale.js';

/** The locales with their own messages. */
export type { MessageLocale };

/** The message locale for a requested locale: any `zh…` is zh-CN, anything else en. */
export function messageLocale(locale: string | undefined): MessageLocale {
  // With no request, en: a caller that knows the policy passes its first locale.
  return resolveLocale(locale ?? 'en');
}

/** How a value the user gave is described in a message: kind plus the value as written. */
export type Given =
  | { readonly kind: 'string' | 'number' | 'boolean'; readonly text: string }
  | { readonly kind: 'list' | 'mapping' | 'null' };

/** One message catalogue. */
export interface Messages {
  // case errors
  unknownField(field: string): string;
  didYouMean(name: string): string;
  knownFields(ids: readonly string[]): string;
  notAMapping(given: Given): string;
  unreadable(reason: string): string;
  badKey(field: string): string;
  mustBe(field: string, expected: string, given: Given): string;
  moneyDecimals(field: string, text: string): string;
  moneyNegative(field: string, text: string): string;
  moneyTooLarge(field: string, text: string): string;
  numberTooLarge(field: string, text: string): string;
  /** A value a whole or bounded fact does not take: `why` is `not-whole`, `below` or `above`, `allowed` what it takes. */
  outsideBounds(field: string, text: string, allowed: string, why: 'not-whole' | 'below' | 'above'): string;
  numberNotExact(field: string, text: string): string;
  numberNotExactHelp: string;
  rangeHelp: string;
  notFinite(field: string, text: string): string;
  duplicateArgument(field: string): string;
  unknownTag(tag: string): string;
  lineTooLong(max: string): string;
  /** An answer that could mean several enum members. */
  ambiguousAnswer(field: string, text: string, members: readonly { id: string; label: string }[]): string;
  writeOneOf(ids: readonly string[]): string;
  // what a fact's type allows
  typeBool: string;
  typeMoney: string;
  typeSignedMoney: string;
  typeNumber: string;
  typeText: string;
  typeDuration: string;
  typeDate: string;
  typeDatetime: string;
  typeTime: string;
  noSuchDate(field: string, text: string): string;
  noSuchTime(field: string, text: string): string;
  noOffset(field: string, text: string): string;
  dateNotMoment(field: string, text: string): string;
  /** A time answer that cannot be read without guessing (`12月3日`, `9点`, `03/12/2026`…). */
  timeProblem(field: string, text: string, problem: TimeProblem, zone: string | null): string;
  dateHelp: string;
  datetimeHelp: string;
  timeHelp: string;
  durationHelp: string;
  /** The hint under an answer field of each fact type (the interview's next question, the desk). */
  answerHints: Readonly<Partial<Record<string, string>>>;
  /** Joins a money hint and the fact's bounds. */
  hintJoin: string;
  brokenRule(rule: string, facts: readonly string[]): string;
  brokenRuleHelp(facts: readonly string[]): string;
  due: string;
  typeEnum(members: readonly { id: string; label: string }[]): string;
  moneyHelp: string;
  boolHelp: string;
  // evaluation errors
  divisionByZero: string;
  divisionByZeroLabel: string;
  outOfRange: string;
  outOfRangeLabel: string;
  noBranch(decision: string): string;
  // the human answer
  /** The colon after a heading or label: `：` in Chinese, `: ` in English. */
  colon: string;
  trace: string;
  outcome: string;
  owner: string;
  deadline: string;
  steps: string;
  documents: string;
  say: string;
  notes: string;
  values: string;
  why: string;
  needFirst: string;
  ask: string;
  soFar: string;
  notDecided: string;
  valueNeeds: string;
  unknownValue: string;
  failedValue: string;
  /** One line of "why": the decision, the branch taken, the facts that decided it (may be empty). */
  pathStep(decision: string, branch: string, facts: string): string;
  /** A step in the handbook's words, then the facts of this case that decided it. */
  whyStep(words: string, facts: string): string;
  otherwise: string;
  branch(n: number): string;
  yes: string;
  no: string;
  duration(d: Duration): string;
  within(d: Duration): string;
  askFallback(label: string): string;
  list(items: readonly string[]): string;
}

const ticks = (ids: readonly string[], sep: string) => ids.map((i) => `\`${i}\``).join(sep);

function describeGivenEn(g: Given): string {
  switch (g.kind) {
    case 'string':
      return `string ${JSON.stringify(g.text)}`;
    case 'number':
      return `number ${g.text}`;
    case 'boolean':
      return `boolean ${g.text}`;
    case 'list':
      return 'a list';
    case 'mapping':
      return 'a mapping';
    case 'null':
      return 'null';
  }
}

function describeGivenZh(g: Given): string {
  switch (g.kind) {
    case 'string':
      return `字符串 ${JSON.stringify(g.text)}`;
    case 'number':
      return `数字 ${g.text}`;
    case 'boolean':
      return `布尔值 ${g.text}`;
    case 'list':
      return '列表';
    case 'mapping':
      return '映射';
    case 'null':
      return '空值';
  }
}

const en: Messages = {
  unknownField: (f) => `unknown field \`${f}\``,
  didYouMean: (n) => `did you mean \`${n}\`?`,
  knownFields: (ids) => (ids.length === 0 ? 'this policy declares no facts' : `the policy's facts are ${ids.map((i) => `\`${i}\``).join(', ')}`),
  notAMapping: (g) => `a case must be a mapping of fact names to values, got ${describeGivenEn(g)}`,
  unreadable: (r) => `cannot read the case: ${r}`,
  badKey: (f) => `a field name must be text, got \`${f}\``,
  mustBe: (f, e, g) => `\`${f}\` must be ${e}, got ${describeGivenEn(g)}`,
  moneyDecimals: (f, t) => `\`${f}\` has more than two decimals: ${t}`,
  moneyNegative: (f, t) => `\`${f}\` cannot be negative, got ${t}`,
  moneyTooLarge: (f, t) => `\`${f}\` is beyond the money range: ${t}`,
  numberTooLarge: (f, t) => `\`${f}\` is beyond the number range: ${t}`,
  outsideBounds: (f, t, allowed, why) => `\`${f}\` must be ${allowed}, got ${t}${why === 'not-whole' ? ', which is not a whole number' : why === 'below' ? ', which is below the least' : ', which is above the most'}`,
  numberNotExact: (f, t) => `\`${f}\` cannot be read exactly as written: ${t}`,
  numberNotExactHelp: 'write plain decimal digits (no 0x or 0o), with no more digits than the value has; money may have at most two decimals',
  rangeHelp: 'amounts of money lie within ±9999999999999.99 CNY and numbers within ±999999999999999',
  notFinite: (f, t) => `\`${f}\` must be a finite number, got ${t}`,
  duplicateArgument: (f) => `\`${f}\` is given twice`,
  lineTooLong: (m) => `cannot read the case: the line is longer than ${m} characters (a case line is far shorter)`,
  unknownTag: (t) => `cannot read the case: the tag \`${t}\` means nothing here; write the value without it`,
  typeBool: '`true` or `false`',
  typeMoney: 'an amount in CNY (a number ≥ 0 with at most two decimals, such as 12.50)',
  typeSignedMoney: 'an amount in CNY (a number with at most two decimals, such as -12.50)',
  typeNumber: 'a number',
  typeText: 'text',
  typeDuration: 'a duration such as "2 hours" or "30 minutes"',
  typeDate: 'a date YYYY-MM-DD',
  typeDatetime: 'a moment in ISO 8601 with its offset',
  typeTime: 'a clock time HH:MM',
  noSuchDate: (f, t) => `\`${f}\` is not a date that exists: ${t}`,
  noSuchTime: (f, t) => `\`${f}\` is not a clock time that exists: ${t}`,
  noOffset: (f, t) => `\`${f}\` has no offset, so which moment it is would be a guess: ${t}`,
  dateNotMoment: (f, t) => `\`${f}\` is a date, but a moment (date, time and offset) is expected: ${t}`,
  timeProblem: (f, t, p, z) => `\`${f}\`: ${JSON.stringify(t)} ${{
    'no-year': 'has no year, and which year would be a guess',
    'day-month-order': 'could be read day first or month first',
    'ambiguous-hour': 'could be in the morning or in the evening',
    'no-date': 'has no date, and which day would be a guess',
    'no-zone': 'has no offset, and the policy names no time zone to read it in',
    skipped: `does not exist in ${z ?? 'the time zone'}: the clocks skip it`,
    repeated: `happens twice in ${z ?? 'the time zone'}: the clocks go back over it`,
    'no-such-date': 'is not a date that exists',
    'no-such-time': 'is not a clock time that exists',
    'calendar-length': 'is a calendar length: months and years have no fixed length',
  }[p]}`,
  dateHelp: 'write a date with its year, such as 2026-12-01, 2026/12/1, 2026年12月1日 or 1 December 2026',
  datetimeHelp: "write a date and a clock time (in the policy's time zone), such as 2026-12-02 09:30, 2026年12月2日 上午9点30分 or 2 December 2026 9:30 am, or with an offset: 2026-12-02T09:30:00+08:00",
  timeHelp: 'write a clock time from 00:00 to 23:59, such as 09:30, 21:30, 14点30分, 上午9点 or 9:30 pm',
  durationHelp: 'write a number and a unit, such as "2 hours", "30 minutes", "7 days", 3天, 12小时 or 2小时30分 (days, not months)',
  answerHints: {
    money: 'an amount in yuan, e.g. 30, 30元 or ¥30.50', number: 'a number, e.g. 2', text: 'text',
    date: 'a date, e.g. 2026-12-03, 2026/12/3 or 3 December 2026', time: 'a clock time, e.g. 14:00 or 2:30 pm',
    datetime: "a date and a clock time (in the policy's time zone), e.g. 2026-12-03 14:00", duration: 'a length of time, e.g. 3 days, 12 hours or 2 hours 30 minutes',
  },
  hintJoin: '; ',
  brokenRule: (r, f) => `the case breaks a rule of the policy: ${r} (${ticks(f, ', ')})`,
  brokenRuleHelp: (f) => `check ${ticks(f, ' and ')}`,
  due: 'Due',
  typeEnum: (ms) => `one of ${ms.map((m) => (m.label && m.label !== m.id ? `\`${m.id}\` (${m.label})` : `\`${m.id}\``)).join(', ')}`,
  moneyHelp: 'amounts are in CNY to the fen (分), e.g. 12.50, 30元 or ¥30',
  boolHelp: 'write `true` or `false` (staff may also write 是/否, 对/不对, yes/no)',
  ambiguousAnswer: (f, t, ms) => `\`${f}\`: ${JSON.stringify(t)} could mean ${ms.map((m) => `\`${m.id}\` (${m.label})`).join(' or ')}`,
  writeOneOf: (ids) => `write one of ${ids.map((i) => `\`${i}\``).join(', ')}`,
  divisionByZero: 'this case divides by zero',
  divisionByZeroLabel: 'the divisor is zero for this case',
  outOfRange: 'for this case a value leaves the range sopwright computes exactly (±9,999,999,999,999.99 CNY, numbers ±999,999,999,999,999)',
  outOfRangeLabel: 'this result is out of range for this case',
  noBranch: (d) => `no branch of decision \`${d}\` matches this case`,
  colon: ': ',
  trace: 'Trace',
  outcome: 'Outcome',
  owner: 'Owner',
  deadline: 'Deadline',
  steps: 'Steps',
  documents: 'Documents',
  say: 'Say to the customer',
  notes: 'Notes',
  values: 'Values',
  why: 'Why',
  needFirst: 'Not decided yet. Find out first',
  ask: 'ask',
  soFar: 'So far',
  notDecided: 'not decided',
  valueNeeds: 'needs',
  unknownValue: 'not known yet',
  failedValue: 'cannot be computed for this case',
  pathStep: (d, b, f) => (f ? `${d} → ${b}, because ${f}` : `${d} → ${b}`),
  whyStep: (w, f) => `${w} (here: ${f})`,
  otherwise: 'otherwise',
  branch: (n) => `rule ${n}`,
  yes: 'yes',
  no: 'no',
  duration: (d) => formatDuration(d, 'en'),
  within: (d) => (d.amount === 0 && d.unit === 'day' ? 'the same day' : `within ${en.duration(d)}`),
  askFallback: (l) => `What is “${l}”?`,
  list: (items) => items.join(', '),
};

const zh: Messages = {
  unknownField: (f) => `未知字段 \`${f}\``,
  didYouMean: (n) => `是不是 \`${n}\`？`,
  knownFields: (ids) => (ids.length === 0 ? '本政策没有声明任何事实' : `本政策的字段有：${ids.map((i) => `\`${i}\``).join('、')}`),
  notAMapping: (g) => `案例必须是“字段: 值”的映射，实际是${describeGivenZh(g)}`,
  unreadable: (r) => `无法读取案例：${r}`,
  badKey: (f) => `字段名必须是文本，实际是 \`${f}\``,
  mustBe: (f, e, g) => `\`${f}\` 应为${e}，实际是${describeGivenZh(g)}`,
  moneyDecimals: (f, t) => `\`${f}\` 的小数超过两位：${t}`,
  moneyNegative: (f, t) => `\`${f}\` 不能为负数，实际是 ${t}`,
  moneyTooLarge: (f, t) => `\`${f}\` 金额超出范围：${t}`,
  numberTooLarge: (f, t) => `\`${f}\` 数值超出范围：${t}`,
  outsideBounds: (f, t, allowed, why) => `\`${f}\` 应为${/^[0-9¥-]/.test(allowed) ? ' ' : ''}${allowed}，实际是 ${t}${why === 'not-whole' ? '，不是整数' : why === 'below' ? '，小于下限' : '，大于上限'}`,
  numberNotExact: (f, t) => `\`${f}\` 无法按所写的精确读取：${t}`,
  numberNotExactHelp: '请写普通的十进制数字（不用 0x、0o），不要写多余的位数；金额最多两位小数',
  rangeHelp: '金额的范围是 ±9999999999999.99 元，数值的范围是 ±999999999999999',
  notFinite: (f, t) => `\`${f}\` 必须是有限的数字，实际是 ${t}`,
  duplicateArgument: (f) => `\`${f}\` 给了两次`,
  lineTooLong: (m) => `无法读取案例：这一行超过 ${m} 个字符（案例行远比这短）`,
  unknownTag: (t) => `无法读取案例：标签 \`${t}\` 在这里没有意义；请去掉它，直接写值`,
  typeBool: ' `true` 或 `false`',
  typeMoney: '人民币金额（不小于 0、最多两位小数的数，例如 12.50）',
  typeSignedMoney: '人民币金额（最多两位小数的数，例如 -12.50）',
  typeNumber: '数字',
  typeText: '文本',
  typeDuration: '时长，例如 "2 hours" 或 "30 minutes"',
  typeDate: '日期 YYYY-MM-DD',
  typeDatetime: '带时区偏移的时间（ISO 8601）',
  typeTime: '时刻 HH:MM',
  noSuchDate: (f, t) => `\`${f}\` 不是存在的日期：${t}`,
  noSuchTime: (f, t) => `\`${f}\` 不是存在的时刻：${t}`,
  noOffset: (f, t) => `\`${f}\` 没有时区偏移，无法确定是哪个时间：${t}`,
  dateNotMoment: (f, t) => `\`${f}\` 是日期，但这里需要带时刻和时区偏移的时间：${t}`,
  timeProblem: (f, t, p, z) => `\`${f}\`：${JSON.stringify(t)} ${{
    'no-year': '没有年份，是哪一年只能靠猜',
    'day-month-order': '可以先读作日也可以先读作月',
    'ambiguous-hour': '可能是上午也可能是晚上',
    'no-date': '没有日期，是哪一天只能靠猜',
    'no-zone': '没有时区偏移，政策也没有规定时区',
    skipped: `在 ${z ?? '该时区'} 不存在（时钟跳过了这段时间）`,
    repeated: `在 ${z ?? '该时区'} 出现两次（时钟回拨）`,
    'no-such-date': '不是存在的日期',
    'no-such-time': '不是存在的时刻',
    'calendar-length': '是日历长度：月和年没有固定的长短',
  }[p]}`,
  dateHelp: '请写带年份的日期，例如 2026-12-01、2026/12/1、2026年12月1日 或 1 December 2026',
  datetimeHelp: '请写日期和时刻（按政策的时区），例如 2026-12-02 09:30、2026年12月2日 上午9点30分，或带时区偏移：2026-12-02T09:30:00+08:00',
  timeHelp: '请写 00:00 到 23:59 之间的时刻，例如 09:30、21:30、14点30分、上午9点 或 9:30 pm',
  durationHelp: '请写数字加单位，例如 3天、12小时、2小时30分、"2 hours" 或 "30 minutes"（写天数，不写月）',
  answerHints: {
    money: '金额（元），例如 30、30元、¥30.50', number: '数字，例如 2', text: '文字',
    date: '日期，例如 2026-12-03、2026/12/3、2026年12月3日', time: '时刻，例如 14:00、14点30分、下午2点',
    datetime: '日期和时刻（按政策的时区），例如 2026-12-03 14:00、2026年12月3日 14点30分', duration: '时长，例如 3天、12小时、2小时30分',
  },
  hintJoin: '；',
  brokenRule: (r, f) => `案例不符合政策的规定：${r}（${ticks(f, '、')}）`,
  brokenRuleHelp: (f) => `请核对 ${ticks(f, '和')}`,
  due: '到期时间',
  typeEnum: (ms) => `以下之一：${ms.map((m) => (m.label && m.label !== m.id ? `\`${m.id}\`（${m.label}）` : `\`${m.id}\``)).join('、')}`,
  moneyHelp: '金额以元为单位，精确到分，例如 12.50、30元 或 ¥30',
  boolHelp: '请写 `true`（是）或 `false`（否），也可以写 是/否、对/不对、yes/no',
  ambiguousAnswer: (f, t, ms) => `\`${f}\`：${JSON.stringify(t)} 可能指${ms.map((m) => `\`${m.id}\`（${m.label}）`).join('或')}`,
  writeOneOf: (ids) => `请写以下之一：${ids.map((i) => `\`${i}\``).join('、')}`,
  divisionByZero: '该案例在这里除以零',
  divisionByZeroLabel: '对该案例，除数为零',
  outOfRange: '该案例在这里算出的值超出了可精确计算的范围（金额 ±9,999,999,999,999.99 元，数值 ±999,999,999,999,999）',
  outOfRangeLabel: '对该案例，这个结果超出范围',
  noBranch: (d) => `该案例不符合决策 \`${d}\` 的任何分支`,
  colon: '：',
  trace: '详细过程',
  outcome: '结论',
  owner: '负责部门',
  deadline: '时限',
  steps: '步骤',
  documents: '单据',
  say: '对顾客说',
  notes: '备注',
  values: '计算结果',
  why: '判断依据',
  needFirst: '还不能下结论，需要先确认',
  ask: '请问',
  soFar: '目前的判断',
  notDecided: '未决定',
  valueNeeds: '需要',
  unknownValue: '暂不确定',
  failedValue: '该案例无法计算',
  pathStep: (d, b, f) => (f ? `${d} → ${b}（${f}）` : `${d} → ${b}`),
  whyStep: (w, f) => `${w}；本案${f}`,
  otherwise: '其他情况',
  branch: (n) => `第 ${n} 条`,
  yes: '是',
  no: '否',
  duration: (d) => formatDuration(d, 'zh-CN'),
  within: (d) => (d.amount === 0 && d.unit === 'day' ? '当天' : `${zh.duration(d)}内`),
  askFallback: (l) => `${l}是什么？`,
  list: (items) => items.join('、'),
};

/** The catalogue for a locale (zh-CN, or en for anything else). */
export function messages(locale: string | undefined): Messages {
  return messageLocale(locale) === 'zh-CN' ? zh : en;
}

/** The messages of the policy test runner (`sopwright test`). */
export interface TestMessages {
  notTestFile: string;
  needsPolicy: string;
  needsTests: string;
  testNotMapping: string;
  needsName: string;
  needsExpect: string;
  unknownKey(key: string): string;
  allowedKeys(keys: readonly string[]): string;
  unknownId(what: 'outcome' | 'branch' | 'fact' | 'value' | 'department', id: string): string;
  noSuchBranch(decision: string, id: string): string;
  branchesOf(decision: string, ids: readonly string[]): string;
  branchIdForm(decisions: readonly string[]): string;
  /** "did you mean …?" followed by the list of valid ids. */
  suggestAmong(didYouMean: string, valid: string): string;
  mustBeList(key: string): string;
  mustBeMapping(key: string): string;
  mustBeCode: string;
  badExpectedValue(id: string): string;
  expected: string;
  actual: string;
  invalidCase: string;
  notRun: string;
  summary(passed: number, failed: number): string;
  noTests: string;
  coverage: string;
  branches: string;
  outcomes: string;
  notReached: string;
  branchWord: string;
  outcomeWord: string;
  belowMinimum(kind: string, percent: string, minimum: number): string;
}

const testEn: TestMessages = {
  notTestFile: 'a test file must be a mapping with `policy` and `tests`',
  needsPolicy: 'a test file needs `policy:`, the path of the policy it tests (relative to the test file)',
  needsTests: 'a test file needs `tests:`, a list of tests',
  testNotMapping: 'each test must be a mapping with `name`, `case` and `expect`',
  needsName: 'a test has no `name`',
  needsExpect: 'a test has no `expect` (a mapping)',
  unknownKey: (k) => `unknown key \`${k}\``,
  allowedKeys: (ks) => `the keys allowed here are ${ks.map((k) => `\`${k}\``).join(', ')}`,
  unknownId: (what, id) => `the policy has no ${what} \`${id}\``,
  suggestAmong: (s, v) => `${s} (${v})`,
  noSuchBranch: (d, id) => `\`${d}\` has no branch \`${id}\``,
  branchesOf: (d, ids) => `the branches of \`${d}\` are ${ids.map((x) => `\`${x}\``).join(', ')}`,
  branchIdForm: (ds) => `a branch id is \`<decision>.<name>\`, \`<decision>.<n>\` or \`<decision>.otherwise\`; the decisions are ${ds.map((x) => `\`${x}\``).join(', ')}`,
  mustBeList: (k) => `\`${k}\` must be a list`,
  mustBeMapping: (k) => `\`${k}\` must be a mapping`,
  mustBeCode: '`error` must be a diagnostic code such as `case/schema`',
  badExpectedValue: (id) => `the expected value of \`${id}\` is not valid`,
  expected: 'expected',
  actual: 'actual',
  invalidCase: 'the case is invalid',
  notRun: 'the test could not run',
  // The summary line keeps this exact form in every locale: CI logs and scripts grep for it.
  summary: (p, f) => `${p} passed, ${f} failed`,
  noTests: 'no test files (`*.test.yaml`) found',
  coverage: 'Coverage',
  branches: 'branches',
  outcomes: 'outcomes',
  notReached: 'never reached by a test',
  branchWord: 'branch',
  outcomeWord: 'outcome',
  belowMinimum: (kind, pct, min) => `${kind} coverage ${pct}% is below the minimum of ${min}%`,
};

const testZh: TestMessages = {
  notTestFile: '测试文件必须是包含 `policy` 和 `tests` 的映射',
  needsPolicy: '测试文件需要 `policy:`，写被测政策文件的路径（相对于测试文件）',
  needsTests: '测试文件需要 `tests:`，一个测试列表',
  testNotMapping: '每个测试必须是包含 `name`、`case`、`expect` 的映射',
  needsName: '测试缺少 `name`',
  needsExpect: '测试缺少 `expect`（一个映射）',
  unknownKey: (k) => `未知的键 \`${k}\``,
  allowedKeys: (ks) => `可用的键：${ks.map((k) => `\`${k}\``).join('、')}`,
  suggestAmong: (s, v) => `${s}（${v}）`,
  noSuchBranch: (d, id) => `\`${d}\` 没有分支 \`${id}\``,
  branchesOf: (d, ids) => `\`${d}\` 的分支有：${ids.map((x) => `\`${x}\``).join('、')}`,
  branchIdForm: (ds) => `分支编号写作 \`<决策>.<名称>\`、\`<决策>.<序号>\` 或 \`<决策>.otherwise\`；决策有：${ds.map((x) => `\`${x}\``).join('、')}`,
  unknownId: (what, id) => `政策中没有${{ outcome: '结果', branch: '分支', fact: '事实', value: '计算值', department: '部门' }[what]} \`${id}\``,
  mustBeList: (k) => `\`${k}\` 必须是列表`,
  mustBeMapping: (k) => `\`${k}\` 必须是映射`,
  mustBeCode: '`error` 必须是诊断代码，例如 `case/schema`',
  badExpectedValue: (id) => `\`${id}\` 的期望值无效`,
  expected: '期望',
  actual: '实际',
  invalidCase: '案例无效',
  notRun: '测试无法运行',
  summary: testEn.summary,
  noTests: '没有找到测试文件（`*.test.yaml`）',
  coverage: '覆盖率',
  branches: '分支',
  outcomes: '结果',
  notReached: '没有任何测试走到',
  branchWord: '分支',
  outcomeWord: '结果',
  belowMinimum: (kind, pct, min) => `${kind}覆盖率 ${pct}% 低于要求的 ${min}%`,
};

/** The test runner's catalogue for a locale. */
export function testMessages(locale: string | undefined): TestMessages {
  return messageLocale(locale) === 'zh-CN' ? testZh : testEn;
}
