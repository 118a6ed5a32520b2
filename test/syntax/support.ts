import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { sourceFile } from '../../src/source/source-file.js';
import type { Declaration, RuleFile } from '../../src/syntax/ast.js';
import { parseRules } from '../../src/syntax/parse.js';

/** One parsed snippet, with the text its diagnostics point into. */
export interface Parsed {
  readonly text: string;
  readonly ast: RuleFile;
  readonly diagnostics: Diagnostic[];
}

/** Parses a snippet as the file `test.sop`. */
export function parse(text: string): Parsed {
  return { text, ...parseRules(sourceFile('test.sop', text)) };
}

/** The one declaration of a snippet that must parse cleanly. */
export function only<K extends Declaration['kind']>(text: string, kind: K): Extract<Declaration, { kind: K }> {
  const { ast, diagnostics } = parse(text);
  if (diagnostics.length > 0) throw new Error(`unexpected diagnostics: ${diagnostics.map((d) => d.message).join('; ')}`);
  const [decl] = ast.declarations;
  if (ast.declarations.length !== 1 || decl.kind !== kind) throw new Error(`expected one ${kind} declaration`);
  return decl as Extract<Declaration, { kind: K }>;
}

/**
 * Compact `code: underlined text` lines, for table assertions (style guide 2.6: assert the
 * underline, not offsets). A zero-width span shows as `‸ after <the text before it>`.
 */
export function summarise({ text, diagnostics }: Parsed): string[] {
  return diagnostics.map((d) => {
    const underlined = d.span.start === d.span.end
      ? `‸ after ${/\S*$/.exec(text.slice(0, d.span.start).trimEnd())![0]}`
      : text.slice(d.span.start, d.span.end);
    return `${d.code}: ${underlined}`;
  });
}

/** Drops spans, so AST shape assertions stay short. */
export function withoutSpans<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'span' ? undefined : v)));
}
