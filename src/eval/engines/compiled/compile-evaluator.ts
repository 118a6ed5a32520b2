import type { DecisionGraph, OutcomeNode, Value } from '../../../graph/graph.js';
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { CaseInput } from '../../input/case-reader.js';
import { brokenRules, outcomeDue, outcomeTexts, type EvaluateOptions } from '../interpreter.js';
import type { DueResult } from '../../due.js';
import { messages } from '../../messages.js';
import type { EvalResult, EvalStatus, FactReading, OutcomeResult, PathStep, TraceBranch, TraceDecision } from '../../trace.js';
import { generate, type FactAccess, type GeneratedCode } from '../../../backends/js/codegen.js';
import { runtime, Stop, Unknown } from './runtime.js';

/**
 * The compiled evaluator: a decision graph turned into specialised JavaScript (codegen.ts) and
 * built once with `new Function`. `decide` is the fast path (outcome, values and needs, no path);
 * `evaluate` gives the same result as the reference interpreter (`evaluate` in evaluate.ts),
 * path and trace included. Both agree with the interpreter exactly; test/eval/compiled.test.ts
 * checks that on random policies and cases.
 */

/** The facts of a case: a validated CaseInput, or a plain record of run-time values (money in fen). */
export type CaseFacts = CaseInput | Readonly<Record<string, Value>>;

/** The fast result: what `evaluate` says, without the path or the outcome's texts. Shared; never mutate it. */
export interface Verdict {
  readonly status: EvalStatus;
  /** The outcome id, or null when undecided (or in error) before reaching one. */
  readonly outcome: string | null;
  /** The outcome's computed values by id (money in fen), null when unknown or in error; empty without an outcome. */
  readonly values: Readonly<Record<string, Value | null>>;
  /** Facts still needed, in the order to ask them. */
  readonly needs: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  /** The due moment of the outcome's deadline (epoch seconds), or null. */
  readonly due: number | null;
}

/** A policy compiled for evaluation. */
export interface CompiledEvaluator {
  readonly graph: DecisionGraph;
  /** The fast path: outcome, values and needs. `locale` is that of diagnostic messages. */
  decide(facts: CaseFacts, options?: { readonly locale?: string }): Verdict;
  /** The full result, identical to the reference interpreter's `evaluate(graph, facts, options)`. */
  evaluate(facts: CaseFacts, options?: EvaluateOptions): EvalResult;
  /** The generated JavaScript, for reading and debugging. */
  source(access: FactAccess, explain: boolean): string;
}

const NONE: readonly never[] = Object.freeze([]);
const NO_VALUES: Readonly<Record<string, Value | null>> = Object.freeze({});

/** One class for every verdict, so code that reads verdicts sees one shape. */
class VerdictRecord implements Verdict {
  constructor(
    readonly status: EvalStatus,
    readonly outcome: string | null,
    readonly values: Readonly<Record<string, Value | null>>,
    readonly needs: readonly string[],
    readonly diagnostics: readonly Diagnostic[],
    readonly due: number | null = null,
  ) {}
}

/** What explain-mode code returns before the wrapper dresses it as an EvalResult. */
interface Reached {
  readonly status: EvalStatus;
  readonly outcome: number;
  readonly values: Readonly<Record<string, Value | null>>;
  readonly needs: readonly string[];
  readonly stops: readonly Stop[];
}

/** The explain-mode state (fields written by the generated `S` class). */
interface ExplainState {
  f: CaseFacts;
  r: string[];
  path: PathStep[];
  td: TraceDecision[];
  lets: { id: string; value: Value | null }[];
}

type Entry = (facts: CaseFacts, state: unknown) => unknown;
interface Built {
  readonly entry: Entry;
  readonly newState: (() => unknown) | null;
  /** Fast mode, with rules on the facts: false when the case may break one. */
  readonly rules: Entry | null;
  readonly code: GeneratedCode;
}

/** Compiles a checked decision graph. Variants (Map or record input, fast or explain) are generated on first use. */
export function compileEvaluator(graph: DecisionGraph): CompiledEvaluator {
  // The locale of diagnostics of the call under way (evaluation is synchronous).
  let locale: string | undefined;
  // The facts of the call under way: deadlines are computed by the interpreter's own code (so both
  // evaluators agree by construction) once the generated code has reached an outcome.
  let current: CaseFacts = new Map();
  const built = new Map<string, Built>();
  const hasRules = (graph.requirements ?? []).length > 0;
  const dueOf = (o: OutcomeNode): DueResult => outcomeDue(graph, current, o);

  const diagnosticOf = (stop: Stop, c: GeneratedCode): Diagnostic => {
    const m = messages(locale ?? graph.policy.locales[0]);
    if (stop.kind === 'division') {
      return diagnostic('eval/division-by-zero', c.sites[stop.site].span, m.divisionByZero, { label: m.divisionByZeroLabel });
    }
    if (stop.kind === 'range') {
      return diagnostic('eval/out-of-range', c.sites[stop.site].span, m.outOfRange, { label: m.outOfRangeLabel });
    }
    const node = c.decisions[stop.site];
    return diagnostic('graph/gap', node.span, m.noBranch(node.id));
  };

  const build = (access: FactAccess, explain: boolean): Built => {
    const key = `${access}/${explain}`;
    const known = built.get(key);
    if (known !== undefined) return known;
    const c = generate(graph, access, explain);
    const diagnose = (stop: Stop) => diagnosticOf(stop, c);
    const hooks = explain ? explainHooks(c) : fastHooks(c, diagnose, dueOf);
    const factory = new Function('rt', 'X', 'K', c.body) as (rt: unknown, x: unknown, k: readonly unknown[]) => Omit<Built, 'code'>;
    const made = { ...factory(runtime, hooks, c.constants), code: c };
    built.set(key, made);
    return made;
  };

  const accessOf = (facts: CaseFacts): FactAccess => (facts instanceof Map ? 'map' : 'record');
  // The fast variants, kept at hand: `decide` runs millions of times.
  let fastMap: Built | undefined;
  let fastRecord: Built | undefined;

  return {
    graph,
    decide(facts, options) {
      const b = facts instanceof Map ? (fastMap ??= build('map', false)) : (fastRecord ??= build('record', false));
      locale = options?.locale;
      current = facts;
      const state = b.newState === null ? undefined : b.newState();
      // The interpreter words the rules a case breaks; the generated check says whether it breaks any.
      if (hasRules && b.rules?.(facts, state) !== true) {
        const broken = brokenRules(graph, facts, locale);
        if (broken.length > 0) return new VerdictRecord('error', null, NO_VALUES, NONE, broken);
      }
      try {
        return b.entry(facts, state) as Verdict;
      } catch (error) {
        if (error instanceof Stop) return new VerdictRecord('error', null, NO_VALUES, NONE, [diagnosticOf(error, b.code)]);
        throw error;
      }
    },
    evaluate(facts, options = {}) {
      const b = build(accessOf(facts), true);
      locale = options.locale;
      current = facts;
      const broken = hasRules ? brokenRules(graph, facts, locale) : [];
      if (broken.length > 0) return { status: 'error', outcome: null, needs: [], path: [], diagnostics: broken, ...(options.trace ? { trace: { decisions: [], lets: [] } } : {}) };
      const s = (b.newState as () => ExplainState)();
      s.f = facts;
      let reached: Reached;
      try {
        reached = b.entry(facts, s) as Reached;
      } catch (error) {
        if (!(error instanceof Stop)) throw error;
        reached = { status: 'error', outcome: -1, values: {}, needs: [], stops: [error] };
      }
      const node = reached.outcome < 0 ? undefined : b.code.outcomes[reached.outcome];
      const due = node === undefined ? undefined : dueOf(node);
      const outcome: OutcomeResult | null =
        node === undefined
          ? null
          : {
              id: node.id, label: node.label, owner: node.owner, deadline: node.deadline,
              ...outcomeTexts(graph, facts, node, reached.values, s.path), documents: node.documents, values: reached.values,
              due: due?.due ?? null, deadlineCase: due?.deadlineCase ?? null,
            };
      const diagnostics = reached.stops.map((stop) => diagnosticOf(stop, b.code));
      if (due?.error) diagnostics.push(due.error);
      const needs = due && due.needs.length > 0 ? mergeNeeds(reached.needs, due.needs) : reached.needs;
      const status = diagnostics.length > 0 ? 'error' : needs.length > 0 ? 'undecided' : reached.status;
      const result: EvalResult = { status, outcome, needs, path: s.path, diagnostics };
      return options.trace ? { ...result, trace: { decisions: s.td, lets: s.lets } } : result;
    },
    source(access, explain) {
      return build(access, explain).code.body;
    },
  };
}

/** `a` then the facts of `b` not already in it. */
function mergeNeeds(a: readonly string[], b: readonly string[]): readonly string[] {
  const out = [...a];
  for (const id of b) if (!out.includes(id)) out.push(id);
  return out;
}

/** What fast-mode code calls to build its results. */
function fastHooks(code: GeneratedCode, diagnose: (stop: Stop) => Diagnostic, dueOf: (o: OutcomeNode) => DueResult) {
  // The verdict of an outcome without values decided with no due moment is the same every time.
  const undated: (Verdict | undefined)[] = [];
  return {
    reach(_s: unknown, o: number, values: Record<string, Value | null>, n: Unknown | undefined, z: Stop[] | undefined, due?: number | null): Verdict {
      const node = code.outcomes[o];
      const id = node.id;
      if (node.deadline !== null) {
        // The generated code computed the due moment, or left it (undefined) to the interpreter.
        const d = due === undefined ? dueOf(node) : { due, needs: NONE, error: null };
        const needs = d.needs.length > 0 ? mergeNeeds(n?.needs ?? NONE, d.needs) : (n?.needs ?? NONE);
        const errors = [...(z ?? []).map(diagnose), ...(d.error ? [d.error] : [])];
        if (errors.length > 0) return new VerdictRecord('error', id, values, needs, errors, d.due);
        if (needs.length === 0 && d.due === null && node.values.length === 0) {
          return (undated[o] ??= new VerdictRecord('decided', id, NO_VALUES, NONE, NONE, null));
        }
        return new VerdictRecord(needs.length > 0 ? 'undecided' : 'decided', id, values, needs, NONE, d.due);
      }
      if (z !== undefined) return new VerdictRecord('error', id, values, n?.needs ?? NONE, z.map(diagnose));
      if (n !== undefined) return new VerdictRecord('undecided', id, values, n.needs, NONE);
      return new VerdictRecord('decided', id, values, NONE, NONE);
    },
    undecided(_s: unknown, u: Unknown): Verdict {
      return new VerdictRecord('undecided', null, NO_VALUES, u.needs, NONE);
    },
  };
}

/** What explain-mode code calls: the interpreter's bookkeeping of reads, path and trace. */
function explainHooks(code: GeneratedCode) {
  return {
    tried(s: ExplainState, reads: Set<string>, tried: TraceBranch[], d: number, b: number, c: unknown): void {
      for (const id of s.r) reads.add(id);
      tried.push({
        branch: code.decisions[d].branches[b].id,
        result: c instanceof Stop ? 'error' : c instanceof Unknown ? 'unknown' : c === true,
        facts: readings(s.f, new Set(s.r)),
        needs: c instanceof Unknown ? c.needs : [],
      });
    },
    finish(s: ExplainState, d: number, tried: TraceBranch[], b: number): void {
      const node = code.decisions[d];
      s.td.push({ decision: node.id, branches: tried, taken: b < 0 ? null : node.branches[b].id });
    },
    step(s: ExplainState, d: number, b: number, reads: Set<string>): void {
      const node = code.decisions[d];
      s.path.push({ decision: node.id, branch: node.branches[b].id, facts: readings(s.f, reads) });
    },
    let(s: ExplainState, id: string, v: unknown): void {
      s.lets.push({ id, value: v instanceof Stop || v instanceof Unknown ? null : (v as Value) });
    },
    reach(_s: unknown, o: number, values: Record<string, Value | null>, n: Unknown | undefined, z: Stop[] | undefined): Reached {
      const status = z !== undefined ? 'error' : n !== undefined ? 'undecided' : 'decided';
      return { status, outcome: o, values, needs: n?.needs ?? [], stops: z ?? [] };
    },
    undecided(_s: unknown, u: Unknown): Reached {
      return { status: 'undecided', outcome: -1, values: {}, needs: u.needs, stops: [] };
    },
  };
}

/** Fact readings as the interpreter gives them: each id read, with its value. */
function readings(facts: CaseFacts, ids: ReadonlySet<string>): FactReading[] {
  return [...ids].map((id) => ({ id, value: lookup(facts, id) as Value }));
}

function lookup(facts: CaseFacts, id: string): Value | undefined {
  if (facts instanceof Map) return facts.get(id) ?? undefined;
  const record = facts as Readonly<Record<string, Value | null>>;
  return Object.hasOwn(record, id) ? (record[id] ?? undefined) : undefined;
}
