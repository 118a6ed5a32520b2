import { compileSources, type CompileResult } from '../../src/check/check.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

/** Compiles one in-memory policy file (plus optional imported files) named `policy.sop`. */
export function compileText(text: string, imports: Record<string, string> = {}): CompileResult {
  return compileSources('policy.sop', { 'policy.sop': text, ...imports });
}

/** The source text a diagnostic underlines. */
export function underlined(result: CompileResult, d: Diagnostic): string {
  return result.sources.get(d.span.file)!.text.slice(d.span.start, d.span.end);
}

/** Compact `code: underlined text` lines, for table assertions. */
export function summarise(result: CompileResult): string[] {
  return result.diagnostics.map((d) => `${d.code}: ${underlined(result, d)}`);
}
