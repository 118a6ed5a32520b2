import { compile, type CompileHost, type CompileResult } from '../check/check.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { UnusedAcrossEntries } from './unused-across-entries.js';
import type { DecisionGraph } from '../graph/graph.js';
import type { SourceFile } from '../source/source-file.js';
import { nodeFiles, type FileHost } from './files.js';

/** Options every workflow that reads files takes. */
export interface FileOptions {
  /** Where files are read and written; default: the real file system. */
  readonly files?: FileHost;
}

/**
 * A policy loaded from its entry file: the graph when it compiled without errors, every
 * diagnostic (warnings too: front ends choose which to show), the sources read (for snippets),
 * and `problems` when the entry file itself could not be read.
 */
export interface LoadedPolicy {
  readonly file: string;
  readonly graph: DecisionGraph | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: Map<string, SourceFile>;
  readonly problems: readonly string[];
  /** The locales the policy header declares (also when the policy has errors), for the message language. */
  readonly locales: readonly string[];
}

/** A compile host over a file host: a file that cannot be read is `undefined` (compile reports it). */
export function compileHost(files: FileHost): CompileHost {
  return {
    readFile: (file) => {
      const read = files.readText(file);
      return read.ok ? read.text : undefined;
    },
  };
}

/** Compiles a policy from its entry file; an unreadable entry is a diagnostic of `compile`. */
export function compilePolicyFile(file: string, opts: FileOptions = {}): CompileResult {
  return compile(file, compileHost(opts.files ?? nodeFiles));
}

/**
 * Loads the policy a workflow works on (evaluate, schema, test, render, graph). An entry file
 * that cannot be read is a problem, not a diagnostic, so front ends can tell "no such file" from
 * "the rules are broken"; the graph is there only when the policy has no errors.
 */
export function loadPolicy(file: string, opts: FileOptions = {}): LoadedPolicy {
  const files = opts.files ?? nodeFiles;
  const read = files.readText(file);
  if (!read.ok) return { file, graph: undefined, diagnostics: [], sources: new Map(), problems: [read.message], locales: [] };
  const host = compileHost(files);
  // The entry was just read: serve that text rather than reading the file a second time.
  const result = compile(file, { readFile: (p) => (p === file ? read.text : host.readFile(p)) });
  // Whether a name in a shared library is unused is `check`'s to judge, over every policy that
  // imports it (unused-across-entries.ts); one policy's view of it is not worth a warning here.
  const diagnostics = result.diagnostics.filter((d) => !UnusedAcrossEntries.isShared(d, file));
  return { file, graph: result.graph, diagnostics, sources: new Map(result.sources), problems: [], locales: result.locales };
}

/** A policy to work on: the path of its entry file, or one already loaded (a server keeps those). */
export type PolicyRef = string | LoadedPolicy;

/** The loaded policy a reference names, loading it when it is a path. */
export function openPolicy(policy: PolicyRef, opts: FileOptions = {}): LoadedPolicy {
  return typeof policy === 'string' ? loadPolicy(policy, opts) : policy;
}
