import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/check/check.js';
import { buildHandbookModel } from '../../src/render/view-model.js';

/**
 * `##` doc comments on an enum and its members reach the handbook where the members are listed
 * (the glossary entry of each fact of that enum), in the handbook's locale; `##!` author notes do
 * not. The rendered output is in the goldens of test/fixtures/render/enum-docs/.
 */

const dir = join(import.meta.dirname, '..', 'fixtures', 'render', 'enum-docs');
const graph = compile(join(dir, 'input.sop'), { readFile: (p) => readFileSync(p, 'utf8') }).graph!;

describe('enum and member docs in the handbook', () => {
  it.each([
    ['zh-CN', '以顾客提供的照片判断破损程度。', [{ label: '轻微', text: '外观划痕、轻微磕碰，不影响使用。' }, { label: '严重', text: '破裂、变形或无法使用。' }]],
    ['en', 'Judged from the photos the customer sends.', [{ label: 'Minor', text: 'Scratches or small dents; the item still works.' }, { label: 'Severe', text: 'Broken, bent or unusable.' }]],
  ])('lists the enum doc and each member doc under the fact (%s)', (locale, enumDoc, memberDocs) => {
    const term = buildHandbookModel(graph, locale).glossary.find((f) => f.id === 'damage')!;
    expect(term.enumDoc.map((b) => b.text)).toEqual([enumDoc]);
    expect(term.memberDocs).toEqual(memberDocs);
  });

  it('keeps author notes (##!) out of the staff text, in both locales and formats', () => {
    for (const file of ['expected.html', 'expected.md', 'expected.en.html', 'expected.en.md']) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text).not.toContain('作者备注');
      expect(text).not.toContain('Author note');
      expect(text).toContain(file.includes('.en.') ? 'Broken, bent or unusable.' : '破裂、变形或无法使用。');
    }
  });
});
