import type { Viz } from '@viz-js/viz';
import { flowchartFont } from './flowchart.js';

/**
 * DOT → SVG with Graphviz compiled to WebAssembly, in process (no network, no system Graphviz).
 *
 * The WebAssembly build has no fonts to measure text with: for a family it has no table for it
 * counts each UTF-8 byte of a Chinese character as a space, so boxes come out a third too narrow.
 * Verdana's table gives a CJK character 3 × 0.35 em ≈ 1 em, close to the real width, and Latin
 * text a little wide, which is the safe side. So layout measures with Verdana and the SVG then
 * names the CJK font stack the page really draws with.
 */

/** The font stack flowchart text is drawn with (also set by the handbook's CSS). */
export const svgFontStack = 'Noto Sans SC, Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif';

const metricsFont = 'Verdana';

let vizPromise: Promise<Viz> | undefined;

/** The Graphviz instance, created once per process (creating it compiles the WebAssembly). */
function viz(): Promise<Viz> {
  // Loaded on first use: the WebAssembly module is large and only handbooks and SVG export need it.
  vizPromise ??= import('@viz-js/viz').then((m) => m.instance());
  return vizPromise;
}

/** What laying out a DOT graph gives: the SVG, or the Graphviz errors when it failed. */
export interface SvgResult {
  readonly svg: string | undefined;
  readonly errors: readonly string[];
}

/**
 * Lays out DOT and returns SVG as Graphviz writes it (a standalone document).
 * `fontname="…"` can only be an attribute here: label quotes are escaped as `\"` in DOT and as
 * `&quot;` in SVG, so the two substitutions never touch policy text.
 */
export async function dotToSvg(dot: string): Promise<SvgResult> {
  const known = laidOut.get(dot);
  if (known !== undefined) return known;
  const result = await layOut(dot);
  if (laidOut.size >= maxLaidOut) laidOut.delete(laidOut.keys().next().value!);
  laidOut.set(dot, result);
  return result;
}

/**
 * Layouts already made in this process, by DOT text: a printed handbook renders every chart once
 * per pass, and a caller that renders the same policy again (a test suite, a library user) gets
 * the same charts. Layout is a pure function of the DOT, so the second time costs nothing.
 * Bounded, oldest out first.
 */
const laidOut = new Map<string, SvgResult>();
const maxLaidOut = 512;

async function layOut(dot: string): Promise<SvgResult> {
  const measured = dot.split(`fontname="${flowchartFont}"`).join(`fontname="${metricsFont}"`);
  const result = (await viz()).render(measured, { format: 'svg', engine: 'dot' });
  const errors = result.errors.filter((e) => e.level === 'error').map((e) => e.message.trim());
  if (result.status !== 'success') return { svg: undefined, errors: errors.length > 0 ? errors : ['graphviz failed'] };
  return { svg: result.output.split(`font-family="${metricsFont}"`).join(`font-family="${svgFontStack}"`), errors: [] };
}

/**
 * Makes a Graphviz SVG fit to embed inline in HTML: drops the XML prolog, doctype and comments
 * (which name the Graphviz build), and prefixes every id so several charts can share a page.
 */
export function inlineSvg(svg: string, idPrefix: string): string {
  return svg
    .replace(/<\?xml[^>]*\?>\s*/g, '')
    .replace(/<!DOCTYPE[^>]*>\s*/g, '')
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .replace(/ id="([^"]*)"/g, (_m, id: string) => ` id="${idPrefix}-${id}"`)
    .trim();
}
