import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../../diagnostics/codes.js';
import type { Span } from '../../source/source-file.js';
import { rootExprs, walkExpr } from '../expr-walk.js';
import type { DecisionGraph, Expr } from '../graph.js';

/**
 * Reports facts, constants, derived values, enum members and departments that nothing uses: usually a
 * typo elsewhere, or a rule that was deleted and left its vocabulary behind.
 */
export function checkUnused(graph: DecisionGraph): Diagnostic[] {
  const used = new Set<string>(); // `fact:x`, `const:x`, `let:x`, `member:enum.x`, `department:x`
  const visitLet = new Set<string>();
  const mark = (e: Expr): void => {
    if (e.kind === 'fact' || e.kind === 'const') used.add(`${e.kind}:${e.id}`);
    if (e.kind === 'let') {
      used.add(`let:${e.id}`);
      if (!visitLet.has(e.id) && graph.lets[e.id]) {
        visitLet.add(e.id);
        walkExpr(graph.lets[e.id].expr, mark);
      }
    }
    if (e.kind === 'literal' && e.type.kind === 'enum') used.add(`member:${e.type.enum}.${String(e.value)}`);
    if (e.kind === 'in') for (const m of e.members) used.add(`member:${e.enum}.${m}`);
  };
  for (const e of rootExprs(graph)) walkExpr(e, mark);
  for (const o of Object.values(graph.outcomes)) {
    if (o.owner) used.add(`department:${o.owner}`);
    if (o.deadline?.constant) used.add(`const:${o.deadline.constant}`);
  }

  const diagnostics: Diagnostic[] = [];
  const report = (code: DiagnosticCode, key: string, span: Span, message: string, help: string) => {
    if (!used.has(key)) diagnostics.push(diagnostic(code, span, message, { help }));
  };
  for (const f of Object.values(graph.facts))
    report('graph/unused-fact', `fact:${f.id}`, f.span, `fact \`${f.id}\` is never used`, 'use it in a condition or a value, or remove it');
  for (const c of Object.values(graph.constants))
    report('graph/unused-constant', `const:${c.id}`, c.span, `constant \`${c.id}\` is never used`, 'use it in a condition, a value or a deadline, or remove it');
  for (const l of Object.values(graph.lets))
    report('graph/unused-let', `let:${l.id}`, l.span, `derived value \`${l.id}\` is never used`, 'use it in a condition or a value, or remove it');
  for (const d of Object.values(graph.departments))
    report('graph/unused-department', `department:${d.id}`, d.span, `no outcome is owned by department \`${d.id}\``, 'make it the `owner` of an outcome, or remove it');
  const factEnums = new Set(Object.values(graph.facts).map((f) => (f.type.kind === 'enum' ? f.type.enum : '')));
  for (const e of Object.values(graph.enums)) {
    if (!factEnums.has(e.id)) continue; // an enum no fact has is reported through its facts, not member by member
    for (const m of e.members)
      report('graph/unused-member', `member:${e.id}.${m.id}`, m.span, `no condition mentions \`${e.id}.${m.id}\``, 'cases with this value take an `otherwise` branch or fall into a gap; name it in a condition, or remove it');
  }
  return diagnostics;
}
