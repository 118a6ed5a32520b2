/**
 * Why the register could not do what was asked. Every failure a user can cause (a missing,
 * read-only, locked or newer database, an unknown entry, a move the status rules forbid) is one of
 * these, phrased for people; the CLI maps `kind` to an exit code and the API to an HTTP status.
 */

/** The kinds of failure. */
export type RegisterErrorKind =
  /** No register at that place (a file that does not exist, a PostgreSQL database that does not). */
  | 'missing'
  /** The database cannot be written (file permissions, a read-only file system or role). */
  | 'read-only'
  /** Another process holds the database's lock longer than we wait. */
  | 'locked'
  /** The database was migrated by a newer sopwright: its schema version is above ours. */
  | 'newer-schema'
  /** The database cannot be reached or opened (server down, bad credentials, not a database file). */
  | 'unavailable'
  /** No entry with that id. */
  | 'not-found'
  /** The status rules forbid the move, or another desk moved the case first. */
  | 'invalid-transition'
  /** A request the register refuses (an empty staff name, an unknown status…). */
  | 'invalid-input';

/** A register failure with a message for people and, where it helps, how to fix it. */
export class RegisterError extends Error {
  constructor(
    readonly kind: RegisterErrorKind,
    message: string,
    readonly help?: string,
    /** The values that would have been accepted (statuses, moves), when there are few. */
    readonly allowed?: readonly string[],
  ) {
    super(message);
    this.name = 'RegisterError';
  }
}

/** True for a RegisterError (across module copies, by name). */
export function isRegisterError(error: unknown): error is RegisterError {
  return error instanceof RegisterError;
}
