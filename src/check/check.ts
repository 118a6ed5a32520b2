import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile, Span } from '../source/source-file.js';
import type { RuleFile } from '../syntax/ast.js';
import type { ParseCache } from '../syntax/parse-cache.js';
import { bind, type BoundRules } from './binder.js';
import { buildGraph, type BuiltGraph } from './build-graph.js';
import { chainsTooDeep } from './chain-depth.js';
import { runChecks, runDraftChecks } from './checks/index.js';
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
 * Stages run in order; after an error the later ones judge only what the error does not touch, so
 * users see every real problem, not its echoes. Names are bound and resolved whatever happens, so
 * tools get the symbols and references of a file being edited. The graph is there only when
 * nothing is an error.
 */
export function compile(entryPath: string, host: CompileHost, options: CompileOptions = {}): CompileResult {
  const loaded = loadFiles(entryPath, host, options.parseCache);
  const bound = bind(loaded.value.files);
  const refs = new ReferenceRecorder();
  const chains = chainsTooDeep(bound.value);
  const tooDeep = chains.length > 0 || loaded.diagnostics.some((d) => d.code === 'syntax/too-deep');
  const built = tooDeep ? emptyBuild : buildGraph(bound.value, refs);
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
  // Every stage runs even after errors, on what could be read: a syntax error in one declaration
  // leaves out only that declaration, and an error in some conditions leaves out only the decisions
  // it touches (see runDraftChecks), so one run reports every problem it can.
  // An expression nested too deeply is neither typed (its walk would overflow the stack) nor judged:
  // a file that deep is not parsed at all (syntax/nesting.ts), so the rest would be echoes.
  // So is a policy whose lets or decisions chain beyond the limits of check/chain-depth.ts.
  if (tooDeep) return done(undefined, [...loaded.diagnostics, ...chains]);
  const front = withoutEchoes(loaded.value.files, [...loaded.diagnostics, ...bound.diagnostics, ...built.diagnostics]);
  if (built.value && !hasErrors(front)) {
    const all = [...front, ...runChecks(built.value)];
    return done(hasErrors(all) ? undefined : built.value, all);
  }
  if (!built.draft) return done(undefined, front);
  const broken = new Set([...built.broken, ...decisionsWithSyntaxErrors(bound.value, loaded.diagnostics)]);
  return done(undefined, [...front, ...runDraftChecks(built.draft, broken)]);
}

/**
 * Drops what later stages found inside a declaration that has a syntax error: what was read of it
 * may not be what was written (skipped characters, a recovered branch), so those findings may be
 * echoes of the syntax error. Problems in other declarations stay.
 */
function withoutEchoes(files: readonly RuleFile[], diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const errors = diagnostics.filter((d) => d.code.startsWith('syntax/'));
  if (errors.length === 0) return [...diagnostics];
  const overlaps = (a: Span, b: Span) => a.file === b.file && a.start < b.end && a.end >= b.start;
  const broken = files.flatMap((f) => f.declarations.map((d) => d.span)).filter((span) => errors.some((e) => overlaps(e.span, span)));
  return diagnostics.filter((d) => d.code.startsWith('syntax/') || !broken.some((span) => overlaps(d.span, span)));
}

/** What building gives when nothing is built. */
const emptyBuild: BuiltGraph = { value: undefined, draft: undefined, broken: new Set(), diagnostics: [] };

/** Decisions whose text has a syntax error in it: what was read of them may not be what was meant. */
function decisionsWithSyntaxErrors(bound: BoundRules, diagnostics: readonly Diagnostic[]): string[] {
  const errors = diagnostics.filter((d) => d.code.startsWith('syntax/'));
  return [...bound.symbols.values()]
    .filter((d) => d.kind === 'decision' && errors.some((e) => e.span.file === d.span.file && e.span.start < d.span.end && e.span.end >= d.span.start))
    .map((d) => d.name.text);
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
