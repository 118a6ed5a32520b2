import { createHash } from 'node:crypto';
import type { DecisionGraph } from '../graph/graph.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { evaluate } from '../eval/engines/interpreter.js';
import { describeValue } from '../eval/format-result.js';
import { readCase } from '../eval/input/case-reader.js';
import type { EvalResult } from '../eval/trace.js';
import type { EntryLabels, NewEntry, PolicyRef, Texts } from './entry.js';

/**
 * Deciding a case for the register: validate it, evaluate it against the policy, and turn a decided
 * result into the entry to record, with the labels of the policy version it was decided under.
 * An invalid or undecided case is refused with the evaluation's answer; nothing is recorded.
 */

/** SHA-256 of the policy's source texts, entry file first (each prefixed with its length, so files cannot run together). */
export function policyHash(texts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const t of texts) hash.update(`${Buffer.byteLength(t)}:`).update(t);
  return hash.digest('hex');
}

/** The policy an entry points at. */
export function policyRef(graph: DecisionGraph, texts: readonly string[]): PolicyRef {
  return { id: graph.policy.id, version: graph.policy.version, hash: policyHash(texts) };
}

/** Who records the case, and what they add. */
export interface Recording {
  readonly staff: string;
  readonly account?: string | null;
  readonly note?: string | null;
}

/** The entry to record, or why the case was refused (its diagnostics, or the undecided result). */
export type DecidedCase =
  | { readonly entry: NewEntry; readonly result: EvalResult }
  | { readonly refused: 'invalid'; readonly diagnostics: readonly Diagnostic[] }
  | { readonly refused: 'undecided' | 'error'; readonly result: EvalResult };

/** A locale text in every locale of the policy. */
function everyLocale(graph: DecisionGraph, describe: (locale: string) => string): Texts {
  return Object.fromEntries(graph.policy.locales.map((l) => [l, describe(l)]));
}

/** The facts that chose the first branch ("Kind of problem: damaged in transit"), in every locale. */
function problemOf(graph: DecisionGraph, result: EvalResult): Texts {
  const facts = result.path[0]?.facts ?? [];
  return everyLocale(graph, (locale) => facts.map((f) => {
    const def = graph.facts[f.id];
    if (def === undefined) return `${f.id}=${String(f.value)}`;
    const label = def.label[locale] ?? Object.values(def.label)[0] ?? f.id;
    return `${label}${/^zh/i.test(locale) ? '：' : ': '}${describeValue(graph, f.value, def.type, locale)}`;
  }).join(/^zh/i.test(locale) ? '；' : '; '));
}

/** The due moment of a decided result (the evaluation gives epoch seconds), or null without a deadline. */
function dueOf(result: EvalResult): string | null {
  const due = result.outcome?.due;
  return typeof due === 'number' ? new Date(due * 1000).toISOString() : null;
}

/**
 * Validates and evaluates `facts` (JSON as the API receives it) and builds the entry for a decided
 * case, pointing at `policy` (a server passes the identity its answers carry; see `policyRef`).
 */
export function decideCase(graph: DecisionGraph, policy: PolicyRef, facts: Readonly<Record<string, unknown>>, who: Recording): DecidedCase {
  const input = readCase(graph, facts);
  if (input.diagnostics.length > 0 || input.value === undefined) return { refused: 'invalid', diagnostics: input.diagnostics };
  const result = evaluate(graph, input.value);
  if (result.status !== 'decided' || result.outcome === null) return { refused: result.status === 'error' ? 'error' : 'undecided', result };
  const outcome = result.outcome;
  const owner = outcome.owner === null ? null : graph.departments[outcome.owner];
  const labels: EntryLabels = {
    outcome: outcome.label,
    owner: owner?.label ?? null,
    problem: problemOf(graph, result),
  };
  const entry: NewEntry = {
    staff: who.staff,
    account: who.account ?? null,
    policy,
    facts,
    outcome: outcome.id,
    owner: outcome.owner,
    due: dueOf(result),
    labels,
    note: who.note ?? null,
  };
  return { entry, result };
}
