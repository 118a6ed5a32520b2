import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sourceFile, type SourceFile } from '../source/source-file.js';
import type { RuleFile } from './ast.js';
import { parseRules } from './parse.js';

/** One file read into its syntax tree, with the syntax diagnostics it gave. */
export interface ParsedFile {
  readonly source: SourceFile;
  readonly ast: RuleFile;
  readonly diagnostics: readonly Diagnostic[];
}

/** How a file is parsed; replaceable so that a tool or a test can observe parses. */
export type ParseFn = (file: SourceFile) => { ast: RuleFile; diagnostics: Diagnostic[] };

/**
 * Parses kept across compiles, one per file path, reused while the path's text is unchanged.
 * An editor or a language server keeps one cache and recompiles on every edit: only the edited
 * file is parsed again. Keyed by path as well as text because spans name their file. An entry is
 * replaced when its path's text changes, so the cache holds at most one parse per path.
 */
export class ParseCache {
  private readonly entries = new Map<string, ParsedFile>();
  private parseCount = 0;

  constructor(private readonly parseFile: ParseFn = parseRules) {}

  /** The parse of `text` at `path`: the cached one when the text is the same as last time. */
  parse(path: string, text: string): ParsedFile {
    const known = this.entries.get(path);
    if (known && known.source.text === text) return known;
    const source = sourceFile(path, text);
    const parsed = this.parseFile(source);
    this.parseCount++;
    const entry: ParsedFile = { source, ast: parsed.ast, diagnostics: parsed.diagnostics };
    this.entries.set(path, entry);
    return entry;
  }

  /** How many files this cache has parsed (not counting the parses it reused). */
  get parses(): number {
    return this.parseCount;
  }

  /** Forgets a file, e.g. when an editor closes or deletes it. */
  delete(path: string): void {
    this.entries.delete(path);
  }
}
