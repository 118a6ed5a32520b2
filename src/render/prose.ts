import { joinLines } from './text-layout.js';
import type { Block } from './handbook-model.js';

/** Policy prose (section paragraphs, `##` doc comments) as paragraphs and lists for templates. */

/** Splits prose into paragraphs and lists: lines starting with `- ` are list items. */
export function toBlocks(text: string | null): Block[] {
  if (text === null) return [];
  const blocks: Block[] = [];
  let prose: string[] = [];
  let items: string[] = [];
  const flushProse = (): void => {
    const joined = joinLines(prose);
    if (joined !== '') blocks.push({ list: false, text: joined, items: [] });
    prose = [];
  };
  const flushItems = (): void => {
    if (items.length > 0) blocks.push({ list: true, text: '', items });
    items = [];
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('- ')) {
      flushProse();
      items.push(line.slice(2).trim());
    } else if (line === '') {
      flushProse();
      flushItems();
    } else if (items.length > 0 && /^\s{2,}/.test(raw)) {
      items[items.length - 1] = joinLines([items[items.length - 1], line]); // an indented continuation
    } else {
      flushItems();
      prose.push(line);
    }
  }
  flushProse();
  flushItems();
  return blocks;
}

/** True when most of a paragraph's letters are Chinese characters. */
function isChinese(paragraph: string): boolean {
  const letters = paragraph.replace(/[\s\p{P}\p{S}\d]/gu, '');
  const han = letters.replace(/[^\p{Script=Han}]/gu, '');
  return letters.length > 0 && han.length / letters.length >= 0.3;
}

/**
 * The paragraphs of a `##` doc comment meant for a locale. Doc comments are not tagged with a
 * locale; by convention a bilingual one has a Chinese paragraph and an English one, separated by
 * a blank `##` line. A Chinese handbook keeps the Chinese paragraphs, any other the rest; when
 * that would leave nothing (a doc in one language only), the whole comment is kept.
 */
export function docFor(doc: string | null, locale: string): string | null {
  if (doc === null) return null;
  const paragraphs = doc.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/).filter((p) => p.trim() !== '');
  const zh = locale.toLowerCase().startsWith('zh');
  const kept = paragraphs.filter((p) => isChinese(p) === zh);
  return kept.length > 0 ? kept.join('\n\n') : doc;
}
