import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * A build step (`npm run build:cli`): rewrites the CLI bundle so every character is ASCII. esbuild's
 * `--charset=ascii` escapes strings and templates but leaves regular expression literals as
 * written (`/[¥￥]/`, the Chinese date patterns). The launcher decodes an ASCII bundle as Latin-1,
 * 3–5× faster than Node 20 decodes UTF-8, and V8 keeps it as a one-byte string, half the size.
 */

/**
 * `text` with each non-ASCII UTF-16 unit written as `\uXXXX`. The same character to the engine
 * wherever esbuild leaves one (a regular expression, with or without the `u` flag, a comment),
 * since a surrogate pair escaped unit by unit is still the one code point.
 */
export function asciiOnly(text: string): string {
  return text.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// Run as a script (`tsx src/cli/ascii-bundle.ts FILE…`): rewrite each file in place.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const file of process.argv.slice(2)) writeFileSync(file, asciiOnly(readFileSync(file, 'utf8')));
}
