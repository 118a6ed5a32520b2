import { positionOf, type SourceFile, type Span } from '../source/source-file.js';
import { localize, sortDiagnostics, type Diagnostic, type Severity } from './diagnostic.js';
import type { MessageLocale } from './locale.js';

/**
 * Machine output (`--format json`, style guide 2.4 rule 6). Positions are 1-based; the end
 * position is that of the first character after the span (exclusive), as in LSP ranges.
 * Every key is always present (null or [] when empty), so consumers need no existence checks.
 */

/** A span as 1-based positions; the numbers are null when the file's text was never read. */
export interface JsonRange {
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly endLine: number | null;
  readonly endColumn: number | null;
}

/** One diagnostic in JSON. */
export interface JsonDiagnostic extends JsonRange {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly label: string | null;
  readonly help: string | null;
  readonly suggestion: (JsonRange & { readonly replacement: string }) | null;
  readonly related: readonly (JsonRange & { readonly message: string })[];
  readonly witness: Readonly<Record<string, string>> | null;
}

/** The whole JSON document `check --format json` prints. */
export interface JsonReport {
  readonly diagnostics: readonly JsonDiagnostic[];
  readonly summary: { readonly errors: number; readonly warnings: number; readonly infos: number };
}

/** A span's 1-based start and exclusive end. */
export function jsonRange(span: Span, sources: ReadonlyMap<string, SourceFile>): JsonRange {
  const file = sources.get(span.file);
  if (file === undefined) return { file: span.file, line: null, column: null, endLine: null, endColumn: null };
  const start = positionOf(file, span.start);
  const end = positionOf(file, span.end);
  return { file: span.file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** One diagnostic as plain JSON data, keys in the documented order. */
export function toJsonDiagnostic(d: Diagnostic, sources: ReadonlyMap<string, SourceFile>, locale: MessageLocale = 'en'): JsonDiagnostic {
  d = localize(d, locale);
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...jsonRange(d.span, sources),
    label: d.label ?? null,
    help: d.help ?? null,
    suggestion:
      d.suggestion === undefined
        ? null
        : { ...jsonRange(d.suggestion.span, sources), replacement: d.suggestion.replacement },
    related: (d.related ?? []).map((r) => ({ ...jsonRange(r.span, sources), message: r.message })),
    witness: d.witness === undefined ? null : { ...d.witness },
  };
}

/** The report: every diagnostic, sorted (never capped: machines want them all), and counts. */
export function toJsonReport(list: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>, locale: MessageLocale = 'en'): JsonReport {
  const count = (s: Severity): number => list.filter((d) => d.severity === s).length;
  return {
    diagnostics: sortDiagnostics(list).map((d) => toJsonDiagnostic(d, sources, locale)),
    summary: { errors: count('error'), warnings: count('warning'), infos: count('info') },
  };
}

/** The report as indented JSON text with a trailing newline; messages in `locale` (English by default). */
export function formatJson(list: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>, locale: MessageLocale = 'en'): string {
  return JSON.stringify(toJsonReport(list, sources, locale), null, 2) + '\n';
}
