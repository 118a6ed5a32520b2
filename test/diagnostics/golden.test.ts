import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/check/check.js';
import { readText } from '../../src/cli/io.js';
import { formatReport } from '../../src/diagnostics/format-text.js';
import { messageLocales } from '../../src/diagnostics/locale.js';

/**
 * Diagnostics goldens (style guide 2.6): every `test/fixtures/diagnostics/*.sop` is compiled and
 * its pretty output, uncoloured, exactly as `sopwright check` prints it to stderr, is compared
 * with `<name>.diag.txt` next to it. To add a case, drop in a `.sop` file and run
 * `npx vitest run --config test/vitest.config.ts test/diagnostics/golden.test.ts -u`, then review
 * the new `.diag.txt` in the diff. Files a fixture imports belong in a subdirectory (only the
 * directory's own `.sop` files are entries). With `CI` set, a missing golden fails.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = 'test/fixtures/diagnostics';
const fixtures = readdirSync(join(root, dir))
  .filter((name) => name.endsWith('.sop'))
  .sort();

/** Compiles a fixture with paths relative to the repository root, as a user would type them, so goldens are portable. */
function compileFixture(name: string) {
  return compile(`${dir}/${name}`, {
    readFile: (path) => {
      const read = readText(join(root, path));
      return read.ok ? read.text : undefined;
    },
  });
}

describe('diagnostics goldens', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  // Each fixture has a golden per locale: `<name>.diag.txt` (English) and `<name>.zh-CN.diag.txt`.
  it.each(fixtures.flatMap((name) => messageLocales.map((locale) => [name, locale] as const)))('%s (%s)', async (name, locale) => {
    const result = compileFixture(name);
    const text = formatReport(result.diagnostics, result.sources, { color: false, locale }).replace(/\r\n/g, '\n');
    const golden = name.replace(/\.sop$/, locale === 'en' ? '.diag.txt' : `.${locale}.diag.txt`);
    await expect(text).toMatchFileSnapshot(join(root, dir, golden));
  });

  it.each(fixtures)('%s: every diagnostic comes from the message registry, so it prints in every locale', (name) => {
    const plain = compileFixture(name).diagnostics.filter((d) => d.i18n === undefined);
    expect(plain.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  });

  it('keeps no golden without its fixture', () => {
    const goldens = readdirSync(join(root, dir)).filter((name) => name.endsWith('.diag.txt'));
    const orphans = goldens.filter((g) => !fixtures.includes(g.replace(/(\.zh-CN)?\.diag\.txt$/, '.sop')));
    expect(orphans).toEqual([]);
  });
});
