import { joinSpans, type Span } from '../source/source-file.js';
import type * as ast from './ast.js';
import type * as cst from './cst.generated.js';
import { checkLocale } from './lower-base.js';
import { ExpressionLowering } from './lower-expressions.js';
import { checkDateOrTime } from './numbers.js';
import { markHoles } from './text-holes.js';

/**
 * Lowering of texts (a string plus `@locale` strings) and of the items inside the blocks of a
 * policy header, a fact and an outcome. Each item comes out keyed, so the declaration that holds
 * them can check the once-only ones and pick its fields.
 */

/** One item of a block; distributes over `K`, so `Item<'do' | 'say', T>` is two members a key can pick. */
type Item<K extends string, V> = K extends string ? { readonly key: K; readonly value: V; readonly span: Span } : never;

/** An item of the policy header. */
export type PolicyItem =
  | Item<'version' | 'effective', { readonly value: string; readonly span: Span }>
  | Item<'locales', ast.Name[]>
  | Item<'start', ast.Name>
  | Item<'timezone', { readonly value: string; readonly span: Span }>
  | Item<'always', ast.TextNode>;

/** An item of a fact's block. */
export type FactItem = Item<'ask' | 'note', ast.TextNode>;

/** An item of an outcome's block. */
export type OutcomeItem =
  | Item<'owner', ast.Name>
  | Item<'deadline', ast.DeadlineNode>
  | Item<'do' | 'document' | 'say' | 'note', ast.TextNode>
  | Item<'value', ast.OutcomeValueNode>;

/** Texts and block items, on top of expressions (an outcome's value and deadline hold one). */
export abstract class ItemLowering extends ExpressionLowering {
  text(children: cst.TextCstChildren): ast.TextNode | null {
    const strings = children.StringLiteral.map((token) => this.token([token]));
    const tags = (children.LocaleTag ?? []).map((token) => this.token([token]));
    if (strings.some((s) => !s) || tags.some((s) => !s) || tags.length !== strings.length - 1) return null;
    const parts = strings.map((token, i): ast.TextPart => {
      const tag = i > 0 ? tags[i - 1]! : null;
      const span = this.tokenSpan(token!);
      if (tag) checkLocale(tag.image.slice(1), this.tokenSpan(tag), this.diagnostics);
      return {
        locale: tag ? tag.image.slice(1) : null,
        value: this.stringValue(token!),
        span: tag ? { ...span, start: tag.startOffset } : span,
      };
    });
    return { kind: 'text', parts, span: joinSpans(parts[0].span, parts[parts.length - 1].span) };
  }

  policyItem(children: cst.PolicyItemCstChildren): PolicyItem | null {
    const span = this.span(children);
    const string = this.token(children.StringLiteral);
    if (children.Version || children.Effective || children.Timezone) {
      if (!string) return null;
      const value = { value: this.stringValue(string), span: this.tokenSpan(string) };
      // `effective "2026-02-30"`: the day a policy takes effect must exist.
      if (children.Effective) checkDateOrTime('date', value.value, value.span, this.diagnostics);
      return { key: children.Version ? 'version' : children.Effective ? 'effective' : 'timezone', value, span };
    }
    if (children.Locales) {
      const names = this.lowerAll<ast.Name>(children.localeName);
      return names.length > 0 ? { key: 'locales', value: names, span } : null;
    }
    if (children.Start) {
      const name = this.name(children.Identifier);
      return name ? { key: 'start', value: name, span } : null;
    }
    const text = this.lower<ast.TextNode>(children.text?.[0]);
    return text ? { key: 'always', value: markHoles(text, this.source, this.diagnostics), span } : null;
  }

  localeName(children: cst.LocaleNameCstChildren): ast.Name | null {
    const [first, second] = [this.token(children.Identifier, 0), this.token(children.Identifier, 1)];
    if (!first || (children.Minus && !second)) return null;
    const span = this.span(children);
    const text = this.source.text.slice(span.start, span.end);
    checkLocale(text, span, this.diagnostics);
    return { text, span };
  }

  factItem(children: cst.FactItemCstChildren): FactItem | null {
    const text = this.lower<ast.TextNode>(children.text?.[0]);
    return text && { key: children.Ask ? 'ask' : 'note', value: text, span: this.span(children) };
  }

  outcomeItem(children: cst.OutcomeItemCstChildren): OutcomeItem | null {
    const span = this.span(children);
    if (children.Owner) {
      const name = this.name(children.Identifier);
      return name && { key: 'owner', value: name, span };
    }
    if (children.Deadline) return this.deadline(children, span);
    if (children.Value) return this.outcomeValue(children, span);
    const text = this.lower<ast.TextNode>(children.text?.[0]);
    const key = children.Do ? 'do' : children.Document ? 'document' : children.Say ? 'say' : 'note';
    if (!text) return null;
    // `do`, `say` and `note` may name values (`{refund_cap}`) and be limited to some cases; a document is a title.
    if (key === 'document') return { key, value: text, span };
    const limit = children.textLimit ? this.lower<ast.TextLimitNode>(children.textLimit[0]) : null;
    if (children.textLimit && !limit) return null;
    const value = markHoles(text, this.source, this.diagnostics);
    return { key, value: limit ? { ...value, limit } : value, span };
  }

  textLimit(children: cst.TextLimitCstChildren): ast.TextLimitNode | null {
    const via = this.lowerAll<ast.PathRefNode>(children.pathRef);
    const condition = children.expr ? this.lower<ast.ExprNode>(children.expr[0]) : null;
    if (via.length !== (children.pathRef?.length ?? 0) || (children.expr && !condition)) return null;
    return { via, condition, span: this.span(children) };
  }

  pathRef(children: cst.PathRefCstChildren): ast.PathRefNode | null {
    const decision = this.name(children.Identifier, 0);
    if (!decision) return null;
    const branch = children.Otherwise ? this.name(children.Otherwise) : children.Dot ? this.name(children.Identifier, 1) : null;
    if (children.Dot && !branch) return null;
    return { decision, branch, span: this.span(children) };
  }

  private deadline(children: cst.OutcomeItemCstChildren, span: Span): OutcomeItem | null {
    if (children.due) {
      const due = this.lower<ast.DueNode>(children.due[0]);
      return due && { key: 'deadline', value: { kind: 'due', due, span: due.span }, span };
    }
    const cases = this.lower<ast.DeadlineCaseNode[]>(children.deadlineCases?.[0]);
    return cases && { key: 'deadline', value: { kind: 'cases', cases, span: this.span(children.deadlineCases![0].children) }, span };
  }

  due(children: cst.DueCstChildren): ast.DueNode | null {
    const value = this.lower<ast.ExprNode>(children.sum[0]);
    const after = children.After ? this.lower<ast.ExprNode>(children.sum[1]) : null;
    if (!value || (children.After && !after)) return null;
    return { at: Boolean(children.At), value, after, span: this.span(children) };
  }

  /** The cases in order; `otherwise` (the due after the last `->` when there is one more due than `when`) last. */
  deadlineCases(children: cst.DeadlineCasesCstChildren): ast.DeadlineCaseNode[] | null {
    const conditions = (children.expr ?? []).map((node) => this.lower<ast.ExprNode>(node));
    const dues = (children.due ?? []).map((node) => this.lower<ast.DueNode>(node));
    const whens = children.When ?? [];
    if (conditions.some((c) => !c) || dues.some((d) => !d) || conditions.length !== whens.length) return null;
    const cases: ast.DeadlineCaseNode[] = conditions.map((condition, i) => ({
      condition, due: dues[i]!, span: joinSpans(this.tokenSpan(whens[i]), dues[i]!.span),
    }));
    if (children.Otherwise && dues.length === whens.length + 1) {
      const due = dues[dues.length - 1]!;
      cases.push({ condition: null, due, span: joinSpans(this.tokenSpan(children.Otherwise[0]), due.span) });
    }
    return cases;
  }

  private outcomeValue(children: cst.OutcomeItemCstChildren, span: Span): OutcomeItem | null {
    const name = this.name(children.Identifier);
    const value = this.lower<ast.ExprNode>(children.expr?.[0]);
    if (!name || !value) return null;
    const label = this.lower<ast.TextNode>(children.text?.[0]);
    return { key: 'value', value: { name, value, label, span }, span };
  }
}
