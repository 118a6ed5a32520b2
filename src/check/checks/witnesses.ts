import type { DecisionAnalysis, Finding, Witness } from '../../analysis/index.js';
import type { Branch, DecisionGraph, DecisionNode } from '../../graph/graph.js';
import { evaluate } from '../../eval/engines/interpreter.js';
import { readCaseArgs } from '../../eval/input/case-args.js';
import type { EvalResult } from '../../eval/trace.js';

/**
 * Self-verifying witnesses. The solver's model is a whole case; what a diagnostic shows is the
 * part of it the real evaluator reads, found by evaluating it as a user would (`key=value`
 * arguments through the case reader, then the reference interpreter, with a trace), in the order
 * evaluation reads them. The result is then evaluated
 * again and must do what the finding claims: fall through the decision (gap), or reach it with
 * both branches matching, each taken when tried first (overlap). A witness that does not is never shown; under
 * `SOPWRIGHT_STRICT_WITNESSES` (set by the test suite) it is an internal error.
 */
export function verifyWitnesses(graph: DecisionGraph, analysis: DecisionAnalysis): DecisionAnalysis {
  if (!analysis.findings.some((f) => (f.kind === 'gap' || f.kind === 'overlap') && f.model)) return analysis;
  const findings = analysis.findings.map((f): Finding => {
    if ((f.kind !== 'gap' && f.kind !== 'overlap') || !f.model) return f;
    const witness = verifiedWitness(graph, analysis, f);
    if (witness === undefined && process.env.SOPWRIGHT_STRICT_WITNESSES) {
      throw new Error(`internal error: the ${f.kind} witness in \`${f.decision.id}\` does not reproduce (${JSON.stringify(f.model)})`);
    }
    return { ...f, witness };
  });
  return { ...analysis, findings };
}

type Claim = Extract<Finding, { kind: 'gap' | 'overlap' }>;

function verifiedWitness(graph: DecisionGraph, analysis: DecisionAnalysis, f: Claim): Witness | undefined {
  const model = f.model as Witness;
  if (f.kind === 'gap') {
    const witness = factsRead(graph, model);
    const outcome = analysis.deadlines.get(f.decision);
    const r = witness && evaluateWitness(graph, witness);
    return witness && (outcome ? missesDeadline(r, outcome.id) : fallsThrough(r, f.decision)) ? witness : undefined;
  }
  // The overlap: the facts evaluation reads with the earlier branch tried first, then those it
  // reads with the later one tried first; with both, each is taken when tried first.
  const [a, b] = [f.earlier[0], f.branch];
  const aFirst = tryingFirst(graph, f.decision, a);
  const bFirst = tryingFirst(graph, f.decision, b);
  const witness = factsRead(bFirst, model, factsRead(aFirst, model));
  if (!witness) return undefined;
  const takes = (g: DecisionGraph, branch: Branch) => evaluateWitness(g, witness)?.path.some((s) => s.decision === f.decision.id && s.branch === branch.id) ?? false;
  return takes(aFirst, a) && takes(bFirst, b) ? witness : undefined;
}

/**
 * The facts of `model` that evaluation of the whole model reads, in the order it reads them (every
 * condition tried, from the trace), after those of `start`; then any an outcome value still needs.
 * Evaluating these facts alone reads exactly the same facts, so it takes the same way. Undefined
 * when the case reader refuses the model (a value outside the range, say).
 */
export function factsRead(graph: DecisionGraph, model: Witness, start: Witness | undefined = {}): Witness | undefined {
  if (start === undefined) return undefined;
  const whole = evaluateWitness(graph, model, true);
  if (whole === undefined) return undefined;
  const witness: Record<string, string> = { ...start };
  const add = (id: string) => {
    if (Object.hasOwn(model, id) && !Object.hasOwn(witness, id)) witness[id] = model[id];
  };
  for (const d of whole.trace?.decisions ?? []) for (const b of d.branches) for (const f of b.facts) add(f.id);
  for (let round = 0; round <= Object.keys(graph.facts).length; round++) {
    const r = evaluateWitness(graph, witness);
    if (r === undefined || r.status !== 'undecided') return witness;
    r.needs.forEach(add);
  }
  return undefined;
}

/** A witness evaluated exactly as `sopwright eval FILE k=v…` would; undefined when the case reader refuses it. */
export function evaluateWitness(graph: DecisionGraph, witness: Witness, trace = false): EvalResult | undefined {
  const read = readCaseArgs(graph, Object.entries(witness).map(([k, v]) => `${k}=${v}`));
  return read.value === undefined ? undefined : evaluate(graph, read.value, { trace });
}

/** Decided at the outcome, yet no case of its deadline holds. */
function missesDeadline(r: EvalResult | undefined, outcome: string): boolean {
  return r?.status === 'decided' && r.outcome?.id === outcome && r.outcome.deadlineCase === null;
}

function fallsThrough(r: EvalResult | undefined, decision: DecisionNode): boolean {
  return r?.status === 'error' && r.diagnostics.some((d) => d.code === 'graph/gap' && d.span === decision.span);
}

/**
 * The graph with one decision's branch moved to the front of a first-match decision, so
 * evaluation decides that branch before any other (a `unique` decision would skip it while unknown).
 */
function tryingFirst(graph: DecisionGraph, decision: DecisionNode, branch: Branch): DecisionGraph {
  const moved = [branch, ...decision.branches.filter((b) => b !== branch)];
  return { ...graph, decisions: { ...graph.decisions, [decision.id]: { ...decision, hitPolicy: 'first', branches: moved } } };
}
