/** Messages about dates, moments, clock times, durations and deadlines, in every locale. */
export const timeMessages = {
  'noun.rule': { en: 'rule', 'zh-CN': '规定' },
  'time.zero-deadline': { en: 'a deadline of no time is due the moment it is set', 'zh-CN': '时限为零，一设定就已到期' },
  'time.zero-deadline.help': {
    en: 'write `same day` for the end of the day, or a length such as `2 hours`',
    'zh-CN': '当天之内请写 `same day`，否则写一段时间，如 `2 hours`',
  },
  'time.bad-date': { en: 'there is no date {text}', 'zh-CN': '没有 {text} 这个日期' },
  'time.bad-date.help': { en: 'write a date that exists as YYYY-MM-DD, e.g. `2026-02-28`', 'zh-CN': '请按 YYYY-MM-DD 写一个存在的日期，如 `2026-02-28`' },
  'time.bad-clock': { en: 'there is no clock time {text}', 'zh-CN': '没有 {text} 这个时刻' },
  'time.bad-clock.help': { en: 'write a clock time from `00:00` to `23:59:59`, e.g. `09:30`', 'zh-CN': '请写 `00:00` 到 `23:59:59` 之间的时刻，如 `09:30`' },
  'time.units.help': {
    en: 'units are `CNY`, `seconds`, `minutes`, `hours`, `days`, `weeks`, `months` and `years`',
    'zh-CN': '可用的单位有 `CNY`、`seconds`、`minutes`、`hours`、`days`、`weeks`、`months` 和 `years`',
  },
  'time.missing-timezone': { en: '{what} depends on the time zone, but the policy has no `timezone`', 'zh-CN': '{what}取决于时区，但政策没有 `timezone`' },
  'time.missing-timezone.help': {
    en: 'add `timezone "Asia/Shanghai"` (an IANA zone name) to the policy header',
    'zh-CN': '在政策头里加上 `timezone "Asia/Shanghai"`（IANA 时区名）',
  },
  'time.what.date-of': { en: 'the calendar date of a moment', 'zh-CN': '时间的日期' },
  'time.what.time-of': { en: 'the clock time of a moment', 'zh-CN': '时间的时刻' },
  'time.what.calendar-moment': { en: 'adding months or years to a moment', 'zh-CN': '给时间加上月数或年数' },
  'time.unknown-timezone': { en: '{zone} is not a time zone', 'zh-CN': '{zone} 不是时区' },
  'time.unknown-timezone.help': {
    en: 'write an IANA zone name such as "Asia/Shanghai", "Asia/Hong_Kong" or "UTC"',
    'zh-CN': '请写 IANA 时区名，如 "Asia/Shanghai"、"Asia/Hong_Kong" 或 "UTC"',
  },
  'type.date': { en: 'a date', 'zh-CN': '日期' },
  'type.datetime': { en: 'a moment (datetime)', 'zh-CN': '时间（日期和时刻）' },
  'type.time': { en: 'a clock time', 'zh-CN': '时刻' },
  'type.period': { en: 'a calendar duration (months or years)', 'zh-CN': '日历时长（月或年）' },
  'time.arithmetic': { en: 'cannot use {op} on {left} and {right}', 'zh-CN': '不能对{left}和{right}使用 {op}' },
  'time.clock-arithmetic.help': {
    en: 'a clock time is not an amount: compare clock times (`reported_at.time < 16:00`) or test a window (`now.time between 09:00 and 23:30`)',
    'zh-CN': '时刻不是数量：请比较时刻（`reported_at.time < 16:00`），或判断时段（`now.time between 09:00 and 23:30`）',
  },
  'time.moment-arithmetic.help': {
    en: 'a date or moment moves by a duration (`ordered_at + 12 hours`, `purchased_on + 2 years`), and two of them subtract to a duration (`now - ordered_at`)',
    'zh-CN': '日期或时间可以加减时长（`ordered_at + 12 hours`、`purchased_on + 2 years`），两个相减得到时长（`now - ordered_at`）',
  },
  'time.period-arithmetic.help': {
    en: 'months and years have no fixed length: add them to a date or moment (`purchased_on + 2 years`) instead of combining them with other durations',
    'zh-CN': '月和年没有固定长度：请把它们加到日期或时间上（`purchased_on + 2 years`），不要和其他时长相加减',
  },
  'time.whole-days.help': {
    en: 'a date moves by whole days, weeks, months or years (`received_on + 7 days`); for hours, use a datetime',
    'zh-CN': '日期只能按整天、周、月或年移动（`received_on + 7 days`）；按小时计请用 datetime',
  },
  'time.incomparable': { en: 'cannot compare {left} with {right} using {op}', 'zh-CN': '不能用 {op} 比较{left}和{right}' },
  'time.period-compare': { en: 'months and years cannot be compared', 'zh-CN': '月数和年数不能比较' },
  'time.period-compare.help': {
    en: 'months and years have no fixed length, so they do not compare with durations: compare dates instead, e.g. `reported_at.date <= purchased_on + 2 years`',
    'zh-CN': '月和年没有固定长度，不能和时长比较：请比较日期，如 `reported_at.date <= purchased_on + 2 years`',
  },
  'time.number-duration.help': {
    en: 'a duration has a unit: write `12 hours`, `30 minutes` or `7 days`, not a bare number',
    'zh-CN': '时长要带单位：请写 `12 hours`、`30 minutes` 或 `7 days`，不要只写数字',
  },
  'time.number-clock.help': { en: 'a clock time is not a number: write it as `09:30`', 'zh-CN': '时刻不是数字：请写成 `09:30`' },
  'time.date-moment.help': { en: 'compare the date of the moment: `ordered_at.date`', 'zh-CN': '请比较时间的日期：`ordered_at.date`' },
  'time.clock-moment.help': { en: 'compare the clock time of the moment: `ordered_at.time`', 'zh-CN': '请比较时间的时刻：`ordered_at.time`' },
  'time.part-of-moment': { en: '{part} is taken of a moment, but {name} is {type}', 'zh-CN': '{part} 只能取自时间，但 {name} 是{type}' },
  'time.part-of-moment.help': {
    en: 'declare the fact as `datetime` (a moment, such as 2026-12-02T09:30:00+08:00)',
    'zh-CN': '请把这个事实声明为 `datetime`（时间，如 2026-12-02T09:30:00+08:00）',
  },
  'time.between': { en: '`between` takes clock times, but this is {type}', 'zh-CN': '`between` 用于时刻，但这里是{type}' },
  'time.between.moment-help': {
    en: 'take the clock time of the moment: `now.time between 09:00 and 23:30`',
    'zh-CN': '请取时间的时刻：`now.time between 09:00 and 23:30`',
  },
  'time.between.help': { en: 'write clock times such as `09:00` and `23:30`', 'zh-CN': '请写 `09:00`、`23:30` 这样的时刻' },
  'time.compare-date.help': { en: 'compare it with a date, e.g. `<= purchased_on + 2 years`', 'zh-CN': '请和日期比较，如 `<= purchased_on + 2 years`' },
  'time.compare-moment.help': { en: 'compare it with a moment, e.g. `<= now`', 'zh-CN': '请和时间比较，如 `<= now`' },
  'time.compare-clock.help': {
    en: 'compare it with a clock time, e.g. `< 16:00`, or test a window: `between 09:00 and 23:30`',
    'zh-CN': '请和时刻比较，如 `< 16:00`，或判断时段：`between 09:00 and 23:30`',
  },
  'time.deadline-from': { en: 'a deadline counts from a moment, but this is {type}', 'zh-CN': '时限要从某个时间算起，但这里是{type}' },
  'time.deadline-from.help': {
    en: 'name a `datetime` fact after `after`, e.g. `2 hours after reported_at`',
    'zh-CN': '请在 `after` 后写一个 `datetime` 事实，如 `2 hours after reported_at`',
  },
  'time.deadline': { en: 'a deadline is a duration, a clock time or a moment, but this is {type}', 'zh-CN': '时限应是时长、时刻或时间，但这里是{type}' },
  'time.deadline.help': {
    en: 'write a duration such as `3 days` or `same day`, `at 09:00`, `2 hours after reported_at`, or a moment such as `appointment_at`',
    'zh-CN': '请写时长（如 `3 days` 或 `same day`）、`at 09:00`、`2 hours after reported_at`，或时间（如 `appointment_at`）',
  },
} as const;
