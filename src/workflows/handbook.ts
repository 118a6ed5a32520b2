import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DecisionGraph } from '../graph/graph.js';
import { sourceFile, type SourceFile } from '../source/source-file.js';
import { exportGraph, type GraphFormat } from '../render/graph-export.js';
import type { TemplateSet } from '../render/handlebars-env.js';
import type { Browser } from 'playwright-core';
import { findBrowser, type PrintOptions } from '../render/pdf.js';
import { loadTemplates } from '../render/template-loader.js';
import { nodeFiles } from './files.js';
import { openPolicy, type FileOptions, type LoadedPolicy, type PolicyRef } from './policy.js';

/**
 * The handbook pipeline: policy → HTML or Markdown (Handlebars, flowcharts laid out in process)
 * → PDF (printed by a local Chromium) → a file written whole; and the whole-graph export.
 */

/**
 * The formats a handbook is made in; `quick` and `quick-pdf` are the one-page quick sheet for
 * the desk (the triage and every outcome's owner and deadline) as HTML and as a printed page.
 */
export type HandbookOutputFormat = 'html' | 'md' | 'pdf' | 'quick' | 'quick-pdf';

/** Formats printed by a browser. */
const printed = (format: HandbookOutputFormat): boolean => format === 'pdf' || format === 'quick-pdf';

/**
 * The step a handbook stopped at: no browser to print with, a policy with errors, templates that
 * could not be read, a template that failed (its diagnostics), printing, or writing the file.
 */
export type HandbookFailure = 'browser' | 'policy' | 'templates' | 'template' | 'print' | 'write';

/** Options of `buildHandbook`. */
export interface HandbookOptions {
  readonly format: HandbookOutputFormat;
  /** `zh-CN` (the default) or `en`. */
  readonly locale?: string;
  /** The template set; default: the built-in templates. */
  readonly templates?: TemplateSet;
  /** The Chromium or Chrome that prints a PDF; default: `SOPWRIGHT_BROWSER` in `env`, else the usual places. */
  readonly browser?: string;
  /** The environment the browser is looked up in (front ends pass theirs); default: none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * A browser already running (a server, a test suite) to print in, in a fresh context, instead of
   * launching the one found; it is still looked up first, so a missing one fails the same way.
   */
  readonly runningBrowser?: Browser;
  /** Add the appendix of the policy's `##!` author notes, for the supervisor; default: staff text only. */
  readonly withAuthorNotes?: boolean;
}

/** A handbook: its bytes (text for html and md), or the step it stopped at and why. */
export interface Handbook {
  readonly data: string | Uint8Array | undefined;
  readonly failure: HandbookFailure | undefined;
  /** A missing browser, or what a template got wrong. */
  readonly diagnostics: readonly Diagnostic[];
  /** The template files, so template diagnostics show a snippet. */
  readonly sources: ReadonlyMap<string, SourceFile>;
  /** Files that could not be read or written, a PDF that could not be printed. */
  readonly problems: readonly string[];
}

function stopped(failure: HandbookFailure, found: { diagnostics?: readonly Diagnostic[]; sources?: ReadonlyMap<string, SourceFile>; problems?: readonly string[] }): Handbook {
  return { data: undefined, failure, diagnostics: found.diagnostics ?? [], sources: found.sources ?? new Map(), problems: found.problems ?? [] };
}

/** Template files as sources, so template diagnostics print with a snippet. */
function templateSources(templates: TemplateSet): Map<string, SourceFile> {
  return new Map(Object.values(templates).map((t) => [t.path, sourceFile(t.path, t.text)]));
}

/** The browser a PDF is printed with, or the diagnostic saying none is there. */
function browserFor(opts: Pick<HandbookOptions, 'browser' | 'env'>): { path: string } | { diagnostic: Diagnostic } {
  return findBrowser(opts.browser, opts.env ?? {});
}

/** Makes the handbook of a compiled policy as HTML, Markdown or PDF. */
export async function buildHandbook(graph: DecisionGraph, opts: HandbookOptions): Promise<Handbook> {
  const locale = opts.locale ?? graph.policy.locales[0] ?? 'zh-CN';
  let browserPath: string | undefined;
  if (printed(opts.format)) {
    const found = browserFor(opts);
    if ('diagnostic' in found) return stopped('browser', { diagnostics: [found.diagnostic] });
    browserPath = found.path;
  }
  let templates = opts.templates;
  if (templates === undefined) {
    const loaded = loadTemplates();
    if (loaded.problems.length > 0) return stopped('templates', { problems: loaded.problems });
    templates = loaded.templates;
  }
  const print = browserPath === undefined ? undefined : { browserPath, browser: opts.runningBrowser };
  if (opts.format === 'quick' || opts.format === 'quick-pdf') return quickSheet(graph, { locale, templates }, opts.format === 'quick-pdf' ? print : undefined);
  // Loaded here, not at start-up: Handlebars and the handbook view model serve handbooks only.
  if (opts.format !== 'pdf' || print === undefined) {
    const { renderHandbook } = await import('../render/render.js');
    const rendered = await renderHandbook(graph, { format: opts.format === 'pdf' ? 'html' : opts.format, locale, templates, withAuthorNotes: opts.withAuthorNotes });
    return made(rendered.text, rendered.diagnostics, templates);
  }
  const { printHandbook } = await import('../render/print-handbook.js');
  return printing(print.browserPath, async () => {
    const printed = await printHandbook(graph, { locale, templates, withAuthorNotes: opts.withAuthorNotes }, print);
    return made(printed.pdf, printed.diagnostics, templates);
  });
}

/** The quick sheet as HTML, or printed on one page when a browser is given. */
async function quickSheet(graph: DecisionGraph, opts: { locale: string; templates: TemplateSet }, print: Pick<PrintOptions, 'browserPath' | 'browser'> | undefined): Promise<Handbook> {
  const { renderQuickSheet, printQuickSheet } = await import('../render/quick-sheet.js');
  if (print === undefined) {
    const rendered = renderQuickSheet(graph, opts);
    return made(rendered.text, rendered.diagnostics, opts.templates);
  }
  return printing(print.browserPath, async () => {
    const printed = await printQuickSheet(graph, opts, print);
    return made(printed.pdf, printed.diagnostics, opts.templates);
  });
}

/** What a render or print made, or the template diagnostics that stopped it (with the templates as sources). */
function made(data: string | Uint8Array | undefined, diagnostics: readonly Diagnostic[], templates: TemplateSet): Handbook {
  if (data === undefined) return stopped('template', { diagnostics, sources: templateSources(templates) });
  return { data, failure: undefined, diagnostics: [], sources: new Map(), problems: [] };
}

/** Runs a print; a browser that fails to print is the `print` step's problem, in one line. */
async function printing(browserPath: string, print: () => Promise<Handbook>): Promise<Handbook> {
  try {
    return await print();
  } catch (error) {
    return stopped('print', { problems: [`cannot print the PDF with \`${browserPath}\`: ${(error as Error).message.split('\n')[0]}`] });
  }
}

/** Options of `renderHandbookFile`. */
export interface HandbookFileOptions extends Omit<HandbookOptions, 'templates'>, FileOptions {
  /** A directory whose files replace the built-in templates of the same name. */
  readonly templates?: string;
  /** The file to write (whole or not at all); without it the handbook is only returned. */
  readonly output?: string;
}

/** A handbook made from a policy file; `policy` is undefined when no browser was found (checked first). */
export interface HandbookFile extends Handbook {
  readonly policy: LoadedPolicy | undefined;
}

/**
 * Makes a policy's handbook and writes it: finds the browser first for a PDF (so a missing one
 * fails fast, before any work), loads the policy and the templates, renders, prints, writes.
 */
export async function renderHandbookFile(policy: PolicyRef, opts: HandbookFileOptions): Promise<HandbookFile> {
  let browserPath: string | undefined;
  if (printed(opts.format)) {
    const found = browserFor(opts);
    if ('diagnostic' in found) return { ...stopped('browser', { diagnostics: [found.diagnostic] }), policy: undefined };
    browserPath = found.path;
  }
  const loaded = openPolicy(policy, opts);
  if (loaded.graph === undefined) return { ...stopped('policy', {}), policy: loaded };
  const { templates, problems } = loadTemplates(opts.templates);
  if (problems.length > 0) return { ...stopped('templates', { problems }), policy: loaded };
  const handbook = await buildHandbook(loaded.graph, { ...opts, templates, browser: browserPath });
  return { ...writeResult(handbook, opts), policy: loaded };
}

/** Writes what was made to `opts.output`, when there is one; a write that fails is the `write` step's. */
function writeResult(handbook: Handbook, opts: FileOptions & { readonly output?: string }): Handbook {
  if (handbook.data === undefined || opts.output === undefined) return handbook;
  const failed = (opts.files ?? nodeFiles).writeFile(opts.output, handbook.data);
  return failed === undefined ? handbook : stopped('write', { problems: [failed.problem] });
}

/** Options of `exportPolicyGraph`. */
export interface GraphExportOptions extends FileOptions {
  readonly format: GraphFormat;
  readonly locale?: string;
  /** The file to write (whole or not at all); without it the text is only returned. */
  readonly output?: string;
}

/** The whole decision graph as DOT, Mermaid or SVG text, or why not. */
export interface GraphExport {
  readonly policy: LoadedPolicy;
  readonly text: string | undefined;
  readonly problems: readonly string[];
}

/** Exports a policy's whole decision graph (every decision, outcome and branch) and writes it. */
export async function exportPolicyGraph(policy: PolicyRef, opts: GraphExportOptions): Promise<GraphExport> {
  const loaded = openPolicy(policy, opts);
  if (loaded.graph === undefined) return { policy: loaded, text: undefined, problems: [] };
  const text = await exportGraph(loaded.graph, { format: opts.format, locale: opts.locale ?? loaded.graph.policy.locales[0] ?? 'zh-CN' });
  const failed = opts.output === undefined ? undefined : (opts.files ?? nodeFiles).writeFile(opts.output, text);
  return { policy: loaded, text: failed === undefined ? text : undefined, problems: failed === undefined ? [] : [failed.problem] };
}
