import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { code, list, msg, type MessageRef } from '../diagnostics/message.js';
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
  text(node: TextNode, what: MessageRef): LocaleText {
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
  label(node: TextNode | null, id: string, span: Span, what: MessageRef): LocaleText {
    if (node) return this.text(node, msg('text.label-of', { what }));
    this.diagnostics.push(
      diagnostic('resolve/missing-label', span, msg('resolve.missing-label', { what }), {
        help: msg('resolve.missing-label.help', { example: code(`${id} ${this.example()}`) }),
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
  return diagnostic('resolve/unknown-locale', span, msg('resolve.unknown-locale', { locale: code(`@${locale}`) }), {
    help: suggestion
      ? msg('common.did-you-mean', { name: code(`@${suggestion}`) })
      : msg('resolve.unknown-locale.help', { locales: list(locales.map(code)), locale: code(locale) }),
  });
}

function missingTranslation(span: Span, what: MessageRef, missing: readonly string[]): Diagnostic {
  return diagnostic('resolve/missing-translation', span, msg('resolve.missing-translation', { what, missing: list(missing.map(code), 'or') }), {
    help: msg('resolve.missing-translation.help', { texts: list(missing.map((l) => code(`@${l} "…"`))) }),
  });
}
