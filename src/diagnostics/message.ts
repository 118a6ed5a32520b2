import { templates, type MessageId } from './messages/index.js';
import type { MessageLocale } from './locale.js';

/**
 * Messages as data: a template id from the registry (src/diagnostics/messages/) plus named
 * arguments, turned into text only when printed, in the reader's locale. This is TypeScript's
 * diagnosticMessages pattern with named parameters (`{name}`) instead of `{0}`.
 */

/** A list argument: printed as `a`, `b` and `c` (or `a`、`b` 和 `c`), joined by the locale's words. */
export interface ListArg {
  readonly list: readonly Arg[];
  readonly join: 'and' | 'or' | 'comma';
}

/** What a placeholder may be filled with: plain text (quoted user text, numbers) or another message. */
export type Arg = string | number | MessageRef | ListArg;

/** Characters that cannot be in a placeholder name, so `in {…}` or `{ … }` in a template is literal text. */
type NotInName = ' ' | '…' | '"' | ',' | '.' | '{' | '`';

/** The placeholder names of a template: `{name}` → `'name'`. */
type ParamsOf<S extends string> = S extends `${string}{${infer P}}${infer R}`
  ? (P extends '' | `${string}${NotInName}${string}` ? never : P) | ParamsOf<R>
  : never;

/** The arguments a template needs, by name (checked at compile time against the English template). */
export type ArgsOf<K extends MessageId> = { readonly [P in ParamsOf<(typeof templates)[K]['en']>]: Arg };

/** A template id with its arguments. */
export interface MessageRef {
  readonly id: MessageId;
  readonly args: Readonly<Record<string, Arg>>;
}

/** Builds a message reference; the arguments are type-checked against the template's placeholders. */
export function msg<K extends MessageId>(
  id: K,
  ...args: keyof ArgsOf<K> extends never ? [] : [ArgsOf<K>]
): MessageRef {
  return { id, args: (args[0] ?? {}) as Record<string, Arg> };
}

/** A list of arguments joined by "and", "or" or commas. */
export function list(items: readonly Arg[], join: ListArg['join'] = 'and'): ListArg {
  return { list: items, join };
}

/** Quotes a name as code: `` `name` ``. Names are the same in every locale. */
export function code(text: string): string {
  return `\`${text}\``;
}

/** True for a message reference (as opposed to plain text). */
export function isMessageRef(value: unknown): value is MessageRef {
  return typeof value === 'object' && value !== null && 'id' in value && 'args' in value;
}

const placeholder = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** The text of a message in a locale; a placeholder without an argument stays as written. */
export function formatMessage(ref: MessageRef, locale: MessageLocale): string {
  const template = templates[ref.id][locale];
  return template.replace(placeholder, (whole, name: string) => {
    const arg = ref.args[name];
    return arg === undefined ? whole : formatArg(arg, locale);
  });
}

/** The text of one argument in a locale. */
export function formatArg(arg: Arg, locale: MessageLocale): string {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'number') return String(arg);
  if ('list' in arg) return joinList(arg.list.map((a) => formatArg(a, locale)), arg.join, locale);
  return formatMessage(arg, locale);
}

const conjunctions: Record<MessageLocale, Record<'and' | 'or', string>> = {
  en: { and: ' and ', or: ' or ' },
  'zh-CN': { and: ' 和 ', or: ' 或 ' },
};

function joinList(items: readonly string[], join: ListArg['join'], locale: MessageLocale): string {
  const comma = locale === 'zh-CN' ? '、' : ', ';
  if (join === 'comma' || items.length < 2) return items.join(comma);
  return `${items.slice(0, -1).join(comma)}${conjunctions[locale][join]}${items[items.length - 1]}`;
}

/** The placeholder names a template uses, for the registry's consistency test. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(placeholder)].map((m) => m[1]))].sort();
}
