import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { msg } from '../diagnostics/message.js';
import type { DeadlineNode, DueNode } from '../syntax/ast.js';
import type { Deadline, DeadlineCase, Duration, DueRule, Expr } from '../graph/graph.js';
import { isDuration } from '../graph/graph.js';
import { describeType } from './types.js';
import type { ExprTyper } from './typing.js';

/**
 * Deadlines: each case's condition and its due rule, typed. `3 days` counts from now, `2 hours
 * after reported_at` from a moment, `at 09:00` is the next 09:00, `same day` (a duration of no
 * days) the end of the day, a moment expression is due then.
 */
export function resolveDeadline(outcome: string, node: DeadlineNode, typer: ExprTyper, diagnostics: Diagnostic[]): Deadline | null {
  const written = node.kind === 'due' ? [{ condition: null, due: node.due, span: node.span }] : node.cases;
  const cases: DeadlineCase[] = [];
  let ok = true;
  written.forEach((c, i) => {
    const condition = c.condition ? typer.condition(c.condition) : null;
    const due = resolveDue(c.due, typer, diagnostics);
    if (!due || (c.condition && !condition)) {
      ok = false;
      return;
    }
    const id = node.kind === 'due' ? `${outcome}.deadline` : c.condition ? `${outcome}.deadline.${i + 1}` : `${outcome}.deadline.otherwise`;
    cases.push({ id, condition, ...due, span: c.span });
  });
  if (!ok) return null;
  const simple = node.kind === 'due' ? cases[0] : undefined;
  return { duration: simple?.duration ?? null, constant: simple?.constant ?? null, cases };
}

type Resolved = { due: DueRule; duration: Duration | null; constant: string | null };

function resolveDue(node: DueNode, typer: ExprTyper, diagnostics: Diagnostic[]): Resolved | null {
  const value = typer.expr(node.value);
  const from = node.after ? typer.expr(node.after) : null;
  if (!value || (node.after && !from)) return null;
  if (from && from.type.kind !== 'datetime') {
    diagnostics.push(diagnostic('type/mismatch', from.span, msg('time.deadline-from', { type: describeType(from.type) }), { help: msg('time.deadline-from.help') }));
    return null;
  }
  if (!from) typer.usesNow = true;
  const zone = typer.zone ?? 'UTC';
  const none = { duration: null, constant: null };
  if (node.at || value.type.kind === 'time') {
    if (value.type.kind === 'time') return { due: { kind: 'at', clock: value, from, zone }, ...none };
    if (value.type.kind === 'datetime' && !from) return { due: { kind: 'moment', moment: value, zone }, ...none };
    return wrongDue(value, diagnostics);
  }
  if (value.type.kind === 'datetime' && !from) {
    return { due: { kind: 'moment', moment: value, zone }, ...none };
  }
  if (value.type.kind !== 'duration' && value.type.kind !== 'period') return wrongDue(value, diagnostics);
  const constant = value.kind === 'const' ? value.id : null;
  const fixed = value.kind === 'literal' ? value.value : constant ? typer.constantValue(constant) : undefined;
  const duration = isDuration(fixed) ? fixed : null;
  // `deadline 0 hours` is due the moment it is set: never what an author means (`same day`,
  // itself a length of no days, means the end of the day).
  if (duration && duration.amount === 0 && node.value.kind === 'number') {
    diagnostics.push(diagnostic('type/zero-deadline', node.value.span, msg('time.zero-deadline'), { help: msg('time.zero-deadline.help') }));
    return null;
  }
  // A plain length counted from now keeps its duration for display ("3 天内", "当天").
  const display = from ? { duration: null, constant: null } : { duration, constant };
  if (duration && duration.amount === 0 && duration.unit === 'day') {
    return { due: { kind: 'end-of-day', from, zone }, ...display };
  }
  return { due: { kind: 'after', amount: value, from, zone }, ...display };
}

function wrongDue(value: Expr, diagnostics: Diagnostic[]): null {
  diagnostics.push(diagnostic('type/mismatch', value.span, msg('time.deadline', { type: describeType(value.type) }), { help: msg('time.deadline.help') }));
  return null;
}
