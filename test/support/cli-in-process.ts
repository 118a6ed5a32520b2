import { runCli } from '../../src/cli/program.js';
import type { CliResult } from './cli.js';

/**
 * Runs the CLI in this process with captured streams: the same program as bin/, without the
 * cost of starting Node, for tests that make many runs. Exit codes and outputs are the same;
 * what only the process shows (a crash becoming exit 70) needs the real binary (support/cli.ts).
 */
export async function runCliInProcess(args: readonly string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (t) => void (stdout += t), color: false },
    stderr: { write: (t) => void (stderr += t), color: false },
  });
  return { code, stdout, stderr };
}
