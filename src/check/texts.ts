import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { spellingSuggestion } from '../diagnostics/suggest.js';
import type { Span } from '../source/source-file.js';
import type { TextNode } from '../syntax/ast.js';
import type { LocaleText } from '../graph/graph.js';

/**
 * Turns written texts into locale → text maps. The untagged first string belongs to the policy's first
 * locale. A text missing one of the policy's locales, or tagged with one it does not declare, is a
 * warning: the handbook of that locale would fall back to another language there.
 */
export class TextResolver {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly locales: readonly string[]) {}

  /** The locale text of a written text; `what` names it in messages ("the label of `refund_directly`"). */
  text(node: TextNode, what: string): LocaleText {
    const out: Record<string, string> = {};
    for (const part of node.parts) {
      const locale = part.locale ?? this.locales[0];
      if (!this.locales.includes(locale)) {
        this.diagnostics.push(unknownLocale(part.span, locale, this.locales));
        continue;
      }
      out[locale] = part.value;
    }
    const missing = this.locales.filter((l) => !(l in out));
    if (missing.length > 0) this.diagnostics.push(missingTranslation(node.span, what, missing));
    return out;
  }

  /** A label, or the id itself (with a warning) when the author wrote none. */
  label(node: TextNode | null, id: string, span: Span, what: string): LocaleText {
    if (node) return this.text(node, `the label of ${what}`);
    this.diagnostics.push(
      diagnostic('resolve/missing-label', span, `${what} has no label`, {
        help: `add a label after the id, in each of the policy's locales: \`${id} ${this.example()}\``,
      }),
    );
    return Object.fromEntries(this.locales.map((l) => [l, id]));
  }

  /** A text in every locale of the policy, for help: `"…" @en "…"`. */
  private example(): string {
    return ['"…"', ...this.locales.slice(1).map((l) => `@${l} "…"`)].join(' ');
  }
}

function unknownLocale(span: Span, locale: string, locales: readonly string[]): Diagnostic {
  const suggestion = spellingSuggestion(locale, locales);
  return diagnostic('resolve/unknown-locale', span, `\`@${locale}\` is not one of the policy's locales`, {
    help: suggestion
      ? `did you mean \`@${suggestion}\`?`
      : `the policy's locales are ${listWords(locales)}: add \`${locale}\` to \`locales\` in the policy header, or remove this text`,
  });
}

function missingTranslation(span: Span, what: string, missing: readonly string[]): Diagnostic {
  return diagnostic('resolve/missing-translation', span, `${what} has no ${missing.map((l) => `\`${l}\``).join(' or ')} text`, {
    help: `add ${missing.map((l) => `\`@${l} "…"\``).join(' and ')} after it`,
  });
}

/** `a`, `a` and `b`, `a`, `b` and `c`: backticked names joined for a sentence. */
function listWords(words: readonly string[]): string {
  const quoted = words.map((w) => `\`${w}\``);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
