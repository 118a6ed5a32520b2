import * as fs from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { compile, type CompileHost } from '../../check/check.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatJson } from '../../diagnostics/format-json.js';
import { DEFAULT_MAX_ERRORS, formatReport } from '../../diagnostics/format-text.js';
import type { SourceFile } from '../../source/source-file.js';
import { ExitCode } from '../exit-codes.js';
import { describeFsError, filesUnder, printError, readText } from '../io.js';
import type { CliContext, CommandModule } from '../program.js';

/** `sopwright check FILE...`: compiles each policy and prints its diagnostics; silent when clean. */
export const checkCommand: CommandModule = {
  register(program, ctx) {
    program
      .command('check')
      .description('check policies for errors; prints nothing when they are clean')
      .argument('<paths...>', '.sop entry files, or directories to search for files with a `policy` header')
      .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
      .option('--json', 'the same as --format json')
      .option('--strict', 'exit 1 on warnings too')
      .option('--max-errors <n>', 'show at most n diagnostics in pretty output, 0 for all', parseCount, DEFAULT_MAX_ERRORS)
      .action((paths: string[], options: CheckOptions, command: Command) => {
        if (options.json && command.getOptionValueSource('format') === 'cli' && options.format !== 'json') {
          command.error('error: `--json` contradicts `--format pretty`');
        }
        ctx.setExitCode(runCheck(paths, options, ctx));
      });
  },
};

interface CheckOptions {
  readonly format: 'pretty' | 'json';
  readonly json?: boolean;
  readonly strict?: boolean;
  readonly maxErrors: number;
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, such as 20');
  return Number(value);
}

/** Checks every entry the paths name and prints the report; returns the exit code. */
function runCheck(paths: readonly string[], options: CheckOptions, ctx: CliContext): ExitCode {
  const read = cachedReader();
  const { entries, problems } = findEntries(paths, read);
  const host: CompileHost = { readFile: (file) => read(file).text };
  const diagnostics = new Map<string, Diagnostic>();
  const sources = new Map<string, SourceFile>();
  for (const entry of entries) {
    const { problem } = read(entry);
    if (problem !== undefined) {
      problems.push(problem);
      continue;
    }
    const result = compile(entry, host);
    // An imported file checked from several entries reports its problems once.
    for (const d of result.diagnostics) diagnostics.set(diagnosticKey(d), d);
    for (const [file, source] of result.sources) sources.set(file, source);
  }

  for (const message of problems) printError(ctx.stderr, message);
  const list = [...diagnostics.values()];
  if (options.json || options.format === 'json') ctx.stdout.write(formatJson(list, sources));
  else ctx.stderr.write(formatReport(list, sources, { color: ctx.stderr.color, maxErrors: options.maxErrors }));

  if (problems.length > 0) return ExitCode.usage;
  if (list.some((d) => d.severity === 'error')) return ExitCode.invalid;
  if (options.strict && list.some((d) => d.severity === 'warning')) return ExitCode.invalid;
  return ExitCode.ok;
}

type Reader = (file: string) => { readonly text?: string; readonly problem?: string };

/** Reads each file at most once: entries, the libraries several policies import, directory scans. */
function cachedReader(): Reader {
  const cache = new Map<string, ReturnType<Reader>>();
  return (file) => {
    let entry = cache.get(file);
    if (entry === undefined) {
      const result = readText(file);
      entry = result.ok ? { text: result.text } : { problem: result.message };
      cache.set(file, entry);
    }
    return entry;
  };
}

function diagnosticKey(d: Diagnostic): string {
  return [d.span.file, d.span.start, d.span.end, d.code, d.message].join('\0');
}

/**
 * The entry files: each file path as given, and in each directory (searched recursively, in
 * name order) every `.sop` file with a `policy` header. Files without one are libraries that
 * policies import; they are checked through those policies, not on their own.
 */
function findEntries(paths: readonly string[], read: Reader): { entries: string[]; problems: string[] } {
  const entries: string[] = [];
  const problems: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (error) {
      problems.push(`cannot read \`${p}\`: ${describeFsError(error)}`);
      continue;
    }
    if (!stat.isDirectory()) {
      entries.push(p);
      continue;
    }
    let files: string[];
    try {
      files = filesUnder(p, (name) => name.endsWith('.sop'));
    } catch (error) {
      problems.push(`cannot read \`${p}\`: ${describeFsError(error)}`);
      continue;
    }
    // An unreadable file stays an entry, so the problem is reported rather than skipped.
    const found = files.filter((file) => {
      const { text } = read(file);
      return text === undefined || hasPolicyHeader(text);
    });
    if (found.length === 0) problems.push(`no \`.sop\` file with a \`policy\` header in \`${p}\``);
    entries.push(...found);
  }
  return { entries, problems };
}


/**
 * Whether a file declares a policy: a line starting with `policy` and a name. Checked with a
 * pattern rather than the parser, so a file with syntax errors is still found and reported.
 */
function hasPolicyHeader(text: string): boolean {
  return /^[ \t]*policy[ \t]+[A-Za-z]/m.test(text);
}
