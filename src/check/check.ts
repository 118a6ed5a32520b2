import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../source/source-file.js';
import type { RuleFile } from '../syntax/ast.js';
import { bind } from './binder.js';
import { buildGraph } from './build-graph.js';
import { runChecks } from './checks/index.js';
import type { DecisionGraph } from '../graph/graph.js';
import { loadFiles } from './load-files.js';

/** Reads the files a policy imports; returns undefined for a file that cannot be read. */
export interface CompileHost {
  readFile(path: string): string | undefined;
}

/** What `compile` gives back: the graph when there were no errors, every diagnostic, and the sources read. */
export interface CompileResult {
  readonly graph: DecisionGraph | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, SourceFile>;
  /** The locales the entry file's `policy` header declares (also when it has errors), for choosing the message language. */
  readonly locales: readonly string[];
}

/**
 * Compiles a policy from its entry file (and the files it imports) into a checked decision graph.
 * Stages run in order and a stage does not run after an earlier one reported an error, so users see
 * the first real problem rather than its echoes. Warnings never stop the pipeline.
 */
export function compile(entryPath: string, host: CompileHost): CompileResult {
  const loaded = loadFiles(entryPath, host);
  const done = (graph: DecisionGraph | undefined, diagnostics: readonly Diagnostic[]): CompileResult => ({
    graph,
    diagnostics: sortDiagnostics(diagnostics),
    sources: loaded.value.sources,
    locales: declaredLocales(loaded.value.files[0]),
  });
  if (hasErrors(loaded.diagnostics)) return done(undefined, loaded.diagnostics);

  const bound = bind(loaded.value.files);
  const built = buildGraph(bound.value);
  const front = [...loaded.diagnostics, ...bound.diagnostics, ...built.diagnostics];
  if (!built.value || hasErrors(front)) return done(undefined, front);

  const checked = runChecks(built.value);
  const all = [...front, ...checked];
  return done(hasErrors(all) ? undefined : built.value, all);
}

/** The locales of the file's `policy` header, in the order written; none without a header. */
function declaredLocales(file: RuleFile | undefined): string[] {
  const policy = file?.declarations.find((d) => d.kind === 'policy');
  return policy?.kind === 'policy' ? policy.locales.map((l) => l.text) : [];
}

/** Compiles a policy held in memory: `files` maps paths to texts, `entry` names the entry file. */
export function compileSources(entry: string, files: Readonly<Record<string, string>>): CompileResult {
  return compile(entry, { readFile: (path) => files[path] });
}
