import Handlebars from 'handlebars';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { code, msg } from '../diagnostics/message.js';
import { sourceFile } from '../source/source-file.js';

/**
 * The one Handlebars environment of the renderer: an isolated `Handlebars.create()` with every
 * helper and partial registered here and nowhere else. Templates compile with `strict: true`, so a
 * field the view model lacks is an error (`render/template`), never silently blank output.
 * Helpers format; they make no decisions.
 */

/** One template file: the path to name in messages and its text. */
export interface TemplateFile {
  readonly path: string;
  readonly text: string;
}

/** Template files keyed by their path relative to the templates directory (`partials/cover.html.hbs`). */
export type TemplateSet = Readonly<Record<string, TemplateFile>>;

/** The handbook formats templates exist for. */
export type TemplateFormat = 'html' | 'md';

/** A compiled template: data in, text out (throws a TemplateFailure for a template mistake). */
export type Render = (data: unknown, options?: Handlebars.RuntimeOptions) => string;

/** A template error carried with the file it happened in, so it can become a diagnostic. */
class TemplateFailure extends Error {
  constructor(readonly file: TemplateFile, override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** An environment ready to render: the compiled entry templates, or the diagnostics that stopped it. */
export interface TemplateEnv {
  /** Compiled templates by path (layouts and page furniture); partials are registered in the env. */
  readonly templates: ReadonlyMap<string, Render>;
  readonly diagnostics: readonly Diagnostic[];
}

/** HTML-escapes the characters that matter in Markdown output too: `&`, `<`, `>`. */
function escapeAngles(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes text for inline Markdown: markup characters get a backslash, HTML is neutralised. */
export function escapeMarkdown(s: string): string {
  const inline = escapeAngles(s.replace(/\r?\n/g, ' ')).replace(/[\\`*_[\]|~]/g, (ch) => `\\${ch}`);
  // Text that would start a heading, list item or block quote stays text.
  // (A digit cannot be backslash-escaped, so an ordered-list marker escapes its `.` or `)`.)
  return inline
    .replace(/^(#{1,6}(?=\s|$)|[-+](?=\s))/, (m) => `\\${m}`)
    .replace(/^(\d+)([.)])(?=\s|$)/, (_m, digits: string, mark: string) => `${digits}\\${mark}`);
}

/** Text as a double-quoted CSS string. */
export function cssString(s: string): string {
  return `"${s.replace(/[\\"<>\n\r]/g, (ch) => `\\${ch.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * True for SVG that can be inlined: no script, foreignObject or iframe element, no event-handler
 * attribute, no `javascript:` link. Only tags and attribute names are judged: policy text sits in
 * text content (every `<` escaped) and in quoted attribute values such as tooltips, where words like
 * "onerror=" are just words.
 */
export function isInertSvg(svg: string): boolean {
  if (!svg.startsWith('<svg')) return false;
  for (const tag of svg.match(/<[^>]*>/g) ?? []) {
    if (/^<\/?\s*(script|foreignObject|iframe)\b/i.test(tag)) return false;
    for (const [, name, quoted] of tag.matchAll(/\s([^\s=/>"']+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)/g)) {
      const value = quoted.replace(/^["']|["']$/g, '');
      if (/^on/i.test(name)) return false;
      if (/(^|:)href$/i.test(name) && /^\s*javascript:/i.test(value)) return false;
    }
  }
  return true;
}

function registerHelpers(env: typeof Handlebars): void {
  // Flowcharts are SVG built from escaped DOT; check it once more before it goes in unescaped.
  env.registerHelper('svg', (svg: unknown) => {
    if (typeof svg !== 'string' || svg === '') return '';
    if (!isInertSvg(svg)) throw new Error('internal error: a flowchart SVG is not inert; refusing to inline it');
    return new env.SafeString(svg);
  });
  // A CSS string of its arguments joined (page margin boxes): quotes and backslashes escaped, and
  // `<` too, so no policy text can close the <style> element.
  env.registerHelper('css', (...args: unknown[]) => new env.SafeString(cssString(args.slice(0, -1).map((a) => (a == null ? '' : String(a))).join(''))));
  env.registerHelper('md', (text: unknown) => new env.SafeString(escapeMarkdown(text == null ? '' : String(text))));
  // Mermaid goes in a fenced block, which Markdown shows as it is; its labels are entity-coded,
  // so a backtick fence cannot occur in it.
  env.registerHelper('fenced', (text: unknown) => {
    const s = String(text ?? '');
    if (s.includes('```')) throw new Error('internal error: fenced text contains a code fence');
    return new env.SafeString(s);
  });
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** Turns a Handlebars error into a `render/template` diagnostic at the template position it names. */
export function templateDiagnostic(file: TemplateFile, error: unknown): Diagnostic {
  const raw = error instanceof Error ? error.message : String(error);
  const e = error as { lineNumber?: number; column?: number };
  let line = e.lineNumber;
  let column = e.column;
  const parse = /^Parse error on line (\d+):[\s\S]*\n(Expecting [^\n]*|Expected [^\n]*)$/.exec(raw);
  if (parse) line = Number(parse[1]);
  const missing = /^"([^"]+)" not defined in .* - \d+:\d+$/.exec(raw);
  const partial = /^The partial (\S+) could not be found$/.exec(raw);
  const message = missing
    ? msg('render.missing-field', { field: code(missing[1]) })
    : partial
      ? msg('render.missing-partial', { partial: code(partial[1]) })
      : msg('render.invalid-template', { reason: lowerFirst((parse ? parse[2] : raw.replace(/ - \d+:\d+$/, '')).replace(/\.$/, '')) });
  const source = sourceFile(file.path, file.text);
  const start = line === undefined ? 0 : (source.lineStarts[line - 1] ?? 0) + (column ?? 0);
  const help = missing ? msg('render.missing-field.help') : partial ? msg('render.missing-partial.help') : undefined;
  return diagnostic('render/template', { file: file.path, start, end: start }, message, help ? { help } : {});
}

/** Compiles one file; a syntax error becomes a diagnostic instead of surfacing at first use. */
function compileFile(env: typeof Handlebars, file: TemplateFile): Render | Diagnostic {
  let compiled: HandlebarsTemplateDelegate;
  try {
    compiled = env.compile(env.parse(file.text), { strict: true });
  } catch (error) {
    return templateDiagnostic(file, error);
  }
  return (data, options) => {
    try {
      return compiled(data, options);
    } catch (error) {
      // The innermost template that failed claims the error; outer ones pass it on.
      throw error instanceof TemplateFailure ? error : new TemplateFailure(file, error);
    }
  };
}

/**
 * Creates the environment for a format: registers every `partials/<name>.<format>.hbs` as `<name>`
 * and `<name>.css` files as `<name>-css`, and compiles the named entry templates.
 */
export function createTemplateEnv(set: TemplateSet, format: TemplateFormat, entries: readonly string[]): TemplateEnv & { env: typeof Handlebars } {
  // A template set is read once and never changed, and helpers keep no state: one environment
  // per set, format and entries serves every render of it (a printed handbook renders twice).
  const key = `${format}\0${entries.join('\0')}`;
  let made = compiledEnvs.get(set);
  if (made === undefined) compiledEnvs.set(set, (made = new Map()));
  const known = made.get(key);
  if (known !== undefined) return known;
  const created = compileTemplateEnv(set, format, entries);
  made.set(key, created);
  return created;
}

/** The environments made so far, by template set (dropped with the set). */
const compiledEnvs = new WeakMap<TemplateSet, Map<string, TemplateEnv & { env: typeof Handlebars }>>();

function compileTemplateEnv(set: TemplateSet, format: TemplateFormat, entries: readonly string[]): TemplateEnv & { env: typeof Handlebars } {
  const env = Handlebars.create();
  registerHelpers(env);
  const diagnostics: Diagnostic[] = [];
  const suffix = `.${format}.hbs`;
  for (const [rel, file] of Object.entries(set)) {
    const m = /^partials\/([a-z0-9-]+)(\.[a-z]+\.hbs|\.css)$/.exec(rel);
    if (!m || (m[2] !== suffix && m[2] !== '.css')) continue;
    const name = m[2] === '.css' ? `${m[1]}-css` : m[1];
    const render = compileFile(env, file);
    if (typeof render === 'function') env.registerPartial(name, render as unknown as Handlebars.Template);
    else diagnostics.push(render);
  }
  const templates = new Map<string, Render>();
  for (const rel of entries) {
    const file = set[rel];
    if (file === undefined) {
      diagnostics.push(diagnostic('render/template', { file: rel, start: 0, end: 0 }, msg('render.template-missing', { file: code(rel) }), {
        help: msg('render.template-missing.help'),
      }));
      continue;
    }
    const render = compileFile(env, file);
    if (typeof render === 'function') templates.set(rel, render);
    else diagnostics.push(render);
  }
  return { env, templates, diagnostics };
}

/** Runs a compiled template, turning a template failure into a diagnostic. */
export function runTemplate(render: Render, data: unknown): { text: string | undefined; diagnostics: Diagnostic[] } {
  try {
    return { text: render(data), diagnostics: [] };
  } catch (error) {
    if (error instanceof TemplateFailure) return { text: undefined, diagnostics: [templateDiagnostic(error.file, error.cause)] };
    throw error;
  }
}
