/**
 * Where each link target landed in a PDF Chromium printed. Chromium writes a named destination
 * for every element a link points at (`<a href="#id">` → `/id [pageRef /XYZ x y 0]` in the
 * catalog's `/Dests`), and it writes plain (uncompressed) object dictionaries, so the page of an
 * anchor is read from those objects and the page tree's order. Used for the second pass of a
 * print: the contents and the index show the page each entry starts on.
 */

/** The PDF's objects (number → dictionary text) and its catalog. */
function pdfObjects(pdf: Uint8Array): { objects: Map<string, string>; catalog: string | undefined } {
  const text = Buffer.from(pdf).toString('latin1');
  const objects = new Map<string, string>();
  for (const m of text.matchAll(/(?:^|\n)(\d+) 0 obj\s*(<<[\s\S]*?>>)\s*(?:endobj|stream)/g)) objects.set(m[1]!, m[2]!);
  return { objects, catalog: [...objects.values()].find((o) => /\/Type \/Catalog\b/.test(o)) };
}

/** How many pages a PDF Chromium printed has (the leaves of its page tree). */
export function pageCount(pdf: Uint8Array): number {
  const { objects, catalog } = pdfObjects(pdf);
  const pagesRoot = catalog && /\/Pages (\d+) 0 R/.exec(catalog)?.[1];
  return pagesRoot === undefined ? 0 : pageOrder(objects, pagesRoot).size;
}

/** Anchor id → 1-based page number; empty when the PDF has no named destinations. */
export function anchorPages(pdf: Uint8Array): Map<string, number> {
  const { objects, catalog } = pdfObjects(pdf);
  const pagesRoot = catalog && /\/Pages (\d+) 0 R/.exec(catalog)?.[1];
  const destsRef = catalog && /\/Dests (\d+) 0 R/.exec(catalog)?.[1];
  const result = new Map<string, number>();
  if (pagesRoot === undefined || destsRef === undefined) return result;
  const order = pageOrder(objects, pagesRoot);
  const dests = objects.get(destsRef) ?? '';
  for (const m of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) 0 R/g)) {
    const page = order.get(m[2]!);
    if (page !== undefined) result.set(decodePdfName(m[1]!), page);
  }
  return result;
}

/** The page tree, leaves in order (depth first): page object → its 1-based number. */
function pageOrder(objects: ReadonlyMap<string, string>, pagesRoot: string): Map<string, number> {
  const order = new Map<string, number>();
  const walk = (id: string, depth: number): void => {
    const node = objects.get(id);
    if (node === undefined || depth > 64) return;
    const kids = /\/Kids \[([^\]]*)\]/.exec(node);
    if (kids === null || /\/Type \/Page\b/.test(node)) {
      order.set(id, order.size + 1);
      return;
    }
    for (const kid of kids[1]!.matchAll(/(\d+) 0 R/g)) walk(kid[1]!, depth + 1);
  };
  walk(pagesRoot, 0);
  return order;
}

/** A PDF name with its `#xx` escapes decoded (UTF-8 bytes). */
function decodePdfName(name: string): string {
  const bytes = Buffer.from(name.replace(/#([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  return bytes.toString('utf8');
}
