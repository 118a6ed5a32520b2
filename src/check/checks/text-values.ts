import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { code, msg } from '../../diagnostics/message.js';
import type { DecisionGraph, Expr, OutcomeNode } from '../../graph/graph.js';
import { walkExpr } from '../expr-walk.js';

/**
 * A text that names a fact (`{shipping}`) prints the case's value only when the case knows it.
 * Texts never make staff ask (eval prints the fact's name instead), so a fact a text names must be
 * asked on every way to the outcome: warns, naming the branch into the outcome on which it is not.
 * "Asked" means named in a condition tried on the way (the decisions passed, their branches up to
 * the one taken). The outcome's own values are not judged: a value asks for what it needs.
 */
export function checkTextValues(graph: DecisionGraph): Diagnostic[] {
  const asked = new AskedFacts(graph);
  const diagnostics: Diagnostic[] = [];
  for (const o of Object.values(graph.outcomes)) {
    for (const t of o.textValues ?? []) {
      if (t.kind !== 'expr') continue;
      const facts = asked.factsOf(t.expr).filter((f) => f !== 'now');
      const miss = facts.length === 0 ? undefined : asked.missingOn(o, facts);
      if (miss !== undefined) diagnostics.push(unasked(o, t.name, t.expr, miss.fact, miss.branch));
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

  /** The first fact of `facts` some branch into `o` leaves unasked, with that branch. */
  missingOn(o: OutcomeNode, facts: readonly string[]): { fact: string; branch: string } | undefined {
    for (const edge of this.incoming.get(`outcome:${o.id}`) ?? []) {
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

function unasked(o: OutcomeNode, name: string, at: Expr, fact: string, branch: string): Diagnostic {
  return diagnostic('graph/text-value-unasked', at.span, msg('graph.text-value-unasked', { name: code(`{${name}}`), outcome: code(o.id), branch: code(branch), fact: code(fact) }), {
    help: msg('graph.text-value-unasked.help'),
  });
}
