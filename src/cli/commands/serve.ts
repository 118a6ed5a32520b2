import { readText, printError } from '../io.js';
import { ExitCode } from '../exit-codes.js';
import type { CliContext, CommandModule } from '../program.js';
import { reportRegisterError } from '../register-db.js';
import { defaultRegisterFile, lockTimeoutFrom, openRegisterAt } from '../../workflows/register.js';

/** `sopwright serve [PATH…] [--port N] [--host H] [--token-file F] [--db FILE|URL]`: the HTTP API, the desk and the register for the shop. */
export const serveCommand: CommandModule = {
  register(program, ctx) {
    program
      .command('serve')
      .description('serve the policies: the HTTP API under /v1 and the desk page for staff at /')
      .argument('[paths...]', 'policy files, or folders searched for `.sop` files with a `policy` header (default: .)')
      .option('--port <n>', 'the port to listen on (0: any free port)', '8737')
      .option('--host <address>', 'the address to listen on; any other than loopback needs an access token', '127.0.0.1')
      .option('--token-file <file>', 'a file holding the access token (or set SOPWRIGHT_TOKEN)')
      .option('--db <file|url>', 'the after-sales register: a SQLite file (created on first use) or a postgres:// URL', defaultRegisterFile)
      .addHelpText('after', '\nExit codes: 0 stopped (Ctrl-C), 2 usage error, no policy to serve, or the address cannot be used,\n4 the register database cannot be used (missing, unreachable, read-only, locked, not a register), 5 it has a newer schema.')
      .action(async (paths: string[], options: ServeOptions) => ctx.setExitCode(await runServe(paths, options, ctx)));
  },
};

interface ServeOptions {
  readonly port: string;
  readonly host: string;
  readonly tokenFile?: string;
  readonly db: string;
}

/** Addresses only this machine can reach: the only ones served without a token. */
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

async function runServe(paths: readonly string[], options: ServeOptions, ctx: CliContext): Promise<ExitCode> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    printError(ctx.stderr, `\`--port\` must be a whole number from 0 to 65535, got \`${options.port}\``);
    return ExitCode.usage;
  }
  const token = readToken(options.tokenFile, ctx);
  if (token === null) return ExitCode.usage;
  if (token === undefined && !LOOPBACK.has(options.host)) {
    printError(ctx.stderr, `listening on \`${options.host}\` lets other machines in: give an access token with \`--token-file FILE\` or SOPWRIGHT_TOKEN`);
    return ExitCode.usage;
  }
  // Loaded here, not at start-up: Fastify serves only this command.
  const [{ openPolicyStore }, { createServer }] = await Promise.all([import('../../workflows/policy-store.js'), import('../../server/app.js')]);
  const store = openPolicyStore(paths.length > 0 ? paths : ['.'], {
    watch: true,
    onReload: (report) => {
      for (const r of report.refused) printError(ctx.stderr, `refused the new version of \`${r.entry}\`; still serving the last good one:\n${r.reason}`);
      if (report.refused.length === 0) ctx.stderr.write(`sopwright: reloaded ${report.served.map((p) => `${p.id} ${p.version ?? ''} ${p.hash.slice(0, 12)}`.trim()).join(', ')}\n`);
    },
  });
  const first = store.report();
  for (const message of first.problems) printError(ctx.stderr, message);
  for (const r of first.refused) ctx.stderr.write(r.reason);
  if (first.served.length === 0) {
    store.close();
    printError(ctx.stderr, 'no policy to serve');
    return ExitCode.usage;
  }
  // The register is opened (created and migrated on first use) before listening: a database that
  // cannot be used stops the server at once, with its reason and exit code.
  const opened = await openRegisterAt(options.db, { lockTimeoutMs: lockTimeoutFrom(process.env) });
  if ('error' in opened) {
    store.close();
    return reportRegisterError(opened.error, ctx.stderr);
  }
  const register = opened.register;
  const app = await createServer(store, { token, register });
  try {
    await app.listen({ port, host: options.host });
  } catch (error) {
    store.close();
    await register.close().catch(() => undefined);
    printError(ctx.stderr, `cannot listen on ${options.host}:${port}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return ExitCode.usage;
  }
  const address = app.server.address();
  const shown = typeof address === 'object' && address !== null ? `${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` : String(address);
  ctx.stdout.write(`sopwright: serving ${first.served.map((p) => p.id).join(', ')} at http://${shown}/\n`);
  ctx.stderr.write(`sopwright: the register is ${register.where}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  store.close();
  await app.close();
  await register.close().catch(() => undefined);
  return ExitCode.ok;
}

/** The access token: from `--token-file`, else SOPWRIGHT_TOKEN; null after printing why it cannot be read. */
function readToken(file: string | undefined, ctx: CliContext): string | undefined | null {
  if (file !== undefined) {
    const read = readText(file);
    if (!read.ok) {
      printError(ctx.stderr, read.message);
      return null;
    }
    const token = read.text.trim();
    if (token === '') {
      printError(ctx.stderr, `\`${file}\` holds no token`);
      return null;
    }
    return token;
  }
  const env = process.env.SOPWRIGHT_TOKEN?.trim();
  return env === undefined || env === '' ? undefined : env;
}
