import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { code, msg } from '../diagnostics/message.js';
import type { PolicyDecl, RequireDecl } from '../syntax/ast.js';
import type { FactDef, LocaleText, RequirementDef } from '../graph/graph.js';
import { isTimeZone } from '../values/zone.js';
import type { ExprTyper } from './typing.js';

/** The parts of the graph time adds: the policy's zone, the built-in `now`, rules on the facts. */

/** The policy's `timezone`, checked against the platform's zone names; null when absent or unknown (reported). */
export function timezoneOf(policy: PolicyDecl, diagnostics: Diagnostic[]): string | null {
  const tz = policy.timezone;
  if (!tz) return null;
  if (isTimeZone(tz.value)) return tz.value;
  diagnostics.push(diagnostic('type/unknown-timezone', tz.span, msg('time.unknown-timezone', { zone: code(tz.value) }), { help: msg('time.unknown-timezone.help') }));
  return null;
}

const nowLabels: Readonly<Record<string, string>> = { 'zh-CN': '当前时间', en: 'The current moment' };
const nowAsks: Readonly<Record<string, string>> = { 'zh-CN': '现在是什么时间？', en: 'What is the time now?' };

/** The built-in fact `now`: the moment of evaluation, a datetime a case gives (never assumed). */
export function nowFact(locales: readonly string[]): FactDef {
  const text = (table: Readonly<Record<string, string>>): LocaleText =>
    Object.fromEntries(locales.map((l) => [l, table[/^zh/i.test(l) ? 'zh-CN' : 'en']]));
  return {
    id: 'now', label: text(nowLabels), doc: null, span: { file: '<built-in>', start: 0, end: 0 },
    type: { kind: 'datetime' }, ask: text(nowAsks), notes: [],
  };
}

/** A `require` rule: its condition must be a yes/no expression. */
export function requirement(d: RequireDecl, base: Omit<RequirementDef, 'condition'>, typer: ExprTyper): RequirementDef | null {
  const condition = typer.condition(d.condition);
  return condition && { ...base, condition };
}
