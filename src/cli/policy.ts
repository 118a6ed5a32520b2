import { compile, type CompileResult } from '../check/check.js';
import type { DecisionGraph } from '../graph/graph.js';
import { formatJson } from '../diagnostics/format-json.js';
import { formatReport } from '../diagnostics/format-text.js';
import type { SourceFile } from '../source/source-file.js';
import { ExitCode } from './exit-codes.js';
import { printError, readText } from './io.js';
import type { CliContext } from './program.js';

/** A compiled policy with the sources read, or the exit code after its problems were printed. */
export type LoadedPolicy =
  | { readonly graph: DecisionGraph; readonly sources: Map<string, SourceFile> }
  | { readonly exit: ExitCode };

/** Compiles a policy from the file system (files it cannot read are reported by `compile`). */
export function compileFile(file: string): CompileResult {
  return compile(file, {
    readFile: (p) => {
      const r = readText(p);
      return r.ok ? r.text : undefined;
    },
  });
}

/**
 * Compiles the policy a command works on (eval, schema, test, render, graph). An unreadable file or
 * a policy with errors prints its problems (pretty on stderr, or JSON on stdout) and gives exit
 * code 2, so callers can tell "the rules are broken" from "your case is wrong" (1). Warnings are
 * printed only when `warnings` is set: `check` is where authors look at them.
 */
export function loadPolicy(file: string, ctx: CliContext, opts: { json?: boolean; warnings?: boolean } = {}): LoadedPolicy {
  const read = readText(file);
  if (!read.ok) {
    printError(ctx.stderr, read.message);
    return { exit: ExitCode.usage };
  }
  const result = compileFile(file);
  const sources = new Map(result.sources);
  const shown = opts.warnings || result.graph === undefined
    ? result.diagnostics.filter((d) => opts.warnings || d.severity === 'error')
    : [];
  if (opts.json && result.graph === undefined) ctx.stdout.write(formatJson(shown, sources));
  else if (shown.length > 0) ctx.stderr.write(formatReport(shown, sources, { color: ctx.stderr.color }));
  return result.graph === undefined ? { exit: ExitCode.usage } : { graph: result.graph, sources };
}
