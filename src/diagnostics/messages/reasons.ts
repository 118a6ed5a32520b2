/**
 * Why a condition is outside the exactly decided fragment: completes "it …". The analysis gives the
 * English phrase; the checker looks its template up by that text (see decision-analysis.ts).
 */
export const reasonMessages = {
  'reason.compares-money-with-a-number': { en: 'compares money with a number', 'zh-CN': '把金额和数字比较' },
  'reason.compares-more-than-two-facts': { en: 'compares more than two facts', 'zh-CN': '比较了两个以上的事实' },
  'reason.compares-two-text-facts': { en: 'compares two text facts', 'zh-CN': '比较了两个文本事实' },
  'reason.compares-values-of-different-kinds': { en: 'compares values of different kinds', 'zh-CN': '比较了不同种类的值' },
  'reason.divides-by-a-fact': { en: 'divides by a fact', 'zh-CN': '除以一个事实' },
  'reason.divides-by-zero': { en: 'divides by zero', 'zh-CN': '除以零' },
  'reason.does-arithmetic-on-a-value-that-is-not-a-number': { en: 'does arithmetic on a value that is not a number', 'zh-CN': '对非数字的值做运算' },
  'reason.has-too-many-min-max-combinations': { en: 'has too many min/max combinations', 'zh-CN': '的 min/max 组合太多' },
  'reason.is-not-a-yes-no-value': { en: 'is not a yes/no value', 'zh-CN': '不是是/否值' },
  'reason.multiplies-two-facts': { en: 'multiplies two facts', 'zh-CN': '把两个事实相乘' },
  'reason.orders-yes-no-values': { en: 'orders yes/no values', 'zh-CN': '比较是/否值的大小' },
  'reason.reads-a-derived-value-that-depends-on-itself': { en: 'reads a derived value that depends on itself', 'zh-CN': '读取了依赖自身的派生值' },
  'reason.reads-a-duration-fact': { en: 'reads a duration fact', 'zh-CN': '读取了时长事实' },
  'reason.tests-membership-of-a-value-that-is-not-an-enum': { en: 'tests membership of a value that is not an enum', 'zh-CN': '对非枚举值做 in 判断' },
  'reason.orders-text-values': { en: 'orders text values', 'zh-CN': '比较文本的大小' },
  'reason.orders-enum-values': { en: 'orders enum values', 'zh-CN': '比较枚举成员的大小' },
  'reason.multiplies-money-by-a-fraction': { en: 'multiplies money by a fraction, which rounds to the fen', 'zh-CN': '把金额乘以小数，结果会舍入到分' },
  'reason.divides-money': { en: 'divides money, which rounds to the fen', 'zh-CN': '对金额做除法，结果会舍入到分' },
  'reason.adds-two-facts': { en: 'adds two facts', 'zh-CN': '把两个事实相加' },
  'reason.compares-a-multiple-of-one-fact-with-another': { en: 'compares a multiple of one fact with another', 'zh-CN': '把一个事实的倍数和另一个事实比较' },
} as const;
