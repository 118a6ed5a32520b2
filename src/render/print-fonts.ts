import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The fonts a printed page carries. Chromium embeds the system's CJK font (OpenType with CFF
 * outlines) as Type 3 glyph procedures, which print blurry on some printers and lose their text
 * for screen readers; a web font with TrueType outlines is embedded as a CID TrueType font.
 * `@fontsource/noto-sans-sc` ships Noto Sans SC as woff2 files cut by Unicode range, so a page
 * carries only the few hundred kilobytes of the ranges its text uses, inlined as data URLs
 * (the page may fetch nothing).
 */

/** The family name every print stylesheet lists first (handbook.css, the header and footer). */
export const printFontFamily = 'Noto Sans SC';

/** The weights the stylesheets use: body text and bold. */
const weights = [400, 700] as const;

interface FontSlice {
  readonly weight: number;
  readonly file: string;
  /** Inclusive code point ranges. */
  readonly ranges: readonly (readonly [number, number])[];
}

let slices: readonly FontSlice[] | undefined;

/** The package's slices of each weight, read once from its CSS; none when it is not installed. */
function fontSlices(): readonly FontSlice[] {
  if (slices !== undefined) return slices;
  const found: FontSlice[] = [];
  try {
    const require = createRequire(import.meta.url);
    for (const weight of weights) {
      const cssPath = require.resolve(`@fontsource/noto-sans-sc/${weight}.css`);
      const css = readFileSync(cssPath, 'utf8');
      for (const face of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
        const body = face[1]!;
        const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(body)?.[1];
        const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
        if (file === undefined || range === undefined) continue;
        found.push({ weight, file: join(dirname(cssPath), file), ranges: parseUnicodeRange(range) });
      }
    }
  } catch {
    // Without the package the page falls back to the system fonts the stylesheet lists next.
  }
  slices = found;
  return found;
}

/** `U+4e00-4e09,U+3000` → [[0x4e00, 0x4e09], [0x3000, 0x3000]]. */
export function parseUnicodeRange(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const part of text.split(',')) {
    const m = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim());
    if (!m) continue;
    const first = m[1]!;
    if (first.includes('?')) {
      ranges.push([parseInt(first.replace(/\?/g, '0'), 16), parseInt(first.replace(/\?/g, 'f'), 16)]);
    } else {
      ranges.push([parseInt(first, 16), parseInt(m[2] ?? first, 16)]);
    }
  }
  return ranges;
}

/** The code points a text uses (its markup included: a few extra Latin letters cost nothing). */
function codePoints(text: string): Set<number> {
  const points = new Set<number>();
  for (const ch of text) points.add(ch.codePointAt(0)!);
  return points;
}

const covers = (slice: FontSlice, points: ReadonlySet<number>): boolean =>
  [...points].some((p) => slice.ranges.some(([lo, hi]) => p >= lo && p <= hi));

/**
 * `@font-face` rules, with the woff2 inlined, for the slices that hold a character of `texts`;
 * an empty string when the font package is not installed.
 */
export function printFontFaces(...texts: string[]): string {
  const points = codePoints(texts.join(''));
  return fontSlices()
    .filter((slice) => covers(slice, points))
    .map((slice) => {
      const data = readFileSync(slice.file).toString('base64');
      const range = slice.ranges.map(([lo, hi]) => (lo === hi ? `U+${lo.toString(16)}` : `U+${lo.toString(16)}-${hi.toString(16)}`)).join(',');
      return `@font-face{font-family:'${printFontFamily}';font-style:normal;font-weight:${slice.weight};src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range};}`;
    })
    .join('\n');
}

/**
 * The page with its fonts: the `@font-face` rules go in a `<style>` at the end of `<head>` (the
 * page's Content-Security-Policy allows `font-src data:`). Header and footer templates are
 * separate documents, so they get their own copy.
 */
export function withPrintFonts(html: string, fontText: string = html): string {
  const faces = printFontFaces(fontText);
  if (faces === '') return html;
  const style = `<style>\n${faces}\n</style>\n`;
  const at = html.search(/<\/head>/i);
  return at < 0 ? `${style}${html}` : `${html.slice(0, at)}${style}${html.slice(at)}`;
}
