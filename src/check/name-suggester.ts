import { spellingSuggestion } from '../diagnostics/suggest.js';
import type { NamedDecl } from './binder.js';

/**
 * "Did you mean" for the unknown names of one policy. A misspelt name is usually misspelt at
 * every use (an outcome renamed in one place breaks every branch that leads to it), and each
 * lookup compares the name with every candidate. So each candidate list is built once, and each
 * name is looked up once per list: a thousand broken uses cost what one does, not a thousand
 * passes over every declaration.
 */
export class NameSuggester {
  private readonly lists = new Map<string, readonly string[]>();
  private readonly answers = new Map<readonly string[], Map<string, string | undefined>>();

  constructor(private readonly symbols: ReadonlyMap<string, NamedDecl>) {}

  /** The names declared as one of `kinds`, in declaration order. */
  namesOf(...kinds: readonly NamedDecl['kind'][]): readonly string[] {
    return this.list(kinds.join(' '), () => [...this.symbols.values()].filter((d) => kinds.includes(d.kind)).map((d) => d.name.text));
  }

  /** A candidate list built once under `key` (a list from `namesOf` is one too). */
  list(key: string, build: () => readonly string[]): readonly string[] {
    let names = this.lists.get(key);
    if (!names) this.lists.set(key, (names = build()));
    return names;
  }

  /** `spellingSuggestion(name, candidates)` for a list from `list` or `namesOf`, remembered. */
  suggest(name: string, candidates: readonly string[]): string | undefined {
    let answers = this.answers.get(candidates);
    if (!answers) this.answers.set(candidates, (answers = new Map()));
    if (!answers.has(name)) answers.set(name, spellingSuggestion(name, candidates));
    return answers.get(name);
  }
}
