/**
 * JUnit XML for CI systems (GitHub Actions reporters, GitLab, Jenkins): one `<testsuite>` per test
 * file, one `<testcase>` per test, a `<failure>` with the readable diff when it failed.
 */

/** One test as the report needs it. */
export interface JUnitCase {
  readonly name: string;
  readonly failure?: { readonly message: string; readonly details: string };
  readonly durationMs: number;
}

/** One test file. */
export interface JUnitSuite {
  readonly name: string;
  readonly cases: readonly JUnitCase[];
  /** A problem with the whole file (unreadable, policy with errors): reported as an `<error>` case. */
  readonly error?: string;
}

/** The JUnit XML document for a run. */
export function junitXml(suites: readonly JUnitSuite[]): string {
  const all = suites.flatMap((s) => s.cases);
  const failures = all.filter((c) => c.failure).length;
  const errors = suites.filter((s) => s.error !== undefined).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="sopwright" tests="${all.length + errors}" failures="${failures}" errors="${errors}" time="${seconds(all)}">`,
  ];
  for (const suite of suites) {
    const suiteFailures = suite.cases.filter((c) => c.failure).length;
    const tests = suite.cases.length + (suite.error !== undefined ? 1 : 0);
    lines.push(
      `  <testsuite name="${attr(suite.name)}" tests="${tests}" failures="${suiteFailures}" errors="${suite.error !== undefined ? 1 : 0}" time="${seconds(suite.cases)}">`,
    );
    if (suite.error !== undefined) {
      lines.push(`    <testcase name="${attr(suite.name)}" classname="${attr(suite.name)}" time="0">`);
      lines.push(`      <error message="${attr(firstLine(suite.error))}">${text(suite.error)}</error>`, '    </testcase>');
    }
    for (const c of suite.cases) {
      const open = `    <testcase name="${attr(c.name)}" classname="${attr(suite.name)}" time="${(c.durationMs / 1000).toFixed(3)}"`;
      if (c.failure === undefined) {
        lines.push(`${open}/>`);
      } else {
        lines.push(`${open}>`, `      <failure message="${attr(c.failure.message)}" type="mismatch">${text(c.failure.details)}</failure>`, '    </testcase>');
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function seconds(cases: readonly JUnitCase[]): string {
  return (cases.reduce((sum, c) => sum + c.durationMs, 0) / 1000).toFixed(3);
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? '';
}

/** Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. */
function clean(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function text(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
