import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DecisionGraph } from '../graph/graph.js';
import { sourceFile, type SourceFile } from '../source/source-file.js';
import { CoverageCollector } from '../eval/testing/coverage.js';
import { junitXml } from '../eval/testing/junit.js';
import { parseTestFile, runTestFile } from '../eval/testing/policy-tests.js';
import { countResults, toJUnitSuites, type FileReport, type PolicyCoverage } from '../eval/testing/test-report.js';
import { nodeFiles, type FileHost } from './files.js';
import { compilePolicyFile, type FileOptions } from './policy.js';

/**
 * Policy-test runs (`*.test.yaml`): find the test files, compile each policy they name once, run
 * the tests, collect coverage per policy, judge it against a minimum, and write a JUnit report.
 * This module brings the YAML reader and the schema validator: front ends load it when they run tests.
 */

/** Options of `runPolicyTests`. */
export interface PolicyTestOptions extends FileOptions {
  /** The language of messages and failure texts (default: the first locale of the first test file's policy). */
  readonly locale?: string;
  /** Measure branch and outcome coverage (implied by `minCoverage`). */
  readonly coverage?: boolean;
  /** The lowest branch and outcome coverage, in percent, that passes. */
  readonly minCoverage?: number;
  /** Also write a JUnit XML report to this file (whole or not at all). */
  readonly junit?: string;
}

/** A coverage figure below the minimum. */
export interface CoverageShortfall {
  readonly policy: string;
  readonly kind: 'branches' | 'outcomes';
  readonly percent: number;
  readonly minimum: number;
}

/**
 * A test run. When `problems` is not empty the run did not start (a path or a test file could
 * not be read) and the rest is empty; `files` is empty when there was nothing to run.
 */
export interface PolicyTestRun {
  readonly files: readonly string[];
  readonly reports: readonly FileReport[];
  /** Per policy that compiled, when coverage was asked for; otherwise null. */
  readonly coverage: readonly PolicyCoverage[] | null;
  readonly sources: ReadonlyMap<string, SourceFile>;
  readonly problems: readonly string[];
  /** Some test file names a policy with errors (they are in its report). */
  readonly policyErrors: boolean;
  readonly passed: number;
  readonly failed: number;
  readonly belowMinimum: readonly CoverageShortfall[];
  /** Why the JUnit report could not be written. */
  readonly junitProblem?: string;
  /** The language the run spoke (`opts.locale`, or the first policy's first locale). */
  readonly locale: string;
}

/** A compiled policy, or the errors that kept it from compiling. */
type Compiled = { readonly graph: DecisionGraph; readonly coverage: CoverageCollector } | { readonly errors: readonly Diagnostic[] };

const TEST_FILE = /\.test\.ya?ml$/;

/** Test files: each file as given, and every `*.test.yaml` under each directory (sorted; hidden directories and node_modules skipped). */
export function findTestFiles(paths: readonly string[], files: FileHost = nodeFiles): { files: string[]; problems: string[] } {
  const found: string[] = [];
  const problems: string[] = [];
  for (const p of paths) {
    const kind = files.kindOf(p);
    if ('problem' in kind) problems.push(kind.problem);
    else if (kind.kind === 'file') found.push(p);
    else {
      const listed = files.filesUnder(p, (name) => TEST_FILE.test(name));
      if ('problem' in listed) problems.push(listed.problem);
      else found.push(...listed.files);
    }
  }
  return { files: [...new Set(found)], problems };
}

function emptyRun(problems: readonly string[], files: readonly string[] = [], locale = 'zh-CN'): PolicyTestRun {
  return { files, reports: [], coverage: null, sources: new Map(), problems, policyErrors: false, passed: 0, failed: 0, belowMinimum: [], locale };
}

/** Runs the policy tests the paths name (test files, or directories searched for `*.test.yaml`). */
export function runPolicyTests(paths: readonly string[], opts: PolicyTestOptions = {}): PolicyTestRun {
  const host = opts.files ?? nodeFiles;
  const found = findTestFiles(paths, host);
  if (found.problems.length > 0 || found.files.length === 0) return emptyRun(found.problems, [], opts.locale);
  // One language for the whole run, so a report never mixes two.
  const locale = opts.locale ?? firstPolicyLocale(found.files[0], host);

  const sources = new Map<string, SourceFile>();
  const policies = new Map<string, Compiled>();
  const reports: FileReport[] = [];
  let policyErrors = false;
  for (const file of found.files) {
    const read = host.readText(file);
    if (!read.ok) return emptyRun([read.message], found.files, locale);
    const source = sourceFile(file, read.text);
    sources.set(file, source);
    const parsed = parseTestFile(source, locale);
    if (parsed.value === undefined) {
      reports.push({ file, policy: null, tests: [], diagnostics: parsed.diagnostics });
      continue;
    }
    const policyPath = path.join(path.dirname(file), parsed.value.policy.path);
    let compiled = policies.get(policyPath);
    if (compiled === undefined) {
      compiled = compileForTests(policyPath, sources, host);
      policies.set(policyPath, compiled);
    }
    if ('errors' in compiled) {
      policyErrors = true;
      reports.push({ file, policy: policyPath, tests: [], diagnostics: compiled.errors });
      continue;
    }
    const tests = runTestFile(compiled.graph, parsed.value, locale);
    for (const test of tests) if (test.result) compiled.coverage.add(test.result);
    reports.push({ file, policy: policyPath, tests, diagnostics: [] });
  }

  const wantCoverage = opts.coverage === true || opts.minCoverage !== undefined;
  const coverage: PolicyCoverage[] | null = wantCoverage
    ? [...policies].flatMap(([policy, c]) => ('coverage' in c ? [{ policy, coverage: c.coverage.report() }] : []))
    : null;
  const junitProblem = opts.junit === undefined ? undefined : host.writeFile(opts.junit, junitXml(toJUnitSuites(reports, sources, locale)))?.problem;
  return {
    files: found.files,
    reports,
    coverage,
    sources,
    problems: [],
    policyErrors,
    ...countResults(reports),
    belowMinimum: shortfalls(coverage ?? [], opts.minCoverage),
    ...(junitProblem !== undefined ? { junitProblem } : {}),
    locale,
  };
}

/** The first locale of the policy a test file names; zh-CN when the file or its policy header cannot be read. */
function firstPolicyLocale(file: string, host: FileHost): string {
  const read = host.readText(file);
  const parsed = read.ok ? parseTestFile(sourceFile(file, read.text), 'en').value : undefined;
  if (parsed === undefined) return 'zh-CN';
  return compilePolicyFile(path.join(path.dirname(file), parsed.policy.path), { files: host }).locales[0] ?? 'zh-CN';
}

function compileForTests(policyPath: string, sources: Map<string, SourceFile>, files: FileHost): Compiled {
  const result = compilePolicyFile(policyPath, { files });
  for (const [file, source] of result.sources) sources.set(file, source);
  if (result.graph === undefined) return { errors: result.diagnostics.filter((d) => d.severity === 'error') };
  return { graph: result.graph, coverage: new CoverageCollector(result.graph) };
}

/** Branch and outcome coverage figures below the minimum, policy by policy. */
function shortfalls(coverage: readonly PolicyCoverage[], minimum: number | undefined): CoverageShortfall[] {
  if (minimum === undefined) return [];
  return coverage.flatMap(({ policy, coverage: c }) =>
    (['branches', 'outcomes'] as const).flatMap((kind) => (c[kind].percent < minimum ? [{ policy, kind, percent: c[kind].percent, minimum }] : [])),
  );
}
