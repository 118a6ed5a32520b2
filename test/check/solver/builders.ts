import type {
  Branch,
  CompareOp,
  DecisionGraph,
  DecisionNode,
  Expr,
  FactDef,
  HitPolicy,
  OutcomeNode,
  Value,
  ValueType,
} from '../../../src/graph/graph.js';
import type { Span } from '../../../src/source/source-file.js';

/** Hand-built graph values for solver tests: a dummy span, short constructors for Expr. */

export const span: Span = { file: 't', start: 0, end: 0 };

export const T = {
  bool: { kind: 'bool' } as const,
  money: { kind: 'money', signed: false } as const,
  signed: { kind: 'money', signed: true } as const,
  number: { kind: 'number' } as const,
  text: { kind: 'text' } as const,
  duration: { kind: 'duration' } as const,
  enum: (id: string) => ({ kind: 'enum', enum: id }) as const,
};

const B = T.bool;

export const fact = (id: string, type: ValueType): Expr => ({ kind: 'fact', id, type, span });
export const constRef = (id: string, type: ValueType): Expr => ({ kind: 'const', id, type, span });
export const letRef = (id: string, type: ValueType): Expr => ({ kind: 'let', id, type, span });
export const lit = (value: Value, type: ValueType): Expr => ({ kind: 'literal', value, type, span });
/** Money literal in yuan (stored in fen). */
export const cny = (yuan: number): Expr => lit(Math.round(yuan * 100), T.money);
export const num = (n: number): Expr => lit(n, T.number);
export const member = (enumId: string, id: string): Expr => lit(id, T.enum(enumId));
export const cmp = (left: Expr, op: CompareOp, right: Expr): Expr => ({ kind: 'compare', op, left, right, type: B, span });
export const arith = (left: Expr, op: '+' | '-' | '*' | '/', right: Expr, type: ValueType = left.type): Expr => ({ kind: 'arith', op, left, right, type, span });
export const neg = (operand: Expr): Expr => ({ kind: 'neg', operand, type: operand.type, span });
export const min = (...args: Expr[]): Expr => ({ kind: 'minmax', fn: 'min', args, type: args[0].type, span });
export const max = (...args: Expr[]): Expr => ({ kind: 'minmax', fn: 'max', args, type: args[0].type, span });
export const isIn = (subject: Expr, members: string[], negated = false): Expr => ({
  kind: 'in', subject, enum: (subject.type as { enum: string }).enum, members, negated, type: B, span,
});
export const not = (operand: Expr): Expr => ({ kind: 'not', operand, type: B, span });
export const and = (...operands: Expr[]): Expr => ({ kind: 'and', operands, type: B, span });
export const or = (...operands: Expr[]): Expr => ({ kind: 'or', operands, type: B, span });

const text = (s: string) => ({ en: s });

/** A branch: `[condition, target]`, target `@name` for a decision, otherwise an outcome; null condition is `otherwise`. */
export type BranchSpec = readonly [Expr | null, string];

export interface GraphSpec {
  readonly facts?: Record<string, ValueType>;
  readonly enums?: Record<string, readonly string[]>;
  readonly constants?: Record<string, readonly [Value, ValueType]>;
  readonly lets?: Record<string, Expr>;
  /** Decisions in order; the first is `start`. */
  readonly decisions: Record<string, { readonly hit?: HitPolicy; readonly branches: readonly BranchSpec[] }>;
}

/** Builds a DecisionGraph; each branch gets a distinct span so diagnostics can be told apart. */
export function graphOf(spec: GraphSpec): DecisionGraph {
  let offset = 0;
  const s = (): Span => ({ file: 't', start: offset, end: (offset += 10) });
  const facts: Record<string, FactDef> = {};
  for (const [id, type] of Object.entries(spec.facts ?? {})) facts[id] = { id, type, label: text(id), doc: null, span: s(), ask: null, notes: [] };
  const enums = Object.fromEntries(
    Object.entries(spec.enums ?? {}).map(([id, ms]) => [id, { id, label: text(id), doc: null, span: s(), members: ms.map((m) => ({ id: m, label: text(m), doc: null, span: s() })) }]),
  );
  const constants = Object.fromEntries(
    Object.entries(spec.constants ?? {}).map(([id, [value, type]]) => [id, { id, type, value, label: text(id), doc: null, span: s() }]),
  );
  const lets = Object.fromEntries(
    Object.entries(spec.lets ?? {}).map(([id, expr]) => [id, { id, type: expr.type, expr, label: text(id), doc: null, span: s() }]),
  );
  const outcomes: Record<string, OutcomeNode> = {};
  const decisions: Record<string, DecisionNode> = {};
  for (const [id, d] of Object.entries(spec.decisions)) {
    const branches: Branch[] = d.branches.map(([condition, target], i) => {
      const isDecision = target.startsWith('@');
      const targetId = isDecision ? target.slice(1) : target;
      if (!isDecision) outcomes[targetId] ??= { id: targetId, label: text(targetId), doc: null, span: s(), owner: null, deadline: null, steps: [], documents: [], say: null, notes: [], values: [] };
      return { id: condition ? `${id}.${i + 1}` : `${id}.otherwise`, index: i + 1, condition, target: { kind: isDecision ? 'decision' : 'outcome', id: targetId }, span: s() };
    });
    decisions[id] = { id, label: text(id), doc: null, span: s(), hitPolicy: d.hit ?? 'first', branches };
  }
  return {
    policy: { id: 'p', title: text('P'), version: null, effective: null, locales: ['en'], start: Object.keys(spec.decisions)[0], timezone: null, doc: null },
    enums, departments: {}, facts, constants, lets, decisions, outcomes, sections: [], requirements: [], files: ['t'],
  };
}
