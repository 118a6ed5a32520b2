import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile, Span } from '../source/source-file.js';
import type { RuleFile } from './ast.js';
import { scan } from './lexer.js';
import { parseCst, parseItems } from './parser.js';
import { lowerItems, lowerToAst } from './to-ast.js';

/**
 * Reads one .sop file into its AST: scan, parse, lower. A clean file is parsed and lowered one item
 * at a time, so only one declaration's CST exists at once. A file with syntax errors is parsed again,
 * whole and with recovery, so one run reports every syntax error; all three stages run even then,
 * and nodes recovery could not complete are left out of the AST. Never throws for a user mistake.
 */
export function parseRules(file: SourceFile): { ast: RuleFile; diagnostics: Diagnostic[] } {
  const scanned = scan(file);
  const lowering = lowerItems(file, scanned.docComments);
  if (parseItems(scanned.tokens, (item) => lowering.add(item))) {
    const lowered = lowering.finish();
    return { ast: lowered.ast, diagnostics: [...scanned.diagnostics, ...lowered.diagnostics] };
  }
  const parsed = parseCst(file, scanned.tokens);
  const lowered = lowerToAst(file, parsed.cst, scanned.docComments);
  const parseErrors = parsed.diagnostics.filter((d) => !echoesScanError(file.text, d.span, scanned.skipped));
  return { ast: lowered.ast, diagnostics: [...scanned.diagnostics, ...parseErrors, ...lowered.diagnostics] };
}

/**
 * True when a parse error sits right next to text the scanner skipped: `fact 破损: bool` would
 * otherwise also say "expected a name after `fact`", one problem reported twice.
 */
function echoesScanError(text: string, error: Span, skipped: readonly Span[]): boolean {
  const blank = (from: number, to: number) => from <= to && text.slice(from, to).trim() === '';
  return skipped.some(
    (range) =>
      (error.start >= range.start && error.start <= range.end) ||
      blank(range.end, error.start) ||
      // A zero-width error marks a token recovery inserted, at the end of the token before.
      (error.start === error.end && blank(error.end, range.start)),
  );
}
