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

/** For each code point some slice covers, the slices (by index) that cover it; built once. */
let slicesByPoint: Map<number, number[]> | undefined;

function slicesOf(point: number): readonly number[] | undefined {
  if (slicesByPoint === undefined) {
    slicesByPoint = new Map();
    fontSlices().forEach((slice, i) => {
      for (const [lo, hi] of slice.ranges) {
        for (let p = lo; p <= hi; p++) {
          const known = slicesByPoint!.get(p);
          if (known === undefined) slicesByPoint!.set(p, [i]);
          else if (known[known.length - 1] !== i) known.push(i);
        }
      }
    });
  }
  return slicesByPoint.get(point);
}

/** Each slice's `@font-face` rule, made on first use (a handbook prints at least twice). */
const faceOf = new Map<number, string>();

function fontFace(index: number): string {
  let face = faceOf.get(index);
  if (face === undefined) {
    const slice = fontSlices()[index]!;
    const data = readFileSync(slice.file).toString('base64');
    const range = slice.ranges.map(([lo, hi]) => (lo === hi ? `U+${lo.toString(16)}` : `U+${lo.toString(16)}-${hi.toString(16)}`)).join(',');
    face = `@font-face{font-family:'${printFontFamily}';font-style:normal;font-weight:${slice.weight};src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range};}`;
    faceOf.set(index, face);
  }
  return face;
}

/**
 * `@font-face` rules, with the woff2 inlined, for the slices that hold a character of `texts`
 * (its markup included: a few extra Latin letters cost nothing), in the package's order; an empty
 * string when the font package is not installed.
 */
export function printFontFaces(...texts: string[]): string {
  const used = new Set<number>();
  const seen = new Set<number>();
  for (const text of texts) {
    for (const ch of text) {
      const point = ch.codePointAt(0)!;
      if (seen.has(point)) continue;
      seen.add(point);
      for (const i of slicesOf(point) ?? []) used.add(i);
    }
  }
  return [...used].sort((a, b) => a - b).map(fontFace).join('\n');
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
