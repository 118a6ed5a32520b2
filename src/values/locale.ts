/**
 * The one place a requested locale is resolved. Every text sopwright writes for a person (eval
 * answers, case errors, the handbook, values in them) is in one of two languages: `zh…` is zh-CN,
 * any other tag is en; with no request, the policy's first locale decides, and zh-CN otherwise.
 */

/** The locales sopwright writes in. */
export type OutputLocale = 'zh-CN' | 'en';

/** The output locale for a requested tag, else the policy's first locale, else zh-CN. */
export function resolveLocale(requested: string | undefined, policyLocales: readonly string[] = []): OutputLocale {
  const tag = requested ?? policyLocales[0];
  if (tag === undefined) return 'zh-CN';
  return /^zh\b/i.test(tag) ? 'zh-CN' : 'en';
}

/** Whether a tag resolves to Chinese. */
export function isZh(locale: string): boolean {
  return resolveLocale(locale) === 'zh-CN';
}
