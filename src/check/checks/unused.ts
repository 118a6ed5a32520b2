import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { code, msg } from '../../diagnostics/message.js';
import type { Span } from '../../source/source-file.js';
import { rootExprs, walkExpr } from '../expr-walk.js';
import type { DecisionGraph, Expr } from '../../graph/graph.js';

/**
 * Reports facts, constants, derived values, enum members and departments that nothing uses: usually a
 * typo elsewhere, or a rule that was deleted and left its vocabulary behind.
 */
export function checkUnused(graph: DecisionGraph): Diagnostic[] {
  // Ids by kind rather than `kind:id` strings: this runs on every expression of the policy.
  const used = { fact: new Set<string>(), const: new Set<string>(), let: new Set<string>(), department: new Set<string>() };
  const usedMembers = new Map<string, Set<string>>(); // enum id → member ids
  const useMember = (enumId: string, member: string) => {
    let members = usedMembers.get(enumId);
    if (!members) usedMembers.set(enumId, (members = new Set()));
    members.add(member);
  };
  const mark = (e: Expr): void => {
    if (e.kind === 'fact' || e.kind === 'const') used[e.kind].add(e.id);
    if (e.kind === 'let' && !used.let.has(e.id)) {
      used.let.add(e.id);
      if (graph.lets[e.id]) walkExpr(graph.lets[e.id].expr, mark);
    }
    if (e.kind === 'literal' && e.type.kind === 'enum') useMember(e.type.enum, String(e.value));
    if (e.kind === 'in') for (const m of e.members) useMember(e.enum, m);
  };
  for (const e of rootExprs(graph)) walkExpr(e, mark);
  for (const o of Object.values(graph.outcomes)) {
    if (o.owner) used.department.add(o.owner);
    if (o.deadline?.constant) used.const.add(o.deadline.constant);
    // A due rule without `after` counts from `now`.
    if (o.deadline?.cases.some((c) => c.due.kind !== 'moment' && c.due.from === null)) used.fact.add('now');
  }

  const diagnostics: Diagnostic[] = [];
  // Each unused-name code has a message `graph.unused-…` with `{name}` and a help `graph.unused-….help`.
  const report = (kind: 'fact' | 'constant' | 'let' | 'department', isUsed: boolean, span: Span, name: string) => {
    if (!isUsed) diagnostics.push(diagnostic(`graph/unused-${kind}`, span, msg(`graph.unused-${kind}`, { name: code(name) }), { help: msg(`graph.unused-${kind}.help`) }));
  };
  for (const f of Object.values(graph.facts)) report('fact', used.fact.has(f.id), f.span, f.id);
  for (const c of Object.values(graph.constants)) report('constant', used.const.has(c.id), c.span, c.id);
  for (const l of Object.values(graph.lets)) report('let', used.let.has(l.id), l.span, l.id);
  for (const d of Object.values(graph.departments)) report('department', used.department.has(d.id), d.span, d.id);
  const factEnums = new Set(Object.values(graph.facts).map((f) => (f.type.kind === 'enum' ? f.type.enum : '')));
  const handled = enumsLeftToOtherwise(graph);
  for (const e of Object.values(graph.enums)) {
    if (!factEnums.has(e.id)) continue; // an enum no fact has is reported through its facts, not member by member
    // A choice staff must be able to pick but no rule singles out goes to `otherwise`: that is its use.
    if (handled.has(e.id)) continue;
    const members = usedMembers.get(e.id);
    for (const m of e.members) {
      if (members?.has(m.id)) continue;
      diagnostics.push(diagnostic('graph/unused-member', m.span, msg('graph.unused-member', { member: code(`${e.id}.${m.id}`) }), { help: msg('graph.unused-member.help') }));
    }
  }
  return diagnostics;
}

/** The enums tested by some decision that has an `otherwise` branch: every member of them reaches a branch. */
function enumsLeftToOtherwise(graph: DecisionGraph): Set<string> {
  const enums = new Set<string>();
  for (const d of Object.values(graph.decisions)) {
    if (!d.branches.some((b) => b.condition === null)) continue;
    for (const b of d.branches) {
      if (!b.condition) continue;
      walkExpr(b.condition, (e) => {
        if (e.kind === 'in') enums.add(e.enum);
        else if (e.type.kind === 'enum') enums.add(e.type.enum);
      });
    }
  }
  return enums;
}
