/**
 * The exit codes of the `sopwright` command, as documented in the README. Scripts and CI jobs
 * branch on these numbers, so a value never changes meaning once released.
 */
export const ExitCode = {
  /** Success: the rules are clean (warnings allowed unless `--strict`), or the command did its job. */
  ok: 0,
  /** The rules have errors (or warnings under `--strict`), or a case file is invalid. */
  invalid: 1,
  /**
   * Bad command-line usage (unknown option, missing argument) or an input that cannot be read.
   * `eval` also uses it when the policy itself has errors, so a caller can tell "your case is
   * wrong" (1) from "the rules you evaluate against are broken" (2).
   */
  usage: 2,
  /** `eval` only: the case is valid but does not carry enough facts to reach an outcome. */
  undecided: 3,
  /**
   * `register` and `serve --db`: the register database cannot be used — missing, unreachable,
   * read-only, locked by another process, or not a register.
   */
  database: 4,
  /** `register` and `serve --db`: the register was written by a newer sopwright (its schema version is above ours). */
  newerSchema: 5,
  /** `ask` only: stopped with Ctrl-C before the interview ended. */
  interrupted: 130,
  /** A bug in sopwright (an uncaught exception); the message asks the user to report it. */
  internal: 70,
} as const;

/** One of the documented exit codes. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
