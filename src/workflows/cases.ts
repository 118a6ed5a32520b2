import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Value } from '../graph/graph.js';
import { sourceFile, type SourceFile } from '../source/source-file.js';
import { evaluate } from '../eval/engines/interpreter.js';
import { readCaseArgs } from '../eval/input/case-args.js';
import type { CaseInput } from '../eval/input/case-reader.js';
import { caseSchema, type JsonSchema } from '../eval/input/case-schema.js';
import { readCaseText } from '../eval/input/case-yaml.js';
import type { EvalResult } from '../eval/trace.js';
import { nodeFiles, type ReadResult } from './files.js';
import { openPolicy, type FileOptions, type LoadedPolicy, type PolicyRef } from './policy.js';

/**
 * One case against one policy: read the facts (a case file and `key=value` arguments), validate
 * them, evaluate. This module brings the YAML reader and the schema validator (ajv): front ends
 * load it only when they read cases.
 */

/** A case file: the path it is shown under, and how to read it when it is not that file on disk. */
export interface CaseSource {
  readonly path: string;
  /**
   * Reads its text when the front end supplies it (standard input, an editor buffer). Called only
   * once the policy has loaded, so a broken policy never waits for standard input.
   */
  readonly read?: () => ReadResult;
}

/** Options of `evaluateCase`. */
export interface EvaluateCaseOptions extends FileOptions {
  /** A case file in YAML or JSON. */
  readonly case?: CaseSource;
  /** Facts as `key=value` (money in yuan); they override the case file. */
  readonly facts?: readonly string[];
  /** The language of the answer and of messages; default: the policy's first locale. */
  readonly locale?: string;
  /** Record every condition tried. */
  readonly trace?: boolean;
  /**
   * The moment of evaluation (the fact `now`), ISO 8601 with an offset, read like a `now=` argument
   * and overriding one; ignored by a policy that never reads `now`.
   */
  readonly now?: string;
}

/**
 * What evaluating a case gave. `result` is there when the case was valid; otherwise
 * `diagnostics` say what is wrong with it, or `problems` that the case file could not be read.
 * When the policy itself did not load, only `policy` says why.
 */
export interface CaseEvaluation {
  readonly policy: LoadedPolicy;
  readonly locale: string;
  readonly result: EvalResult | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** The policy's sources and the case's, for snippets. */
  readonly sources: ReadonlyMap<string, SourceFile>;
  readonly problems: readonly string[];
}

function mergeInto(facts: Map<string, Value>, input: CaseInput | undefined): void {
  for (const [id, value] of input ?? []) facts.set(id, value);
}

/** Reads a case (file and arguments) and evaluates it against a policy. */
export function evaluateCase(policy: PolicyRef, opts: EvaluateCaseOptions = {}): CaseEvaluation {
  const loaded = openPolicy(policy, opts);
  const sources = new Map(loaded.sources);
  const graph = loaded.graph;
  const locale = opts.locale ?? graph?.policy.locales[0] ?? 'zh-CN';
  const stopped = (problems: readonly string[], diagnostics: readonly Diagnostic[] = []): CaseEvaluation =>
    ({ policy: loaded, locale, result: undefined, diagnostics, sources, problems });
  if (graph === undefined) return stopped([]);

  const diagnostics: Diagnostic[] = [];
  const facts = new Map<string, Value>();
  if (opts.case !== undefined) {
    const text = opts.case.read?.() ?? (opts.files ?? nodeFiles).readText(opts.case.path);
    if (!text.ok) return stopped([text.message]);
    const file = sourceFile(opts.case.path, text.text);
    sources.set(file.path, file);
    const read = readCaseText(graph, file, { locale });
    diagnostics.push(...read.diagnostics);
    mergeInto(facts, read.value);
  }
  const args = opts.now !== undefined && Object.hasOwn(graph.facts, 'now')
    ? [...(opts.facts ?? []).filter((a) => !a.startsWith('now=')), `now=${opts.now}`]
    : opts.facts;
  if (args !== undefined && args.length > 0) {
    const read = readCaseArgs(graph, args, { locale });
    sources.set(read.source.path, read.source);
    diagnostics.push(...read.diagnostics);
    mergeInto(facts, read.value);
  }
  if (diagnostics.length > 0) return stopped([], diagnostics);
  const result = evaluate(graph, facts, { trace: opts.trace, locale });
  return { policy: loaded, locale, result, diagnostics: [], sources, problems: [] };
}

/** A policy's case schema, or (in `policy`) why the policy did not load. */
export interface PolicySchema {
  readonly policy: LoadedPolicy;
  readonly schema: JsonSchema | undefined;
}

/** The JSON Schema (draft-07) of a policy's cases, with descriptions in `locale` (default: the policy's first). */
export function policySchema(policy: PolicyRef, opts: FileOptions & { readonly locale?: string } = {}): PolicySchema {
  const loaded = openPolicy(policy, opts);
  return { policy: loaded, schema: loaded.graph === undefined ? undefined : caseSchema(loaded.graph, opts.locale) };
}
