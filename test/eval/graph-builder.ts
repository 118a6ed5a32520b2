import type {
  ArithOp, BoolType, Branch, CompareOp, DecisionGraph, DecisionNode, Expr, FactDef, HitPolicy, LetDef, OutcomeNode, Target, Value, ValueType,
} from '../../src/graph/graph.js';
import type { Span } from '../../src/source/source-file.js';

/**
 * Hand-built decision graphs for unit tests of the evaluator, independent of the compiler.
 * Labels are the ids in both locales.
 */

export const span: Span = { file: 'hand.sop', start: 0, end: 0 };
const label = (id: string) => ({ 'zh-CN': id, en: id });

const BOOL: BoolType = { kind: 'bool' };

export const types = {
  bool: BOOL,
  money: { kind: 'money', signed: false } as ValueType,
  signedMoney: { kind: 'money', signed: true } as ValueType,
  number: { kind: 'number' } as ValueType,
  text: { kind: 'text' } as ValueType,
  duration: { kind: 'duration' } as ValueType,
  enumOf: (name: string): ValueType => ({ kind: 'enum', enum: name }),
};

export const fact = (id: string, type: ValueType = types.bool): Expr => ({ kind: 'fact', id, type, span });
export const letRef = (id: string, type: ValueType = types.bool): Expr => ({ kind: 'let', id, type, span });
export const lit = (value: Value, type: ValueType): Expr => ({ kind: 'literal', value, type, span });
export const and = (...operands: Expr[]): Expr => ({ kind: 'and', operands, type: BOOL, span });
export const or = (...operands: Expr[]): Expr => ({ kind: 'or', operands, type: BOOL, span });
export const not = (operand: Expr): Expr => ({ kind: 'not', operand, type: BOOL, span });
export const cmp = (op: CompareOp, left: Expr, right: Expr): Expr => ({ kind: 'compare', op, left, right, type: BOOL, span });
export const arith = (op: ArithOp, left: Expr, right: Expr, type: ValueType): Expr => ({ kind: 'arith', op, left, right, type, span });
export const minOf = (...args: Expr[]): Expr => ({ kind: 'minmax', fn: 'min', args, type: args[0].type, span });

/** A branch: `when condition -> target` (null condition: otherwise). */
export interface BranchSpec {
  readonly when: Expr | null;
  readonly to: string;
}

export interface GraphSpec {
  readonly facts: Readonly<Record<string, ValueType>>;
  readonly enums?: Readonly<Record<string, readonly string[]>>;
  readonly lets?: Readonly<Record<string, Expr>>;
  readonly decisions: Readonly<Record<string, { readonly hit?: HitPolicy; readonly branches: readonly BranchSpec[] }>>;
  /** Outcome id → its values (id → expression). */
  readonly outcomes: Readonly<Record<string, Readonly<Record<string, Expr>>>>;
  readonly start?: string;
}

/** Builds a graph; branch targets that name a decision lead there, anything else is an outcome. */
export function buildGraph(spec: GraphSpec): DecisionGraph {
  const target = (id: string): Target => ({ kind: id in spec.decisions ? 'decision' : 'outcome', id });
  const decisions: Record<string, DecisionNode> = {};
  for (const [id, d] of Object.entries(spec.decisions)) {
    const branches: Branch[] = d.branches.map((b, i) => ({
      id: b.when === null ? `${id}.otherwise` : `${id}.${i + 1}`,
      index: i,
      condition: b.when,
      target: target(b.to),
      span,
    }));
    decisions[id] = { id, label: label(id), doc: null, span, hitPolicy: d.hit ?? 'first', branches };
  }
  const facts: Record<string, FactDef> = {};
  for (const [id, type] of Object.entries(spec.facts)) facts[id] = { id, label: label(id), doc: null, span, type, ask: { 'zh-CN': `${id}？`, en: `${id}?` }, notes: [] };
  const lets: Record<string, LetDef> = {};
  for (const [id, expr] of Object.entries(spec.lets ?? {})) lets[id] = { id, label: label(id), doc: null, span, type: expr.type, expr };
  const outcomes: Record<string, OutcomeNode> = {};
  for (const [id, values] of Object.entries(spec.outcomes)) {
    outcomes[id] = {
      id, label: label(id), doc: null, span, owner: null, deadline: null, steps: [], documents: [], say: null, notes: [],
      values: Object.entries(values).map(([vid, expr]) => ({ id: vid, label: label(vid), type: expr.type, expr, span })),
    };
  }
  const enums = Object.fromEntries(
    Object.entries(spec.enums ?? {}).map(([id, members]) => [
      id,
      { id, label: label(id), doc: null, span, members: members.map((m) => ({ id: m, label: label(m), doc: null, span })) },
    ]),
  );
  return {
    policy: { id: 'hand', title: label('hand'), version: null, effective: null, locales: ['zh-CN', 'en'], start: spec.start ?? Object.keys(spec.decisions)[0], timezone: null, doc: null },
    enums, departments: {}, facts, constants: {}, lets, decisions, outcomes, sections: [], requirements: [], files: ['hand.sop'],
  };
}
