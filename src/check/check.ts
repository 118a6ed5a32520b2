import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../source/source-file.js';
import type { DecisionGraph } from './graph.js';

/** Reads the files a policy imports; returns undefined for a file that cannot be read. */
export interface CompileHost {
  readFile(path: string): string | undefined;
}

/** What `compile` gives back: the graph when there were no errors, every diagnostic, and the sources read. */
export interface CompileResult {
  readonly graph: DecisionGraph | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, SourceFile>;
}

/** Compiles a policy from its entry file (and the files it imports) into a checked decision graph. */
export function compile(entryPath: string, host: CompileHost): CompileResult {
  throw new Error(`internal error: compile(${entryPath}, ${typeof host}) is not wired yet`);
}
