import { ensureBuilt } from './cli.js';

/**
 * Builds dist/ once before the run when the sources are newer (vitest globalSetup). Tests that
 * spawn the binary, load the desk or type-check against the declarations need it; a fresh
 * `npm ci` has already built it, so an unchanged tree costs only a walk over the file times.
 */
export default function setup(): void {
  ensureBuilt();
}
