import * as fs from 'node:fs';
import * as path from 'node:path';
import { InvalidArgumentError } from 'commander';
import type { DecisionGraph } from '../../graph/graph.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { sourceFile, type SourceFile } from '../../source/source-file.js';
import { CoverageCollector } from '../../eval/testing/coverage.js';
import { junitXml } from '../../eval/testing/junit.js';
import { testMessages } from '../../eval/messages.js';
import { countResults, formatTestReport, toJsonTestReport, toJUnitSuites, type FileReport, type PolicyCoverage } from '../../eval/testing/test-report.js';
import { ExitCode } from '../exit-codes.js';
import { describeFsError, filesUnder, printError, readText, writeFileAtomic } from '../io.js';
import type { CliContext, CommandModule } from '../program.js';
import { compileFile } from '../policy.js';

/** `sopwright test [PATHS…]`: runs the `*.test.yaml` files beside policies. */
export const testCommand: CommandModule = {
  register(program, ctx) {
    program
      .command('test')
      .description('run policy tests (*.test.yaml): each a case and the outcome, values or needs it must give')
      .argument('[paths...]', 'test files, or directories to search for *.test.yaml', ['.'])
      .option('--json', 'print the report as JSON')
      .option('--junit <file>', 'also write a JUnit XML report to this file')
      .option('--coverage', 'report branches and outcomes no test reaches')
      .option('--min-coverage <percent>', 'fail when branch or outcome coverage is below this (implies --coverage)', parsePercent)
      .option('--locale <locale>', 'language of messages: zh-CN or en (default: en)')
      .addHelpText('after', '\nExit codes: 0 all passed, 1 a test failed (or coverage is below --min-coverage), 2 usage error or a policy with errors.')
      .action(async (paths: string[], options: TestOptions) => ctx.setExitCode(await runTests(paths, options, ctx)));
  },
};

interface TestOptions {
  readonly json?: boolean;
  readonly junit?: string;
  readonly coverage?: boolean;
  readonly minCoverage?: number;
  readonly locale?: string;
}

function parsePercent(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('expected a percentage from 0 to 100, such as 90');
  return n;
}

/** A compiled policy, or the errors that kept it from compiling. */
type Compiled = { readonly graph: DecisionGraph; readonly coverage: CoverageCollector } | { readonly errors: readonly Diagnostic[] };

async function runTests(paths: readonly string[], options: TestOptions, ctx: CliContext): Promise<ExitCode> {
  // Loaded here, not at start-up: the test reader brings the YAML parser and the schema validator (ajv).
  const { parseTestFile, runTestFile } = await import('../../eval/testing/policy-tests.js');
  const t = testMessages(options.locale);
  const { files, problems } = findTestFiles(paths);
  for (const p of problems) printError(ctx.stderr, p);
  if (problems.length > 0) return ExitCode.usage;
  if (files.length === 0) {
    printError(ctx.stderr, t.noTests);
    return ExitCode.usage;
  }

  const sources = new Map<string, SourceFile>();
  const policies = new Map<string, Compiled>();
  const reports: FileReport[] = [];
  let policyErrors = false;
  for (const file of files) {
    const read = readText(file);
    if (!read.ok) {
      printError(ctx.stderr, read.message);
      return ExitCode.usage;
    }
    const source = sourceFile(file, read.text);
    sources.set(file, source);
    const parsed = parseTestFile(source, options.locale);
    if (parsed.value === undefined) {
      reports.push({ file, policy: null, tests: [], diagnostics: parsed.diagnostics });
      continue;
    }
    const policyPath = path.join(path.dirname(file), parsed.value.policy.path);
    let compiled = policies.get(policyPath);
    if (compiled === undefined) {
      compiled = compilePolicy(policyPath, sources);
      policies.set(policyPath, compiled);
    }
    if ('errors' in compiled) {
      policyErrors = true;
      reports.push({ file, policy: policyPath, tests: [], diagnostics: compiled.errors });
      continue;
    }
    const tests = runTestFile(compiled.graph, parsed.value, options.locale);
    for (const test of tests) if (test.result) compiled.coverage.add(test.result);
    reports.push({ file, policy: policyPath, tests, diagnostics: [] });
  }

  const wantCoverage = options.coverage === true || options.minCoverage !== undefined;
  const coverage: PolicyCoverage[] | null = wantCoverage
    ? [...policies].flatMap(([policy, c]) => ('coverage' in c ? [{ policy, coverage: c.coverage.report() }] : []))
    : null;

  if (options.json) ctx.stdout.write(`${JSON.stringify(toJsonTestReport(reports, coverage, sources), null, 2)}\n`);
  else ctx.stdout.write(formatTestReport(reports, coverage, sources, { locale: options.locale, color: ctx.stdout.color }));

  if (options.junit !== undefined) {
    try {
      writeFileAtomic(options.junit, junitXml(toJUnitSuites(reports, sources, options.locale)));
    } catch (error) {
      printError(ctx.stderr, `cannot write \`${options.junit}\`: ${describeFsError(error)}`);
      return ExitCode.usage;
    }
  }

  let belowMinimum = false;
  if (options.minCoverage !== undefined) {
    for (const { coverage: c } of coverage ?? []) {
      for (const [kind, count] of [[t.branches, c.branches], [t.outcomes, c.outcomes]] as const) {
        if (count.percent < options.minCoverage) {
          belowMinimum = true;
          printError(ctx.stderr, t.belowMinimum(kind, count.percent.toFixed(1), options.minCoverage));
        }
      }
    }
  }
  if (policyErrors) return ExitCode.usage;
  return countResults(reports).failed > 0 || belowMinimum ? ExitCode.invalid : ExitCode.ok;
}

function compilePolicy(policyPath: string, sources: Map<string, SourceFile>): Compiled {
  const result = compileFile(policyPath);
  for (const [file, source] of result.sources) sources.set(file, source);
  if (result.graph === undefined) return { errors: result.diagnostics.filter((d) => d.severity === 'error') };
  return { graph: result.graph, coverage: new CoverageCollector(result.graph) };
}

const TEST_FILE = /\.test\.ya?ml$/;

/** Test files: each file as given, and every `*.test.yaml` under each directory (sorted; hidden directories and node_modules skipped). */
function findTestFiles(paths: readonly string[]): { files: string[]; problems: string[] } {
  const files: string[] = [];
  const problems: string[] = [];
  for (const p of paths) {
    try {
      if (fs.statSync(p).isDirectory()) files.push(...filesUnder(p, (name) => TEST_FILE.test(name)));
      else files.push(p);
    } catch (error) {
      problems.push(`cannot read \`${p}\`: ${describeFsError(error)}`);
    }
  }
  return { files: [...new Set(files)], problems };
}

