import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Files of the installed package, found by walking up from this module: it runs from src/server/
 * (tests) and from the bundle in dist/, so no fixed relative path serves both.
 */
export function packageRoot(): string | undefined {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    try {
      if (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name === 'sopwright') return dir;
    } catch {
      // No package.json here (or not ours): keep walking up.
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** The package's version, for the OpenAPI document. */
export function packageVersion(): string {
  const root = packageRoot();
  return root === undefined ? '0.0.0' : String(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
}

/** The folder of the desk's bundled page (dist/desk), when it has been built. */
export function deskAssetsDir(): string | undefined {
  const root = packageRoot();
  const dir = root === undefined ? undefined : join(root, 'dist', 'desk');
  return dir !== undefined && existsSync(join(dir, 'index.html')) ? dir : undefined;
}
