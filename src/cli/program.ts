import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { type CommandName, commandNames } from './command-names.js';
import type { Writable } from 'node:stream';
import type { Browser } from 'playwright-core';
import { ExitCode } from './exit-codes.js';
import * as io from './io.js';

/** What a command's action gets besides its arguments: the streams and a place for its exit code. */
export interface CliContext {
  readonly stdout: io.Writer;
  readonly stderr: io.Writer;
  /** Records the code the process exits with once the action returns (the last call wins). */
  setExitCode(code: ExitCode): void;
  /**
   * A browser the host lends for printing PDFs (a program running the CLI in-process, such as the
   * test suite with its shared Chromium). Without it a print launches its own browser, as the binary does.
   */
  readonly lentBrowser?: () => Promise<Browser>;
  /**
   * Where results streamed in bulk (`eval --cases` to standard output) go instead of the process's
   * stdout: a host running the CLI in-process collects them there. Default: process.stdout.
   */
  readonly stdoutStream?: Writable;
}

/** A command module: adds its command (`program.command('name')…action(…)`) to the program. */
export interface CommandModule {
  register(program: Command, ctx: CliContext): void;
}

/**
 * Every command (listed in command-names.ts, in the order `--help` lists them), each loaded when
 * it is needed: a run loads the module of the command it names and what that imports, not every
 * command's code (`check` need not compile the renderer, the server or the register). To add one,
 * write `src/cli/commands/<name>.ts` exporting a CommandModule, name it in command-names.ts and
 * add its loader here: nothing else needs to change. Register through `program.command(…)` (not
 * `new Command()` + `addCommand`), so the command inherits the usage-error handling set up below.
 */
const loaders: Record<CommandName, () => Promise<CommandModule>> = {
  init: async () => (await import('./commands/init.js')).initCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  eval: async () => (await import('./commands/eval.js')).evalCommand,
  schema: async () => (await import('./commands/schema.js')).schemaCommand,
  test: async () => (await import('./commands/test.js')).testCommand,
  render: async () => (await import('./commands/render.js')).renderCommand,
  graph: async () => (await import('./commands/graph.js')).graphCommand,
  register: async () => (await import('./commands/register.js')).registerCommand,
  ask: async () => (await import('./commands/ask.js')).askCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
};

/**
 * The commands a run needs: the one its first argument names, else all of them (`--help`,
 * `help check`, `--version`, a mistyped name that commander suggests a command for). A command's
 * own parsing, help and errors do not depend on its siblings.
 */
export async function commandsFor(args: readonly string[]): Promise<CommandModule[]> {
  const named = commandNames.find((name) => name === args[0]);
  return Promise.all((named ? [named] : commandNames).map((name) => loaders[name]()));
}

/**
 * Our package.json, found by walking up from this module: it sits at ../.. from src/cli/ and at
 * .. from the bundle in dist/, so no fixed relative path serves both.
 */
function packageInfo(): { version: string; description: string } {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      const info = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (info.name === 'sopwright') return info;
    } catch {
      // No package.json here (or not ours): keep walking up.
    }
    if (dirname(dir) === dir) throw new Error('cannot find the package.json of sopwright');
  }
}

/** Builds the commander program with the given commands; usage errors throw CommanderError instead of exiting. */
export function createProgram(ctx: CliContext, commands: readonly CommandModule[]): Command {
  const packageJson = packageInfo();
  const program = new Command('sopwright')
    .description(packageJson.description)
    .version(packageJson.version, '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'print help and exit')
    .helpCommand('help [command]', 'print help for a command')
    // Throw instead of calling process.exit, so runCli can map usage errors to exit code 2.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
      // Commander's messages start with "error: "; keep our own prefix in front of them.
      outputError: (text, write) => write(`sopwright: ${text}`),
    });
  for (const command of commands) command.register(program, ctx);
  for (const command of program.commands) {
    command.showHelpAfterError(`run \`sopwright ${command.name()} --help\` for usage`);
  }
  program.showHelpAfterError('run `sopwright --help` for usage');
  return program;
}

/** Runs the CLI on the user's arguments (without `node` and the script) and returns the exit code. */
export async function runCli(
  args: readonly string[],
  streams: { readonly stdout: io.Writer; readonly stderr: io.Writer; readonly lentBrowser?: () => Promise<Browser>; readonly stdoutStream?: Writable } = io,
): Promise<ExitCode> {
  let exitCode: ExitCode = ExitCode.ok;
  const ctx: CliContext = {
    stdout: streams.stdout,
    stderr: streams.stderr,
    setExitCode: (code) => (exitCode = code),
    lentBrowser: streams.lentBrowser,
    stdoutStream: streams.stdoutStream,
  };
  try {
    await createProgram(ctx, await commandsFor(args)).parseAsync([...args], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // --help and --version exit 0; every usage mistake (commander's exit code 1) is ours 2.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  return exitCode;
}
