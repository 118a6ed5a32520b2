import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../source/source-file.js';
import type { RuleFile } from '../syntax/ast.js';
import type { ParseCache } from '../syntax/parse-cache.js';
import { bind } from './binder.js';
import { buildGraph } from './build-graph.js';
import { runChecks } from './checks/index.js';
import type { DecisionGraph } from '../graph/graph.js';
import { loadFiles } from './load-files.js';
import { ReferenceRecorder, type ReferenceIndex } from './references.js';
import { symbolTable, type SymbolTable } from './symbols.js';

/** Reads the files a policy imports; returns undefined for a file that cannot be read. */
export interface CompileHost {
  readFile(path: string): string | undefined;
}

/** How to compile. */
export interface CompileOptions {
  /**
   * Parses to reuse across compiles (an editor, a language server, a watch mode keeps one): a file
   * whose text has not changed since the last compile is not parsed again.
   */
  readonly parseCache?: ParseCache;
}

/**
 * What `compile` gives back: the graph when there were no errors, every diagnostic, and the sources
 * read; and, for tools, even when there are errors: the syntax tree of each file, the symbol table
 * and the index of every use of a name.
 */
export interface CompileResult {
  readonly graph: DecisionGraph | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, SourceFile>;
  /** The locales the entry file's `policy` header declares (also when it has errors), for choosing the message language. */
  readonly locales: readonly string[];
  /** The syntax tree of each file read, by path, entry first. Nodes recovery could not complete are left out. */
  readonly files: ReadonlyMap<string, RuleFile>;
  /** Every declared name (check/symbols.ts). */
  readonly symbols: SymbolTable;
  /** Every use of a declared name, with its declaration (check/references.ts). */
  readonly references: ReferenceIndex;
}

/**
 * Compiles a policy from its entry file (and the files it imports) into a checked decision graph.
 * Stages run in order and no diagnostic of a stage is reported after an earlier one reported an
 * error, so users see the first real problem rather than its echoes. Names are still bound and
 * resolved then, silently, so tools get the symbols and references of a file being edited.
 * Warnings never stop the pipeline. The graph is built only from error-free input.
 */
export function compile(entryPath: string, host: CompileHost, options: CompileOptions = {}): CompileResult {
  const loaded = loadFiles(entryPath, host, options.parseCache);
  const bound = bind(loaded.value.files);
  const refs = new ReferenceRecorder();
  const built = buildGraph(bound.value, refs);
  const symbols = symbolTable(bound.value);
  const done = (graph: DecisionGraph | undefined, diagnostics: readonly Diagnostic[]): CompileResult => ({
    graph,
    diagnostics: sortDiagnostics(diagnostics),
    sources: loaded.value.sources,
    locales: declaredLocales(loaded.value.files[0]),
    files: new Map(loaded.value.files.map((f) => [f.path, f])),
    symbols,
    references: refs.finish(symbols),
  });
  if (hasErrors(loaded.diagnostics)) return done(undefined, loaded.diagnostics);

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
export function compileSources(entry: string, files: Readonly<Record<string, string>>, options: CompileOptions = {}): CompileResult {
  return compile(entry, { readFile: (path) => files[path] }, options);
}
