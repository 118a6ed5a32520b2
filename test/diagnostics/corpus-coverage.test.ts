import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codes, type DiagnosticCode } from '../../src/diagnostics/codes.js';

/**
 * The broken-rules corpus covers the compiler's diagnostics: every code of the stages `check`
 * runs (syntax, resolve, type, graph) must appear in at least one golden under
 * `test/fixtures/diagnostics/`. A new code without a fixture fails here; add a small
 * `<stage>-<code-name>.sop` that shows it and generate its golden (see golden.test.ts).
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = join(root, 'test/fixtures/diagnostics');

/** The stages whose codes the corpus must cover: what `compile` can report. */
const compilerStages = ['syntax/', 'resolve/', 'type/', 'graph/'];

/**
 * Codes no fixture can show, each with the reason. An exception a golden does cover fails the
 * test, so the list cannot go stale.
 */
const exceptions: Partial<Record<DiagnosticCode, string>> = {};

/** The codes in the headers of every golden (`path:line:col: error[code]: message`). */
function codesInGoldens(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.diag.txt'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    for (const [, code] of text.matchAll(/: (?:error|warning|info)\[([a-z]+\/[a-z-]+)\]: /g)) {
      found.set(code, [...(found.get(code) ?? []), name]);
    }
  }
  return found;
}

const compilerCodes = (Object.keys(codes) as DiagnosticCode[]).filter((c) => compilerStages.some((s) => c.startsWith(s)));

describe('the diagnostics corpus', () => {
  const covered = codesInGoldens();

  it('has a golden for every compiler diagnostic code', () => {
    const missing = compilerCodes.filter((c) => !covered.has(c) && !(c in exceptions));
    expect(missing).toEqual([]);
  });

  it('lists as exceptions only codes that exist and no golden covers', () => {
    const stale = Object.keys(exceptions).filter((c) => !compilerCodes.includes(c as DiagnosticCode) || covered.has(c));
    expect(stale).toEqual([]);
  });

  it('shows in its goldens only codes of the registry', () => {
    const unknown = [...covered.keys()].filter((c) => !(c in codes));
    expect(unknown).toEqual([]);
  });
});
