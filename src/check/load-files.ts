import { posix } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { code, msg } from '../diagnostics/message.js';
import { sourceFile, type SourceFile, type Span } from '../source/source-file.js';
import type { RuleFile } from '../syntax/ast.js';
import { parseRules } from '../syntax/parse.js';
import type { CompileHost } from './check.js';

/** The entry file and every file it imports, parsed, each once, entry first. */
export interface LoadedFiles {
  readonly files: readonly RuleFile[];
  readonly sources: ReadonlyMap<string, SourceFile>;
}

/**
 * Reads and parses the entry file and, depth first, the files it imports (paths relative to the
 * importing file). A file imported twice, or in a cycle, is read once.
 */
export function loadFiles(entryPath: string, host: CompileHost): { value: LoadedFiles; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const files: RuleFile[] = [];
  const sources = new Map<string, SourceFile>();

  const load = (path: string, from: Span | null): void => {
    if (sources.has(path)) return;
    const text = host.readFile(path);
    if (text === undefined) {
      diagnostics.push(importNotFound(path, from ?? { file: path, start: 0, end: 0 }));
      return;
    }
    const source = sourceFile(path, text);
    sources.set(path, source);
    const parsed = parseRules(source);
    diagnostics.push(...parsed.diagnostics);
    files.push(parsed.ast);
    for (const imp of parsed.ast.imports) load(posix.normalize(posix.join(posix.dirname(path), imp.path)), imp.span);
  };
  load(entryPath, null);
  return { value: { files, sources }, diagnostics };
}

function importNotFound(path: string, span: Span): Diagnostic {
  return diagnostic('resolve/import-not-found', span, msg('resolve.import-not-found', { path: code(path) }), {
    help: msg('resolve.import-not-found.help'),
  });
}
