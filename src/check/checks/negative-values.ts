import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { code, msg } from '../../diagnostics/message.js';
import { negativeValues, printExpr } from '../../analysis/index.js';
import type { DecisionGraph, Value } from '../../graph/graph.js';
import { formatMoney, formatNumber } from '../../values/format.js';
import { compare, Rat, ZERO } from '../../values/rational.js';
import { undecidedValue } from './decision-analysis.js';
import { evaluateWitness, factsRead } from './witnesses.js';

/**
 * `graph/negative-value`: an amount an outcome computes that is below zero for a case that
 * reaches it (`price - depreciation`). The solver's case is evaluated as a user would before it
 * is shown, trimmed to the facts evaluation reads; where the solver could not decide, the value
 * gets a `graph/inexact-analysis` note rather than a guess.
 */
export function checkNegativeValues(graph: DecisionGraph): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of negativeValues(graph)) {
    const amount = f.model && negativeAmount(graph, f.model, f.outcome.id, f.value.id);
    const witness = amount !== undefined && f.model ? factsRead(graph, f.model) : undefined;
    if (witness && amount !== undefined) {
      const shown = f.value.type.kind === 'money' ? formatMoney(amount as number, 'en') : formatNumber(amount as Rat);
      out.push(diagnostic('graph/negative-value', f.value.span, msg('graph.negative-value', { value: code(`${f.outcome.id}.${f.value.id}`), expr: code(printExpr(f.value.expr)) }), {
        label: msg('graph.negative-value.gives', { amount: `${f.value.id} = ${shown}` }),
        help: msg('graph.negative-value.help', { expr: printExpr(f.value.expr) }),
        witness,
      }));
    } else if (f.cause) out.push(undecidedValue(f.value, f.cause));
  }
  return out;
}

/** The value the case gives when evaluation reaches the outcome and it is below zero; else undefined. */
function negativeAmount(graph: DecisionGraph, model: Readonly<Record<string, string>>, outcome: string, value: string): Value | undefined {
  const r = evaluateWitness(graph, model);
  if (r?.status !== 'decided' || r.outcome?.id !== outcome) return undefined;
  const v = r.outcome.values[value];
  const below = typeof v === 'number' ? v < 0 : v instanceof Rat && compare(v, ZERO) < 0;
  return below ? v! : undefined;
}
