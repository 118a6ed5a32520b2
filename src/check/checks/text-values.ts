import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { code, msg } from '../../diagnostics/message.js';
import type { DecisionGraph, Expr, LocaleText, OutcomeNode, TextLimit } from '../../graph/graph.js';
import { templateNames } from '../../graph/text-template.js';
import { limitsOf, walkExpr } from '../expr-walk.js';

/**
 * A text that names a fact (`{shipping}`) prints the case's value only when the case knows it.
 * Texts never make staff ask (eval prints the fact's name instead), so a fact a text names must be
 * asked on every way to the outcome: warns, naming the branch into the outcome on which it is not.
 * "Asked" means named in a condition tried on the way (the decisions passed, their branches up to
 * the one taken). The outcome's own values are not judged: a value asks for what it needs.
 */
export function checkTextValues(graph: DecisionGraph): Diagnostic[] {
  const outcomes = Object.values(graph.outcomes).filter((o) => o.textValues?.some((t) => t.kind === 'expr') || limitsOf(o).some((l) => l.condition !== null));
  // Most policies name no value in a text: then the ways into every decision need not be indexed.
  if (outcomes.length === 0) return [];
  const asked = new AskedFacts(graph);
  const diagnostics: Diagnostic[] = [];
  for (const o of outcomes) {
    for (const t of o.textValues ?? []) {
      if (t.kind !== 'expr') continue;
      const facts = asked.factsOf(t.expr).filter((f) => f !== 'now');
      const miss = facts.length === 0 ? undefined : asked.missingOn(o, facts, viaOfLines(o, t.name));
      if (miss !== undefined) diagnostics.push(unasked(o, t.name, t.expr, miss.fact, miss.branch));
    }
    // A line's `when` limit is judged the same way: unknown, the line is not shown.
    for (const limit of limitsOf(o)) {
      if (limit.condition === null) continue;
      const facts = asked.factsOf(limit.condition).filter((f) => f !== 'now');
      const miss = asked.missingOn(o, facts, limit.via);
      if (miss !== undefined) diagnostics.push(limitUnasked(o, limit.condition, miss.fact, miss.branch));
    }
  }
  return diagnostics;
}

/** The facts named on every way from `start` to each decision (acyclic graph: the cycle check ran first). */
class AskedFacts {
  private readonly incoming = new Map<string, { decision: string; index: number }[]>();
  private readonly known = new Map<string, ReadonlySet<string> | null>();

  constructor(private readonly graph: DecisionGraph) {
    for (const d of Object.values(graph.decisions)) {
      d.branches.forEach((b, index) => {
        const key = `${b.target.kind}:${b.target.id}`;
        const list = this.incoming.get(key) ?? [];
        list.push({ decision: d.id, index });
        this.incoming.set(key, list);
      });
    }
  }

  /** The facts an expression reads, derived values followed. */
  factsOf(e: Expr, out = new Set<string>()): string[] {
    walkExpr(e, (x) => {
      if (x.kind === 'fact') out.add(x.id);
      else if (x.kind === 'let' && this.graph.lets[x.id]) this.factsOf(this.graph.lets[x.id].expr, out);
    });
    return [...out];
  }

  /**
   * The first fact of `facts` some branch into `o` leaves unasked, with that branch. With `via`,
   * only the branches into `o` from a decision or branch in it count (a coarse cut: a `via` further
   * up the path is not followed).
   */
  missingOn(o: OutcomeNode, facts: readonly string[], via: readonly string[] = []): { fact: string; branch: string } | undefined {
    for (const edge of this.incoming.get(`outcome:${o.id}`) ?? []) {
      const branchId = this.graph.decisions[edge.decision].branches[edge.index].id;
      if (via.length > 0 && !via.includes(edge.decision) && !via.includes(branchId)) continue;
      const on = this.along(edge.decision, edge.index);
      if (on === null) continue; // a decision no case reaches is reported on its own
      const fact = facts.find((f) => !on.has(f));
      if (fact !== undefined) return { fact, branch: this.graph.decisions[edge.decision].branches[edge.index].id };
    }
    return undefined;
  }

  /** Facts asked on every way through branch `index` of `decision`: before it, and in its conditions up to that branch. */
  private along(decision: string, index: number): ReadonlySet<string> | null {
    const before = this.at(decision);
    if (before === null) return null;
    const out = new Set(before);
    for (const b of this.graph.decisions[decision].branches.slice(0, index + 1)) if (b.condition) this.factsOf(b.condition, out);
    return out;
  }

  private at(decision: string): ReadonlySet<string> | null {
    if (this.known.has(decision)) return this.known.get(decision)!;
    let common: Set<string> | null = decision === this.graph.policy.start ? new Set() : null;
    for (const edge of this.incoming.get(`decision:${decision}`) ?? []) {
      const on = this.along(edge.decision, edge.index);
      if (on === null) continue;
      common = common === null ? new Set(on) : new Set([...common].filter((f) => on.has(f)));
    }
    this.known.set(decision, common);
    return common;
  }
}

/**
 * The decisions and branches the lines naming `name` are limited `via`: empty when one of them is
 * not (then every way to the outcome counts).
 */
function viaOfLines(o: OutcomeNode, name: string): readonly string[] {
  const l = o.limits;
  const lines: [LocaleText | null, TextLimit | null | undefined][] = [
    ...o.steps.map((t, i): [LocaleText, TextLimit | null | undefined] => [t, l?.steps[i]]),
    ...o.notes.map((t, i): [LocaleText, TextLimit | null | undefined] => [t, l?.notes[i]]),
    ...(l ? l.says.map((s): [LocaleText, TextLimit | null] => [s.text, s.limit]) : [[o.say, null] as [LocaleText | null, null]]),
  ];
  const via = new Set<string>();
  for (const [text, limit] of lines) {
    if (text === null || !Object.values(text).some((s) => templateNames(s).includes(name))) continue;
    if (!limit || limit.via.length === 0) return [];
    for (const id of limit.via) via.add(id);
  }
  return [...via];
}

function limitUnasked(o: OutcomeNode, at: Expr, fact: string, branch: string): Diagnostic {
  return diagnostic('graph/limit-unasked', at.span, msg('graph.limit-unasked', { outcome: code(o.id), branch: code(branch), fact: code(fact) }), {
    help: msg('graph.limit-unasked.help'),
  });
}

function unasked(o: OutcomeNode, name: string, at: Expr, fact: string, branch: string): Diagnostic {
  return diagnostic('graph/text-value-unasked', at.span, msg('graph.text-value-unasked', { name: code(`{${name}}`), outcome: code(o.id), branch: code(branch), fact: code(fact) }), {
    help: msg('graph.text-value-unasked.help'),
  });
}
