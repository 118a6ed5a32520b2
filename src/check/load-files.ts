import { posix } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { code, msg } from '../diagnostics/message.js';
import type { SourceFile, Span } from '../source/source-file.js';
import type { RuleFile } from '../syntax/ast.js';
import { ParseCache } from '../syntax/parse-cache.js';
import type { CompileHost } from './check.js';

/** The entry file and every file it imports, parsed, each once, entry first. */
export interface LoadedFiles {
  readonly files: readonly RuleFile[];
  readonly sources: ReadonlyMap<string, SourceFile>;
}

/**
 * Reads and parses the entry file and, depth first, the files it imports (paths relative to the
 * importing file). A file imported twice, or in a cycle, is read once. Every file is read from the
 * host each time; `cache` reuses the parse of a file whose text has not changed.
 */
export function loadFiles(entryPath: string, host: CompileHost, cache = new ParseCache()): { value: LoadedFiles; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const files: RuleFile[] = [];
  const sources = new Map<string, SourceFile>();

  // Depth first with a stack of its own: an import chain of any length cannot exhaust the JS stack.
  const pending: { path: string; from: Span | null }[] = [{ path: entryPath, from: null }];
  while (pending.length > 0) {
    const { path, from } = pending.pop()!;
    if (sources.has(path)) continue;
    const text = host.readFile(path);
    if (text === undefined) {
      diagnostics.push(importNotFound(path, from ?? { file: path, start: 0, end: 0 }));
      continue;
    }
    const parsed = cache.parse(path, text);
    sources.set(path, parsed.source);
    for (const d of parsed.diagnostics) diagnostics.push(d);
    files.push(parsed.ast);
    // Reversed, so the first import is read next, as a recursive walk would.
    for (let i = parsed.ast.imports.length - 1; i >= 0; i--) {
      const imp = parsed.ast.imports[i];
      pending.push({ path: posix.normalize(posix.join(posix.dirname(path), imp.path)), from: imp.span });
    }
  }
  return { value: { files, sources }, diagnostics };
}

function importNotFound(path: string, span: Span): Diagnostic {
  return diagnostic('resolve/import-not-found', span, msg('resolve.import-not-found', { path: code(path) }), {
    help: msg('resolve.import-not-found.help'),
  });
}
