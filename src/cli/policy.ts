import type { MessageLocale } from '../diagnostics/locale.js';
import { resolveLocale } from './locale.js';
import { formatJson } from '../diagnostics/format-json.js';
import { formatReport } from '../diagnostics/format-text.js';
import type { DecisionGraph } from '../graph/graph.js';
import type { SourceFile } from '../source/source-file.js';
import type { LoadedPolicy } from '../workflows/policy.js';
import { ExitCode } from './exit-codes.js';
import { printError } from './io.js';
import type { CliContext } from './program.js';

/** A compiled policy with the sources read, or the exit code after its problems were printed. */
export type OpenedPolicy =
  | { readonly graph: DecisionGraph; readonly sources: Map<string, SourceFile>; readonly locale: MessageLocale }
  | { readonly exit: ExitCode };

/**
 * Prints what loading a policy found and maps it to an exit code. An unreadable file or a policy
 * with errors prints its problems (pretty on stderr, or JSON on stdout) and gives exit code 2, so
 * callers can tell "the rules are broken" from "your case is wrong" (1). Warnings are printed
 * only when `warnings` is set: `check` is where authors look at them.
 */
export function reportPolicy(
  loaded: LoadedPolicy, ctx: CliContext, opts: { json?: boolean; warnings?: boolean; locale?: MessageLocale } = {},
): OpenedPolicy {
  for (const message of loaded.problems) printError(ctx.stderr, message);
  if (loaded.problems.length > 0) return { exit: ExitCode.usage };
  const { graph, sources } = loaded;
  const locale = resolveLocale(opts.locale, loaded.locales);
  const shown = opts.warnings || graph === undefined
    ? loaded.diagnostics.filter((d) => opts.warnings || d.severity === 'error')
    : [];
  if (opts.json && graph === undefined) ctx.stdout.write(formatJson(shown, sources, locale));
  else if (shown.length > 0) ctx.stderr.write(formatReport(shown, sources, { color: ctx.stderr.color, locale }));
  return graph === undefined ? { exit: ExitCode.usage } : { graph, sources, locale };
}
