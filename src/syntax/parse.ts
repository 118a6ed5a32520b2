import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile, Span } from '../source/source-file.js';
import type { RuleFile } from './ast.js';
import { scan } from './lexer.js';
import { parseCst, parseItems } from './parser.js';
import { MAX_EXPRESSION_DEPTH, tooDeepExpressions, tooDeeplyNested } from './nesting.js';
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
  // Too deep to parse within the JS stack: say where, and parse nothing (nesting.ts).
  const deep = tooDeeplyNested(file, scanned.tokens);
  if (deep) return { ast: lowering.finish().ast, diagnostics: [...scanned.diagnostics, deep] };
  const deepest = parseItems(file, scanned.tokens, (item) => lowering.add(item));
  if (deepest !== undefined) {
    const lowered = lowering.finish();
    // The walk looks at every node of the file; it can only find something past the bound.
    const tooDeep = deepest > MAX_EXPRESSION_DEPTH ? tooDeepExpressions(lowered.ast) : [];
    return { ast: lowered.ast, diagnostics: [...scanned.diagnostics, ...lowered.diagnostics, ...tooDeep] };
  }
  const parsed = parseCst(file, scanned.tokens);
  const lowered = lowerToAst(file, parsed.cst, scanned.docComments);
  const skipped = new SkippedText(file.text, scanned.skipped);
  const parseErrors = parsed.diagnostics.filter((d) => !skipped.isEchoedBy(d.span));
  return { ast: lowered.ast, diagnostics: [...scanned.diagnostics, ...parseErrors, ...lowered.diagnostics, ...tooDeepExpressions(lowered.ast)] };
}

/**
 * The ranges of text the scanner skipped, sorted so that each parse error is checked against all
 * of them in logarithmic time: a broken file can have thousands of both.
 */
class SkippedText {
  /** Range starts, ascending. */
  private readonly starts: number[];
  /** The furthest end among the ranges up to each index of `starts`. */
  private readonly furthestEnds: number[] = [];

  constructor(
    private readonly text: string,
    skipped: readonly Span[],
  ) {
    const ranges = [...skipped].sort((a, b) => a.start - b.start);
    this.starts = ranges.map((range) => range.start);
    let furthest = -Infinity;
    for (const range of ranges) this.furthestEnds.push((furthest = Math.max(furthest, range.end)));
  }

  /**
   * True when a parse error sits right next to skipped text: `fact 破损: bool` would otherwise
   * also say "expected a name after `fact`", one problem reported twice. Next to means: starting
   * inside a range or after one with only white space between, or, for a zero-width error (a
   * token recovery inserted, at the end of the token before), before one with only white space between.
   */
  isEchoedBy(error: Span): boolean {
    // Some range starts at or before the error and ends at or after the white space before it.
    const startedBy = this.countStartingBy(error.start);
    if (startedBy > 0 && this.furthestEnds[startedBy - 1] >= this.blankBefore(error.start)) return true;
    // Some range starts between the error and the end of the white space after it.
    return error.start === error.end && this.countStartingBy(this.blankAfter(error.end)) > this.countStartingBy(error.end - 1);
  }

  /** How many ranges start at or before `offset` (a binary search). */
  private countStartingBy(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where the run of white space (as `trim` counts it) that ends at `offset` begins. */
  private blankBefore(offset: number): number {
    let at = offset;
    while (at > 0 && this.text[at - 1].trim() === '') at--;
    return at;
  }

  /** Where the run of white space that begins at `offset` ends. */
  private blankAfter(offset: number): number {
    let at = offset;
    while (at < this.text.length && this.text[at].trim() === '') at++;
    return at;
  }
}
