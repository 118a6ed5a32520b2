import type { Span } from '../source/source-file.js';
import { codes, type DiagnosticCode } from './codes.js';
import type { MessageLocale } from './locale.js';
import { formatMessage, isMessageRef, type MessageRef } from './message.js';

export type Severity = 'error' | 'warning' | 'info';

/** A related location, such as "first declared here". */
export interface RelatedSpan {
  readonly span: Span;
  readonly message: string;
}

/** A machine-applicable fix: replace the text of `span` with `replacement`. */
export interface Suggestion {
  readonly span: Span;
  readonly replacement: string;
}

/** One problem found by a stage. Data, never thrown: every stage returns these next to its value. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** What is wrong: one line, lowercase start, no trailing period, names in backticks. */
  readonly message: string;
  readonly span: Span;
  /** Short text printed under the caret. */
  readonly label?: string;
  /** How to fix it. */
  readonly help?: string;
  readonly suggestion?: Suggestion;
  readonly related?: readonly RelatedSpan[];
  /** A concrete example input, for gaps and overlaps: fact id → value as the user writes it. */
  readonly witness?: Readonly<Record<string, string>>;
  /**
   * The registry messages behind `message`, `label`, `help` and the related notes, so they can be
   * printed in any locale; the string fields hold the English text. Absent for plain-text messages.
   */
  readonly i18n?: DiagnosticMessages;
}

/** The template references of one diagnostic's texts. */
export interface DiagnosticMessages {
  readonly message: MessageRef;
  readonly label?: MessageRef;
  readonly help?: MessageRef;
  /** One per related span, in order; undefined where that note is plain text. */
  readonly related?: readonly (MessageRef | undefined)[];
}

/** Text given to a diagnostic constructor: a registry message, or plain text (English only). */
export type Text = string | MessageRef;

/** The optional parts of a diagnostic, with texts as registry messages. */
export interface DiagnosticExtra {
  readonly severity?: Severity;
  readonly label?: Text;
  readonly help?: Text;
  readonly suggestion?: Suggestion;
  readonly related?: readonly { readonly span: Span; readonly message: Text }[];
  readonly witness?: Readonly<Record<string, string>>;
}

/**
 * Builds a diagnostic with the registry's default severity for its code. Texts should be registry
 * messages (`msg('id', {…})`) so every locale can print them; plain strings are English only.
 */
export function diagnostic(code: DiagnosticCode, span: Span, message: Text, extra: DiagnosticExtra = {}): Diagnostic {
  const english = (t: Text) => (typeof t === 'string' ? t : formatMessage(t, 'en'));
  const ref = (t: Text | undefined) => (t !== undefined && isMessageRef(t) ? t : undefined);
  const { label, help, related, ...rest } = extra;
  const refs: DiagnosticMessages | undefined = isMessageRef(message)
    ? {
        message,
        ...(ref(label) ? { label: ref(label) } : {}),
        ...(ref(help) ? { help: ref(help) } : {}),
        ...(related?.some((r) => isMessageRef(r.message)) ? { related: related.map((r) => ref(r.message)) } : {}),
      }
    : undefined;
  return {
    code,
    severity: codes[code].severity,
    message: english(message),
    span,
    ...(label !== undefined ? { label: english(label) } : {}),
    ...(help !== undefined ? { help: english(help) } : {}),
    ...rest,
    ...(related !== undefined ? { related: related.map((r) => ({ span: r.span, message: english(r.message) })) } : {}),
    ...(refs ? { i18n: refs } : {}),
  };
}

/** The diagnostic with its texts in `locale` (plain-text parts stay as they are). */
export function localize(d: Diagnostic, locale: MessageLocale): Diagnostic {
  const refs = d.i18n;
  if (refs === undefined || locale === 'en') return d;
  return {
    ...d,
    message: formatMessage(refs.message, locale),
    ...(refs.label && d.label !== undefined ? { label: formatMessage(refs.label, locale) } : {}),
    ...(refs.help && d.help !== undefined ? { help: formatMessage(refs.help, locale) } : {}),
    ...(refs.related && d.related
      ? { related: d.related.map((r, i) => { const m = refs.related?.[i]; return m ? { ...r, message: formatMessage(m, locale) } : r; }) }
      : {}),
  };
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorts by file, offset, then code, so output is stable whatever order the stages found them in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : 0) ||
      a.span.start - b.span.start ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
