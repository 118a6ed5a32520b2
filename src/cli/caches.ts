import * as path from 'node:path';
import { ExitCode } from './exit-codes.js';

/**
 * Where the CLI keeps what makes the next run start faster (V8's code cache, code-cache.ts; the
 * time-zone answers, zone-cache.ts): dist/code-cache/ beside the bundle, the directory
 * SOPWRIGHT_CODE_CACHE names, or nowhere with SOPWRIGHT_CODE_CACHE=off.
 */
export function cacheDirectory(env: NodeJS.ProcessEnv, bundleDir: string): string | undefined {
  const setting = env.SOPWRIGHT_CODE_CACHE;
  return setting === 'off' ? undefined : setting || path.join(bundleDir, 'code-cache');
}

/**
 * Whether a run that ends with `code` may leave caches: only one that did its whole job. A run that
 * stopped at a usage error or crashed learnt little, and a valid cache is not rewritten, so it would
 * stay that thin.
 */
export function mayLeaveCaches(code: number): boolean {
  return code === ExitCode.ok || code === ExitCode.invalid || code === ExitCode.undecided;
}
