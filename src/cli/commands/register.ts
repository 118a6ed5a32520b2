import { InvalidArgumentError, Option, type Command } from 'commander';
import { formatDiagnostics } from '../../diagnostics/format-text.js';
import {
  defaultRegisterFile, entryStatuses, exportRegisterDay, formatEntryText, formatListText, isMoment, maxPage, type EntryStatus, type Register,
} from '../../workflows/register.js';
import { ExitCode } from '../exit-codes.js';
import type { CliContext, CommandModule } from '../program.js';
import { withRegister } from '../register-db.js';
import { printError } from '../io.js';

/** `sopwright register list|show|export`: reads the after-sales register (never writes it). */
export const registerCommand: CommandModule = {
  register(program, ctx) {
    const command = program
      .command('register')
      .description('read the after-sales register: list entries, show one with its history, export a day');
    command.addHelpText('after', '\nExit codes: 0 done, 1 no such entry or a bad filter, 2 usage, 4 the database cannot be used, 5 the database is newer than this sopwright.');
    listCommand(command, ctx);
    showCommand(command, ctx);
    exportCommand(command, ctx);
  },
};

interface DbOptions {
  readonly db: string;
  readonly locale: string;
  readonly json?: boolean;
  readonly now?: Date;
}

function moment(text: string): Date {
  if (!isMoment(text)) throw new InvalidArgumentError('must be an ISO 8601 moment with an offset, such as 2026-12-02T18:00:00+08:00');
  return new Date(text);
}

function withDb(command: Command): Command {
  return command
    .option('--db <file|url>', 'the register: a SQLite file, or a PostgreSQL URL (postgres://…)', defaultRegisterFile)
    .addOption(new Option('--locale <locale>', 'language of the output').choices(['zh-CN', 'en']).default('zh-CN'))
    .option('--now <moment>', 'judge "overdue" (and "today") at this moment instead of the clock', moment);
}

/** Opens the register read-only and runs `fn`. */
function reading(options: DbOptions, ctx: CliContext, fn: (register: Register) => Promise<ExitCode>): Promise<ExitCode> {
  const now = options.now;
  return withRegister(options.db, { readonly: true, ...(now ? { clock: () => now } : {}) }, ctx.stderr, fn);
}

interface ListOptions extends DbOptions {
  readonly day?: string;
  readonly status?: EntryStatus;
  readonly owner?: string;
  readonly outcome?: string;
  readonly overdue?: boolean;
  readonly limit: number;
  readonly after?: string;
}

function pageSize(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > maxPage) throw new InvalidArgumentError(`must be a whole number from 1 to ${maxPage}`);
  return n;
}

function listCommand(parent: Command, ctx: CliContext): void {
  withDb(parent.command('list'))
    .description('list entries, oldest first, a page at a time')
    .option('--day <YYYY-MM-DD>', 'only cases recorded that day')
    .addOption(new Option('--status <status>', 'only cases in this status').choices([...entryStatuses]))
    .option('--owner <department>', 'only cases owned by this department (its id)')
    .option('--outcome <outcome>', 'only cases with this outcome (its id)')
    .option('--overdue', 'only cases past their due moment and not yet done')
    .option('--limit <n>', `entries per page (1–${maxPage})`, pageSize, 50)
    .option('--after <cursor>', 'the next page: the cursor the previous page printed')
    .option('--json', 'print `{ entries, next }` as JSON')
    .action(async (options: ListOptions) => {
      ctx.setExitCode(await reading(options, ctx, async (register) => {
        const page = await register.list({ ...options, limit: options.limit });
        if (options.json) ctx.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
        else ctx.stdout.write(formatListText(page, { locale: options.locale, now: register.now() }));
        return ExitCode.ok;
      }));
    });
}

function showCommand(parent: Command, ctx: CliContext): void {
  withDb(parent.command('show'))
    .description('show one entry with its full history')
    .argument('<id>', 'the entry number')
    .option('--json', 'print the entry as JSON')
    .action(async (id: string, options: DbOptions) => {
      ctx.setExitCode(await reading(options, ctx, async (register) => {
        const entry = await register.get(/^\d+$/.test(id) ? Number(id) : Number.NaN);
        if (options.json) ctx.stdout.write(`${JSON.stringify(entry, null, 2)}\n`);
        else ctx.stdout.write(formatEntryText(entry, { locale: options.locale, now: register.now() }));
        return ExitCode.ok;
      }));
    });
}

interface ExportOptions extends DbOptions {
  readonly day?: string;
  readonly format: 'csv' | 'jsonl' | 'html' | 'pdf';
  readonly output: string;
  readonly browser?: string;
}

function exportCommand(parent: Command, ctx: CliContext): void {
  withDb(parent.command('export'))
    .description('export one day of the register: CSV, JSON Lines (replays through `eval --cases`), or the printable sheet (HTML, PDF)')
    .option('--day <YYYY-MM-DD>', 'the day (default: today)')
    .addOption(new Option('--format <format>', 'what to write').choices(['csv', 'jsonl', 'html', 'pdf']).default('csv'))
    .option('-o, --output <path>', 'the file to write, or `-` for standard output (not pdf)', '-')
    .option('--browser <path>', 'the Chromium or Chrome that prints PDF (default: $SOPWRIGHT_BROWSER, else /usr/bin/chromium…)')
    .action(async (options: ExportOptions, command: Command) => {
      if (options.format === 'pdf' && options.output === '-') command.error('error: a PDF cannot be written to standard output; give a file with `-o`');
      ctx.setExitCode(await reading(options, ctx, async (register) => {
        const toStdout = options.output === '-';
        const made = await exportRegisterDay(register, {
          ...options, day: options.day ?? register.day(), env: process.env, output: toStdout ? undefined : options.output,
          runningBrowser: options.format === 'pdf' ? await ctx.lentBrowser?.() : undefined,
        });
        for (const p of made.problems) printError(ctx.stderr, p);
        if (made.diagnostics.length > 0) ctx.stderr.write(formatDiagnostics(made.diagnostics, new Map(), { color: ctx.stderr.color }));
        if (made.failure !== undefined) return ExitCode.usage;
        if (toStdout) ctx.stdout.write(typeof made.data === 'string' ? made.data : Buffer.from(made.data!).toString('utf8'));
        return ExitCode.ok;
      }));
    });
}
