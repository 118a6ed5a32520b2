import { createHash } from 'node:crypto';
import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Browser, BrowserContext } from 'playwright-core';
import { code, list, msg } from '../diagnostics/message.js';
import { chromiumWorkdir } from './chromium-workdir.js';
import { withPrintFonts } from './print-fonts.js';
import type { PageFurniture } from './render.js';

/**
 * HTML → PDF with playwright-core driving a Chromium that is already installed (Debian's
 * `chromium`). Nothing is downloaded: playwright-core ships no browser, and the page may fetch
 * nothing (every request is aborted; the handbook is one self-contained HTML file).
 */

/** Where a browser is looked for when neither `--browser` nor `SOPWRIGHT_BROWSER` names one. */
export const browserCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'] as const;

/** The environment variable that names the browser. */
export const browserEnvVar = 'SOPWRIGHT_BROWSER';

/** Chromium's flags: headless, no sandbox (containers), and nothing that talks to the network. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

const installHelp = msg('render.install-browser.help');

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The browser to print with: `--browser`, else `SOPWRIGHT_BROWSER`, else the first of the usual
 * places that holds an executable. A named browser that is not there is an error; it never
 * falls back silently to another.
 */
export function findBrowser(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  isExecutable: (path: string) => boolean = isExecutableFile,
): { path: string } | { diagnostic: Diagnostic } {
  const named = flag ?? (env[browserEnvVar] || undefined);
  if (named !== undefined) {
    if (isExecutable(named)) return { path: named };
    const source = code(flag !== undefined ? '--browser' : browserEnvVar);
    return {
      diagnostic: diagnostic('render/browser-not-found', { file: named, start: 0, end: 0 },
        msg('render.browser-not-runnable', { path: code(named), source }), { help: installHelp }),
    };
  }
  const found = browserCandidates.find((p) => isExecutable(p));
  if (found !== undefined) return { path: found };
  return {
    diagnostic: diagnostic('render/browser-not-found', { file: 'sopwright', start: 0, end: 0 },
      msg('render.no-browser', { paths: list(browserCandidates.map(code), 'comma') }), { help: installHelp }),
  };
}

/** Page margins: the header and footer are drawn inside the top and bottom ones. Matches the CSS `@page`. */
const margin = { top: '20mm', right: '16mm', bottom: '18mm', left: '16mm' };

/** What printing needs: the browser to launch, or one already running, and the page furniture. */
export interface PrintOptions {
  readonly browserPath: string;
  /**
   * Chromium's header and footer templates, drawn on every page (the register sheet). The
   * handbook has none: its running header and page numbers are CSS margin boxes, which can
   * leave the cover bare.
   */
  readonly furniture?: PageFurniture;
  /**
   * A browser already running (a server, or a test suite printing many PDFs): the page is printed
   * in a fresh context of it, with the same settings, instead of launching `browserPath`.
   */
  readonly browser?: Browser;
  /**
   * A context of a running browser to print in (its first page), kept open for the caller's next
   * print: a series of prints then shares one renderer instead of starting one per print (about
   * half a second of CPU each). Opened with `printContextOptions`; takes precedence over `browser`.
   */
  readonly context?: BrowserContext;
  /** Print the page sideways (the daily register's wide table); default: portrait. */
  readonly landscape?: boolean;
  /** Page margins; default: the handbook's. */
  readonly margin?: typeof margin;
  /** Draws the page smaller (Chromium's print scale, 0.1–2), to fit a sheet on one page; default 1. */
  readonly scale?: number;
}

/** No JavaScript and no network: the handbook is one self-contained file. */
export const printContextOptions = { offline: true, javaScriptEnabled: false } as const;

/** Prints self-contained HTML to an A4 PDF (with Chromium's header and footer when `furniture` is given). */
export async function printPdf(html: string, opts: PrintOptions): Promise<Uint8Array> {
  return withPrinter(opts, (print) => print(html));
}

/**
 * Prints one HTML document to PDF bytes (drawn at `scale`, else the options'); every call of one
 * printer shares its browser page. A `draft` is only read back for where things landed: it has no
 * accessibility tags or outline (a third less time in Chromium), and is never handed to a user.
 */
export type Printer = (html: string, scale?: number, draft?: 'draft') => Promise<Uint8Array>;

/**
 * Runs `use` with a printer on one browser context: the handbook's passes print in the same
 * page instead of launching Chromium once per pass (a launch costs about a second).
 */
export async function withPrinter<T>(opts: PrintOptions, use: (print: Printer) => Promise<T>): Promise<T> {
  if (opts.context !== undefined) return use(await printerIn(opts.context, opts));
  if (opts.browser !== undefined) {
    const context = await opts.browser.newContext(printContextOptions);
    try {
      return await use(await printerIn(context, opts));
    } finally {
      await context.close();
    }
  }
  // A fresh profile every time: no state from an earlier run (or the user's browser) can leak in;
  // everything the browser writes stays in one directory of ours (chromium-workdir.ts).
  const work = chromiumWorkdir();
  try {
    // Loaded here, not at the top: only `render --format pdf` pays for playwright-core.
    const { chromium } = await import('playwright-core');
    const context = await chromium.launchPersistentContext(work.profile, {
      executablePath: opts.browserPath,
      headless: true,
      chromiumSandbox: false,
      args: [...chromiumFlags],
      env: work.env,
      // Not in Playwright's public types, but honoured: without it a killed print leaves an
      // empty `playwright-artifacts-*` directory in the system's temporary directory.
      ...({ artifactsDir: work.artifacts } as object),
      ...printContextOptions,
    });
    try {
      return await use(await printerIn(context, opts));
    } finally {
      await context.close();
    }
  } finally {
    work.remove();
  }
}

/** Contexts whose requests are already aborted: a context lent for many prints is routed once. */
const routed = new WeakSet<BrowserContext>();

async function printerIn(context: BrowserContext, opts: PrintOptions): Promise<Printer> {
  if (!routed.has(context)) {
    routed.add(context);
    await context.route('**/*', (route) => route.abort());
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return async (html, scale, draft) => {
    // Real fonts: the page's text picks the font slices it needs; header and footer are documents of their own.
    await page.setContent(withPrintFonts(html), { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      landscape: opts.landscape ?? false,
      margin: opts.margin ?? margin,
      scale: scale ?? opts.scale ?? 1,
      printBackground: true,
      ...(opts.furniture === undefined
        ? { displayHeaderFooter: false }
        : {
            displayHeaderFooter: true,
            headerTemplate: withPrintFonts(opts.furniture.header),
            footerTemplate: withPrintFonts(opts.furniture.footer, `${opts.furniture.footer}0123456789`),
          }),
      outline: draft === undefined,
      tagged: draft === undefined,
    });
    return makeReproducible(new Uint8Array(pdf));
  };
}

/**
 * Chromium stamps each PDF with the time it was made and a random document ID. Both are replaced
 * in place, with text of the same length so no byte offset moves: the dates by a fixed one, the
 * ID by a hash of the rest of the file. The same HTML then gives the same bytes.
 */
export function makeReproducible(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const dated = text.replace(/\/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)/g, (_m, key: string, digits: string, zone: string) =>
    `/${key} (D:${'20000101000000'.slice(0, digits.length)}${zone.replace(/[0-9]/g, '0').replace(/[-+]/, '+')})`);
  const idPattern = /\/ID \[<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>\]/g;
  const blank = dated.replace(idPattern, (_m, a: string, b: string) => `/ID [<${'0'.repeat(a.length)}> <${'0'.repeat(b.length)}>]`);
  const hash = createHash('sha256').update(blank, 'latin1').digest('hex').toUpperCase();
  const fixed = blank.replace(/\/ID \[<(0+)> <(0+)>\]/g, (_m, a: string, b: string) =>
    `/ID [<${hash.repeat(4).slice(0, a.length)}> <${hash.repeat(4).slice(0, b.length)}>]`);
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}
