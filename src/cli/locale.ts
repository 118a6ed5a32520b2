import { InvalidArgumentError, Option } from 'commander';
import { chooseLocale, localeFromEnv, messageLocales, parseLocale, type MessageLocale } from '../diagnostics/locale.js';

/**
 * The `--locale` option every command that speaks to people shares: its value is checked when the
 * arguments are read, so `--locale fr` is a usage error (exit 2) everywhere, before any work.
 */
export function localeOption(what: string): Option {
  return new Option('--locale <locale>', `${what}: ${messageLocales.join(' or ')} (default: from LC_ALL, LC_MESSAGES or LANG, else the policy's first locale)`)
    .argParser(parseLocaleArgument);
}

/** Reads a `--locale` value; anything we have no messages for is rejected with the choices. */
export function parseLocaleArgument(value: string): MessageLocale {
  const locale = parseLocale(value);
  if (locale === undefined) throw new InvalidArgumentError(`\`${value}\` is not a locale sopwright speaks; use ${messageLocales.map((l) => `\`${l}\``).join(' or ')}`);
  return locale;
}

/** The locale asked for: `--locale`, else the environment's; undefined leaves the choice to the policy. */
export function requestedLocale(option: MessageLocale | undefined): MessageLocale | undefined {
  return option ?? localeFromEnv(process.env);
}

/** The locale to speak: `--locale`, else the environment's, else the policy's first locale we speak. */
export function resolveLocale(requested: MessageLocale | undefined, policyLocales: readonly string[] = []): MessageLocale {
  return chooseLocale(requested, process.env, policyLocales);
}
