import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * How full each page of a printed A4 PDF is: the pages are drawn small in grey (pdftoppm), and a
 * page's fill is how far down its body area (inside the @page margins, so the running header and
 * the page number do not count) the last inked row lies, as a share of that area's height.
 */

/** The handbook's A4 page margins in mm (handbook.css `@page`): top, bottom. */
const marginMm = { top: 20, bottom: 18 } as const;
const pageMm = 297;

/** A grey PGM (P5) image: its width, height and pixels. */
function readPgm(bytes: Buffer): { width: number; height: number; pixels: Uint8Array } {
  // Header: "P5", width, height, maxval, each separated by whitespace, then one whitespace byte.
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[i]!))) i++;
    let token = '';
    while (!/\s/.test(String.fromCharCode(bytes[i]!))) token += String.fromCharCode(bytes[i++]!);
    fields.push(token);
  }
  if (fields[0] !== 'P5') throw new Error(`not a binary PGM: ${fields[0]}`);
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, pixels: bytes.subarray(i + 1, i + 1 + width * height) };
}

/** The fill of each page, 0–1, in page order. `dpi` 20 is plenty for a row count. */
export function pageFills(pdfFile: string, dpi = 20): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'sopwright-fill-'));
  try {
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), pdfFile, join(dir, 'p')]);
    return readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort().map((f) => {
      const { width, height, pixels } = readPgm(readFileSync(join(dir, f)));
      const top = Math.ceil((height * marginMm.top) / pageMm);
      const bottom = Math.floor((height * (pageMm - marginMm.bottom)) / pageMm);
      let last = top;
      for (let y = top; y < bottom; y++) {
        const row = pixels.subarray(y * width, (y + 1) * width);
        if (row.some((v) => v < 235)) last = y + 1;
      }
      return (last - top) / (bottom - top);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
