import { localize, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { toJsonDiagnostic, type JsonDiagnostic } from '../../diagnostics/format-json.js';
import { formatDiagnostics, locationOf } from '../../diagnostics/format-text.js';
import { positionOf, type SourceFile, type Span } from '../../source/source-file.js';
import { formatPercent, type Coverage, type CoverageCount } from './coverage.js';
import type { JUnitSuite } from './junit.js';
import { messageLocale, testMessages, type TestMessages } from '../messages.js';
import type { Mismatch, TestResult } from './policy-tests.js';

/**
 * The report of a `sopwright test` run: per test file, pass or fail with an expected-versus-actual
 * diff, coverage per policy, and the summary line `N passed, N failed`; as text, JSON or JUnit.
 */

/** One test file's results; `diagnostics` are problems that kept the whole file from running. */
export interface FileReport {
  readonly file: string;
  readonly policy: string | null;
  readonly tests: readonly TestResult[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The coverage of one policy (the tests of every file that tests it). */
export interface PolicyCoverage {
  readonly policy: string;
  readonly coverage: Coverage;
}

/** Passed and failed tests; a file that could not run counts as one failure. */
export function countResults(reports: readonly FileReport[]): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const r of reports) {
    if (r.diagnostics.length > 0) failed++;
    for (const t of r.tests) t.status === 'passed' ? passed++ : failed++;
  }
  return { passed, failed };
}

/** Options of the text report. */
export interface TestTextOptions {
  readonly locale?: string;
  readonly color: boolean;
}

const green = (s: string, color: boolean) => (color ? `\x1b[32m${s}\x1b[0m` : s);
const red = (s: string, color: boolean) => (color ? `\x1b[31m${s}\x1b[0m` : s);

/** The human report, ending with the summary line. */
export function formatTestReport(
  reports: readonly FileReport[], coverage: readonly PolicyCoverage[] | null, sources: ReadonlyMap<string, SourceFile>, options: TestTextOptions,
): string {
  const t = testMessages(options.locale);
  const locale = messageLocale(options.locale);
  const out: string[] = [];
  for (const r of reports) {
    out.push(r.file);
    if (r.diagnostics.length > 0) out.push(indent(formatDiagnostics(r.diagnostics, sources, { color: options.color, locale }), '    '));
    for (const test of r.tests) {
      if (test.status === 'passed') {
        out.push(`  ${green('✓', options.color)} ${test.name}`);
        continue;
      }
      out.push(`  ${red('✗', options.color)} ${test.name}  (${locationOf(test.span, sources)})`);
      for (const m of test.failures) out.push(...mismatchLines(m, t, options.color));
      if (test.diagnostics.length > 0) out.push(indent(formatDiagnostics(test.diagnostics, sources, { color: options.color, locale }), '      '));
    }
    out.push('');
  }
  if (coverage !== null) out.push(...coverageLines(coverage, sources, t), '');
  const { passed, failed } = countResults(reports);
  out.push(t.summary(passed, failed));
  return `${out.join('\n')}\n`;
}

function mismatchLines(m: Mismatch, t: TestMessages, color: boolean): string[] {
  const width = Math.max(t.expected.length, t.actual.length) + 1;
  return [
    `      ${m.field}`,
    `        ${green(`${t.expected}:`.padEnd(width), color)} ${show(m.expected)}`,
    `        ${red(`${t.actual}:`.padEnd(width), color)} ${show(m.actual)}`,
  ];
}

/** A value in a diff: lists as `[a, b]`, strings bare, null as `null`. */
function show(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  if (v === null || v === undefined) return 'null';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function indent(text: string, prefix: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => (l === '' ? l : prefix + l))
    .join('\n');
}

function coverageLines(coverage: readonly PolicyCoverage[], sources: ReadonlyMap<string, SourceFile>, t: TestMessages): string[] {
  const lines: string[] = [];
  const count = (c: CoverageCount) => `${c.covered}/${c.total} (${formatPercent(c)}%)`;
  for (const { policy, coverage: c } of coverage) {
    lines.push(`${t.coverage} ${policy}: ${t.branches} ${count(c.branches)}, ${t.outcomes} ${count(c.outcomes)}`);
    if (c.uncovered.length > 0) lines.push(`  ${t.notReached}:`);
    for (const u of c.uncovered) lines.push(`    ${locationOf(u.span, sources)}  ${u.kind === 'branch' ? t.branchWord : t.outcomeWord} ${u.id}`);
  }
  return lines;
}

/** The JSON report of `sopwright test --json`. */
export interface JsonTestReport {
  readonly files: readonly {
    readonly file: string;
    readonly policy: string | null;
    readonly diagnostics: readonly JsonDiagnostic[];
    readonly tests: readonly {
      readonly name: string;
      readonly line: number | null;
      readonly status: 'passed' | 'failed';
      readonly failures: readonly Mismatch[];
      readonly diagnostics: readonly JsonDiagnostic[];
    }[];
  }[];
  readonly summary: { readonly passed: number; readonly failed: number };
  readonly coverage:
    | readonly {
        readonly policy: string;
        readonly branches: CoverageCount;
        readonly outcomes: CoverageCount;
        readonly uncovered: readonly { readonly kind: 'branch' | 'outcome'; readonly id: string; readonly file: string; readonly line: number | null }[];
      }[]
    | null;
}

/** The JSON report. */
export function toJsonTestReport(
  reports: readonly FileReport[], coverage: readonly PolicyCoverage[] | null, sources: ReadonlyMap<string, SourceFile>, locale?: string,
): JsonTestReport {
  const lang = messageLocale(locale);
  const line = (span: Span) => {
    const file = sources.get(span.file);
    return file ? positionOf(file, span.start).line : null;
  };
  return {
    files: reports.map((r) => ({
      file: r.file,
      policy: r.policy,
      diagnostics: r.diagnostics.map((d) => toJsonDiagnostic(d, sources, lang)),
      tests: r.tests.map((test) => ({
        name: test.name,
        line: line(test.span),
        status: test.status,
        failures: test.failures,
        diagnostics: test.diagnostics.map((d) => toJsonDiagnostic(d, sources, lang)),
      })),
    })),
    summary: countResults(reports),
    coverage:
      coverage === null
        ? null
        : coverage.map(({ policy, coverage: c }) => ({
            policy,
            branches: c.branches,
            outcomes: c.outcomes,
            uncovered: c.uncovered.map((u) => ({ kind: u.kind, id: u.id, file: u.span.file, line: line(u.span) })),
          })),
  };
}

/** The reports as JUnit suites: failures carry the same diff as the text report. */
export function toJUnitSuites(reports: readonly FileReport[], sources: ReadonlyMap<string, SourceFile>, locale?: string): JUnitSuite[] {
  const t = testMessages(locale);
  const lang = messageLocale(locale);
  return reports.map((r) => ({
    name: r.file,
    ...(r.diagnostics.length > 0 ? { error: formatDiagnostics(r.diagnostics, sources, { color: false, locale: lang }) } : {}),
    cases: r.tests.map((test) => {
      if (test.status === 'passed') return { name: test.name, durationMs: test.durationMs };
      const message =
        test.failures.length > 0
          ? test.failures.map((m) => `${m.field}: ${t.expected} ${show(m.expected)}, ${t.actual} ${show(m.actual)}`).join('; ')
          : ((test.diagnostics[0] && localize(test.diagnostics[0], lang).message) ?? t.notRun);
      const details = [
        ...test.failures.flatMap((m) => mismatchLines(m, t, false)),
        ...(test.diagnostics.length > 0 ? [formatDiagnostics(test.diagnostics, sources, { color: false, locale: lang })] : []),
      ].join('\n');
      return { name: test.name, durationMs: test.durationMs, failure: { message, details } };
    }),
  }));
}
