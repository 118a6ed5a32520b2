import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EvalResult } from '../eval/trace.js';
import type { DecisionGraph } from '../graph/graph.js';
import { decideCase } from '../register/record-case.js';
import { withClockNow } from './interview.js';
import type { PolicyRef } from '../register/entry.js';
import type { RegisterEntry } from '../register/entry.js';
import { RegisterError } from '../register/errors.js';
import { sheetRow, toCsv, toJsonl } from '../register/export.js';
import { openRegister, type OpenRegisterOptions } from '../register/open.js';
import { sheetModel } from '../register/sheet.js';
import type { Register } from '../register/store.js';
import type { Browser } from 'playwright-core';
import { findBrowser, printPdf } from '../render/pdf.js';
import { loadTemplates } from '../render/template-loader.js';
import { describeFsError, writeFileAtomic } from './files.js';

/**
 * The after-sales register for front ends: open it (a failure is a value, never a throw), and
 * export a day as CSV, JSON Lines or the printable sheet (HTML, or PDF through Chromium).
 */

export { defaultRegisterFile, isPostgresUrl, type OpenRegisterOptions } from '../register/open.js';
export { entryStatuses, isEntryStatus, isOverdue, type EntryStatus, type RegisterEntry } from '../register/entry.js';
export { RegisterError, type RegisterErrorKind } from '../register/errors.js';
export { maxPage, type EntryPage, type ListQuery, type Register } from '../register/store.js';
export { isMoment } from '../register/time.js';
export { policyRef, policyHash } from '../register/record-case.js';
export { formatEntryText, formatListText } from '../register/format-text.js';

/** An open register, or why it could not be opened. */
export type OpenedRegister = { readonly register: Register } | { readonly error: RegisterError };

/** Opens the register at a file or PostgreSQL URL; a user's problem comes back as `error`. */
export async function openRegisterAt(location: string, opts: OpenRegisterOptions = {}): Promise<OpenedRegister> {
  try {
    return { register: await openRegister(location, opts) };
  } catch (error) {
    if (error instanceof RegisterError) return { error };
    throw error;
  }
}

/** `SOPWRIGHT_LOCK_TIMEOUT_MS` in an environment: how long to wait for another desk's lock. */
export function lockTimeoutFrom(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const text = env.SOPWRIGHT_LOCK_TIMEOUT_MS;
  return text !== undefined && /^\d{1,7}$/.test(text) ? Number(text) : undefined;
}

/** The formats a day of the register is exported in. */
export type RegisterExportFormat = 'csv' | 'jsonl' | 'html' | 'pdf';

/** Options of `exportRegisterDay`. */
export interface RegisterExportOptions {
  readonly day: string;
  readonly format: RegisterExportFormat;
  readonly locale: string;
  /** The file to write whole; none: the data is returned. */
  readonly output?: string;
  readonly browser?: string;
  /** The environment the browser is looked up in (`SOPWRIGHT_BROWSER`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A browser already running to print in (as `buildHandbook`'s), instead of launching the one found. */
  readonly runningBrowser?: Browser;
}

/** The exported day, or the step it stopped at (no browser, printing, writing) and why. */
export interface RegisterExport {
  readonly data: string | Uint8Array | undefined;
  readonly failure: 'browser' | 'print' | 'write' | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly problems: readonly string[];
}

/** Every entry of a day, oldest first. */
export async function entriesOfDay(register: Register, day: string): Promise<RegisterEntry[]> {
  const entries: RegisterEntry[] = [];
  for await (const e of register.all({ day })) entries.push(e);
  return entries;
}

async function render(entries: readonly RegisterEntry[], opts: RegisterExportOptions, now: Date): Promise<Omit<RegisterExport, 'failure'> & { failure?: RegisterExport['failure'] }> {
  const none = { diagnostics: [], problems: [] };
  if (opts.format === 'jsonl') return { data: toJsonl(entries), ...none };
  if (opts.format === 'csv') return { data: toCsv(entries.map((e) => sheetRow(e, { locale: opts.locale, now })), opts.locale), ...none };
  let browserPath: string | undefined;
  if (opts.format === 'pdf') {
    const found = findBrowser(opts.browser, opts.env ?? {});
    if ('diagnostic' in found) return { data: undefined, failure: 'browser', diagnostics: [found.diagnostic], problems: [] };
    browserPath = found.path;
  }
  const { templates, problems } = loadTemplates();
  if (problems.length > 0) throw new Error(`internal error: the built-in templates cannot be read: ${problems.join('; ')}`);
  // Loaded here: Handlebars serves only the exports that render.
  const { renderRegisterSheet, renderRegisterFurniture } = await import('../render/register-sheet.js');
  const model = sheetModel(entries, { locale: opts.locale, day: opts.day, now });
  const html = renderRegisterSheet(model, templates);
  if (html.text === undefined) throw new Error(`internal error: the register sheet template failed: ${html.diagnostics.map((d) => d.message).join('; ')}`);
  if (browserPath === undefined) return { data: html.text, ...none };
  const page = renderRegisterFurniture(model, templates);
  if (page.furniture === undefined) throw new Error(`internal error: the register page templates failed: ${page.diagnostics.map((d) => d.message).join('; ')}`);
  try {
    const margin = { top: '16mm', right: '12mm', bottom: '16mm', left: '12mm' };
    return { data: await printPdf(html.text, { browserPath, browser: opts.runningBrowser, furniture: page.furniture, landscape: true, margin }), ...none };
  } catch (error) {
    return { data: undefined, failure: 'print', diagnostics: [], problems: [`cannot print the PDF with \`${browserPath}\`: ${(error as Error).message.split('\n')[0]}`] };
  }
}

/** Exports one day of the register, written whole to `output` when one is given. */
export async function exportRegisterDay(register: Register, opts: RegisterExportOptions): Promise<RegisterExport> {
  const made = await render(await entriesOfDay(register, opts.day), opts, register.now());
  if (made.data === undefined || opts.output === undefined) return { failure: undefined, ...made };
  try {
    writeFileAtomic(opts.output, made.data);
  } catch (error) {
    return { data: undefined, failure: 'write', diagnostics: [], problems: [`cannot write \`${opts.output}\`: ${describeFsError(error)}`] };
  }
  return { failure: undefined, ...made };
}

/** What a desk sends to record a case. */
export interface RecordRequest {
  readonly case: unknown;
  readonly staff?: unknown;
  readonly account?: unknown;
  readonly note?: unknown;
}

/** The recorded entry, or why nothing was recorded: a request the register refuses, or the evaluation's answer. */
export type RecordedCase =
  | { readonly entry: RegisterEntry }
  | { readonly refused: 'invalid-input'; readonly error: RegisterError }
  | { readonly refused: 'invalid'; readonly diagnostics: readonly Diagnostic[] }
  | { readonly refused: 'undecided' | 'error'; readonly result: EvalResult };

/**
 * Evaluates a case against a compiled policy and, when it is decided, records it. The entry keeps
 * `policy`: its id, version and source hash (`policyRef` makes one from the source texts).
 */
export async function recordCase(register: Register, graph: DecisionGraph, policy: PolicyRef, request: RecordRequest): Promise<RecordedCase> {
  const facts = request.case;
  if (facts === null || typeof facts !== 'object' || Array.isArray(facts)) {
    return { refused: 'invalid-input', error: new RegisterError('invalid-input', `\`case\` must be an object of facts, got ${JSON.stringify(facts ?? null)}`) };
  }
  for (const [field, value] of [['staff', request.staff], ['account', request.account], ['note', request.note]] as const) {
    if (value !== undefined && value !== null && typeof value !== 'string') {
      return { refused: 'invalid-input', error: new RegisterError('invalid-input', `\`${field}\` must be a text, got ${JSON.stringify(value)}`) };
    }
  }
  // The case's `now` is the moment of recording unless the case gives one (a due moment counts from it).
  const { input } = withClockNow(graph, facts, () => register.now());
  const decided = decideCase(graph, policy, input as Record<string, unknown>, {
    staff: request.staff as string,
    account: request.account as string | null | undefined,
    note: request.note as string | null | undefined,
  });
  if ('refused' in decided) return decided.refused === 'invalid' ? { refused: 'invalid', diagnostics: decided.diagnostics } : { refused: decided.refused, result: decided.result };
  try {
    return { entry: await register.record(decided.entry) };
  } catch (error) {
    if (error instanceof RegisterError && error.kind === 'invalid-input') return { refused: 'invalid-input', error };
    throw error;
  }
}
