import { type DecisionGraph, type LocaleText, type OutcomeNode, type TextLimit, type TextValue, type Value, type ValueType } from '../graph/graph.js';
import { fillTemplate, joinTexts, placeholderWords } from '../graph/text-template.js';
import { describeValue } from './format-result.js';
import type { OutcomeResult } from './trace.js';

/**
 * An outcome's texts for one case: each `{name}` replaced by the case's value in the text's own
 * locale (money ¥1,299.00, a moment in the policy's zone, an enum member's label), `{{`/`}}` as one
 * brace. A value the case does not know prints as its name in words, as the handbook does: texts
 * never make a case undecided (the checker warns when a path to the outcome does not ask a fact a
 * text names). Both evaluators call this, so they agree on texts by construction.
 */
export function fillOutcomeTexts(
  graph: DecisionGraph, node: OutcomeNode, read: (t: TextValue) => Value | null, applies: (limit: TextLimit) => boolean,
): Pick<OutcomeResult, 'steps' | 'say' | 'notes'> {
  const lines = linesFor(node, applies);
  const named = node.textValues ?? [];
  if (named.length === 0) return lines;
  const known = new Map<string, { value: Value; type: ValueType }>();
  for (const t of named) {
    const value = read(t);
    const type = t.kind === 'expr' ? t.expr.type : node.values.find((v) => v.id === t.name)?.type;
    if (value !== null && type !== undefined) known.set(t.name, { value, type });
  }
  const fill = (text: LocaleText): LocaleText => {
    const out: Record<string, string> = {};
    for (const [locale, s] of Object.entries(text)) {
      out[locale] = fillTemplate(s, (name) => {
        const k = known.get(name);
        if (k === undefined) return placeholderWords(graph, node, name, locale);
        // A text value is shown as written, not quoted as in the "why" lines.
        return k.type.kind === 'text' ? String(k.value) : describeValue(graph, k.value, k.type, locale);
      });
    }
    return out;
  };
  return { steps: lines.steps.map(fill), say: lines.say && fill(lines.say), notes: lines.notes.map(fill) };
}

/** The lines of an outcome that apply to the case: those without a limit, and those whose limit holds. */
function linesFor(node: OutcomeNode, applies: (limit: TextLimit) => boolean): Pick<OutcomeResult, 'steps' | 'say' | 'notes'> {
  const limits = node.limits;
  if (limits === undefined) return { steps: node.steps, say: node.say, notes: node.notes };
  const keep = (limit: TextLimit | null | undefined) => limit === null || limit === undefined || applies(limit);
  const says = limits.says.filter((s) => keep(s.limit)).map((s) => s.text);
  return {
    steps: node.steps.filter((_, i) => keep(limits.steps[i])),
    say: joinTexts(says),
    notes: node.notes.filter((_, i) => keep(limits.notes[i])),
  };
}

