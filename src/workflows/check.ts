import { dirname } from 'node:path';
import { compile } from '../check/check.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../source/source-file.js';
import { ParseCache } from '../syntax/parse-cache.js';
import { cachedFiles, findPolicyEntries } from './entries.js';
import { nodeFiles } from './files.js';
import { compileHost, type FileOptions } from './policy.js';
import { UnusedAcrossEntries } from './unused-across-entries.js';

/** The result of checking several policies: every diagnostic once, the sources, and what could not be read. */
export interface PolicyCheck {
  /** The entry files checked, in order. */
  readonly entries: readonly string[];
  /** Every diagnostic of every entry; a problem of a file several entries import appears once. */
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, SourceFile>;
  /** Paths that could not be read or searched, phrased for the user. */
  readonly problems: readonly string[];
  /** The locales the first policy declares: the report's language when nobody asks for another. */
  readonly locales: readonly string[];
}

function diagnosticKey(d: Diagnostic): string {
  return [d.span.file, d.span.start, d.span.end, d.code, d.message].join('\0');
}

/**
 * Checks every policy the paths name: files as given, and in directories every `.sop` file with
 * a `policy` header. Each file is read and parsed once, however many entries import it. A name in a
 * shared file is unused only if no importer uses it: the entries checked, and the other policies in
 * the library's directory (searched as `check DIR` would).
 */
export function checkPolicies(paths: readonly string[], opts: FileOptions = {}): PolicyCheck {
  const files = cachedFiles(opts.files ?? nodeFiles);
  const found = findPolicyEntries(paths, files);
  const problems = [...found.problems];
  const host = compileHost(files);
  const diagnostics = new Map<string, Diagnostic>();
  const sources = new Map<string, SourceFile>();
  let locales: readonly string[] | undefined;
  const parseCache = new ParseCache();
  const unused = new UnusedAcrossEntries();
  for (const entry of found.entries) {
    const read = files.readText(entry);
    if (!read.ok) {
      problems.push(read.message);
      continue;
    }
    const result = compile(entry, host, { parseCache });
    locales ??= result.locales;
    // An imported file checked from several entries reports its problems once; an unused name in
    // it waits until every importer has had its say.
    unused.add(entry, result, diagnosticKey);
    for (const d of result.diagnostics) if (!UnusedAcrossEntries.isShared(d, entry)) diagnostics.set(diagnosticKey(d), d);
    for (const [file, source] of result.sources) sources.set(file, source);
  }
  // The policies beside a shared library are its importers too: checking one policy gives the
  // same answer about the library as checking the directory. They are judged, not reported.
  for (const dir of new Set(unused.libraries().map((f) => dirname(f)))) {
    for (const other of findPolicyEntries([dir], files).entries) {
      if (!unused.has(other) && files.readText(other).ok) unused.add(other, compile(other, host, { parseCache }), diagnosticKey);
    }
  }
  for (const d of unused.agreed()) diagnostics.set(diagnosticKey(d), d);
  return { entries: found.entries, diagnostics: [...diagnostics.values()], sources, problems, locales: locales ?? [] };
}
