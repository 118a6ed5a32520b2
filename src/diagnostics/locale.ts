/**
 * The languages sopwright speaks to people (messages, answers, handbooks), and how the one to use
 * is chosen: `--locale`, else the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), else the policy's
 * first locale.
 */

/** The locales every message exists in. */
export const messageLocales = ['zh-CN', 'en'] as const;

/** A locale sopwright has messages for. */
export type MessageLocale = (typeof messageLocales)[number];

/**
 * The message locale a tag names, or undefined for one we do not speak. Accepts BCP 47 tags and
 * POSIX names, in any case: `zh-CN`, `zh`, `zh-Hans`, `zh_CN.UTF-8`; `en`, `en-GB`, `en_US.UTF-8`.
 * Traditional Chinese (`zh-TW`, `zh-Hant`) is not zh-CN, so it is not accepted as such.
 */
export function parseLocale(tag: string): MessageLocale | undefined {
  const base = tag.trim().replace(/[.@].*$/, '').replace(/_/g, '-').toLowerCase();
  if (/^en(-[a-z0-9]{2,8})*$/.test(base)) return 'en';
  if (/^zh(-(cn|sg|hans|hans-cn|hans-sg))?$/.test(base)) return 'zh-CN';
  return undefined;
}

/** The environment variables that name the user's language, strongest first (POSIX). */
const localeVariables = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/**
 * The locale the environment asks for. As in POSIX, the first of `LC_ALL`, `LC_MESSAGES`, `LANG`
 * that is set decides; `C`, `POSIX` or a language we do not speak there means no preference, so
 * the policy's own first locale is used (a wrong environment is never an error).
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): MessageLocale | undefined {
  for (const name of localeVariables) {
    const value = env[name];
    if (value !== undefined && value !== '') return parseLocale(value);
  }
  return undefined;
}

/**
 * The locale to speak: the one asked for, else the environment's, else the first of the policy's
 * locales we speak, else zh-CN (the supervisors' language).
 */
export function chooseLocale(
  requested: MessageLocale | undefined,
  env: Readonly<Record<string, string | undefined>>,
  policyLocales: readonly string[] = [],
): MessageLocale {
  if (requested !== undefined) return requested;
  const fromEnv = localeFromEnv(env);
  if (fromEnv !== undefined) return fromEnv;
  for (const locale of policyLocales) {
    const known = parseLocale(locale);
    if (known !== undefined) return known;
  }
  return 'zh-CN';
}
