import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { code, msg } from '../diagnostics/message.js';
import type { SourceFile, Span } from '../source/source-file.js';
import type { Name, TextNode, TextPart } from './ast.js';

/**
 * Values named in texts: `"退款 {refund_cap} 元"`. In the texts that may name values (an outcome's
 * `do`, `say` and `note`, the policy's `always`), `{name}` is a placeholder and `{{` / `}}` are a
 * literal brace; any other brace is an error, so a typo never reaches staff as `{refund_cap`.
 * The placeholders are read from the source (not the string's value): a name has no escapes in it,
 * and reading the source gives each one its exact span.
 */

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** The text with each part's placeholders (`holes`) filled in; brace errors go to `diagnostics`. */
export function markHoles(text: TextNode, source: SourceFile, diagnostics: Diagnostic[]): TextNode {
  if (!text.parts.some((p) => /[{}]/.test(p.value))) return text;
  return { ...text, parts: text.parts.map((part) => partHoles(part, source, diagnostics)) };
}

function partHoles(part: TextPart, source: SourceFile, diagnostics: Diagnostic[]): TextPart {
  if (!/[{}]/.test(part.value)) return part;
  // A tagged part's span starts at its `@locale`; the string starts at its first quote.
  const start = source.text.indexOf('"', part.span.start);
  const quotes = source.text.startsWith('"""', start) ? 3 : 1;
  const raw = source.text.slice(start + quotes, Math.max(start + quotes, part.span.end - quotes));
  const base = start + quotes;
  const holes: Name[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch !== '{' && ch !== '}') continue;
    if (raw[i + 1] === ch) {
      i++; // `{{` or `}}`: a literal brace
      continue;
    }
    const span = (from: number, to: number): Span => ({ file: part.span.file, start: base + from, end: base + to });
    if (ch === '{') {
      NAME.lastIndex = i + 1;
      const name = NAME.exec(raw);
      if (name !== null && raw[i + 1 + name[0].length] === '}') {
        holes.push({ text: name[0], span: span(i + 1, i + 1 + name[0].length) });
        i += name[0].length + 1;
        continue;
      }
    }
    diagnostics.push(strayBrace(ch, span(i, i + 1)));
  }
  return holes.length > 0 ? { ...part, holes } : part;
}

function strayBrace(brace: '{' | '}', span: Span): Diagnostic {
  return diagnostic('syntax/bad-placeholder', span, msg(brace === '{' ? 'syntax.bad-placeholder.open' : 'syntax.bad-placeholder.close'), {
    help: msg('syntax.bad-placeholder.help', { literal: code(brace + brace), example: code('{refund_cap}') }),
  });
}
