import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { MessageLocale } from '../diagnostics/locale.js';
import { builtinTemplatesDir } from '../render/template-loader.js';
import { describeFsError, writeFileAtomic } from './files.js';

/**
 * `sopwright init`: a starting point for a new shop, in the supervisor's language. A small
 * commented policy (three outcomes, a triage and a decision by value, departments, a constant and
 * a deadline of each kind), its tests at full coverage and one example case; they pass
 * `check --strict` and `test` as written (test/workflows/init.test.ts runs them). The texts live in
 * `templates/init/`, one file per locale.
 */

/** The files a new project gets: where each goes, and its template (`<name>.<locale>.<ext>`). */
const FILES = [
  { path: 'policy.sop', template: (l: MessageLocale) => `policy.${l}.sop` },
  { path: 'policy.test.yaml', template: (l: MessageLocale) => `policy.test.${l}.yaml` },
  { path: join('cases', 'example.yaml'), template: (l: MessageLocale) => `example.${l}.yaml` },
] as const;

export type InitResult =
  | { readonly ok: true; readonly written: readonly string[] }
  /** Nothing was written: `existing` files would have been overwritten, or writing failed. */
  | { readonly ok: false; readonly existing: readonly string[]; readonly problem?: string };

/** Writes the starter files into `dir` (created if missing), or nothing when any of them exists. */
export function initPolicyProject(dir: string, locale: MessageLocale): InitResult {
  const targets = FILES.map((f) => ({ to: join(dir, f.path), from: join(builtinTemplatesDir(), 'init', f.template(locale)) }));
  const existing = targets.filter((t) => existsSync(t.to)).map((t) => t.to);
  if (existing.length > 0) return { ok: false, existing };
  const written: string[] = [];
  try {
    for (const t of targets) {
      mkdirSync(join(t.to, '..'), { recursive: true });
      writeFileAtomic(t.to, readFileSync(t.from, 'utf8'));
      written.push(t.to);
    }
  } catch (error) {
    return { ok: false, existing: [], problem: `${relative('.', written.at(-1) ?? dir) || dir}: ${describeFsError(error)}` };
  }
  return { ok: true, written };
}
