import type { Span } from '../source/source-file.js';
import { codes, type DiagnosticCode } from './codes.js';

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
}

/** Builds a diagnostic with the registry's default severity for its code. */
export function diagnostic(
  code: DiagnosticCode,
  span: Span,
  message: string,
  extra: Partial<Omit<Diagnostic, 'code' | 'span' | 'message'>> = {},
): Diagnostic {
  return { code, severity: codes[code].severity, message, span, ...extra };
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
