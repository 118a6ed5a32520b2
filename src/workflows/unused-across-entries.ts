import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CompileResult } from '../check/check.js';

/**
 * "Unused" judged over every policy that imports a library. Each entry is checked on its own, so a
 * department in a shared file that only one of its importers uses is "unused" for the others. A
 * name declared in a file an entry imports is unused only when every importer that judged it found
 * it unused; a name declared in the entry itself is that entry's alone.
 */
export class UnusedAcrossEntries {
  /** Diagnostic key → the unused-name warning and the entries that reported it. */
  private readonly reported = new Map<string, { diagnostic: Diagnostic; by: Set<string> }>();
  /** Entry → its compile result, for deciding afterwards which entries judged a name. */
  private readonly results = new Map<string, CompileResult>();

  /** Whether `d` is an unused-name warning about a name an entry imports (then it is held back). */
  static isShared(d: Diagnostic, entry: string): boolean {
    return d.code.startsWith('graph/unused-') && d.span.file !== entry;
  }

  add(entry: string, result: CompileResult, key: (d: Diagnostic) => string): void {
    this.results.set(entry, result);
    for (const d of result.diagnostics) {
      if (!UnusedAcrossEntries.isShared(d, entry)) continue;
      const k = key(d);
      const seen = this.reported.get(k) ?? { diagnostic: d, by: new Set<string>() };
      seen.by.add(entry);
      this.reported.set(k, seen);
    }
  }

  /** Whether an entry has had its say. */
  has(entry: string): boolean {
    return this.results.has(entry);
  }

  /** The imported files that hold a name some entry found unused. */
  libraries(): string[] {
    return [...new Set([...this.reported.values()].map(({ diagnostic }) => diagnostic.span.file))];
  }

  /** The warnings every importer that judged the name agrees on, in the order first reported. */
  agreed(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { diagnostic, by } of this.reported.values()) {
      const judges = [...this.results].filter(([, r]) => judged(r, diagnostic));
      if (judges.every(([entry]) => by.has(entry))) out.push(diagnostic);
    }
    return out;
  }
}

/**
 * Whether an entry's checks judged the name `d` is about: the entry imports its file and had no
 * errors (errors switch the unused-name checks off), and for an enum member, one of its facts has
 * that enum (members of an enum no fact has are not judged member by member).
 */
function judged(result: CompileResult, d: Diagnostic): boolean {
  if (!result.sources.has(d.span.file) || hasErrors(result.diagnostics) || !result.graph) return false;
  if (d.code !== 'graph/unused-member') return true;
  const graph = result.graph;
  const owner = Object.values(graph.enums).find((e) => e.members.some((m) => m.span.file === d.span.file && m.span.start === d.span.start));
  return owner !== undefined && Object.values(graph.facts).some((f) => f.type.kind === 'enum' && f.type.enum === owner.id);
}
