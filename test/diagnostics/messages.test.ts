import { describe, expect, it } from 'vitest';
import { codes } from '../../src/diagnostics/codes.js';
import { diagnostic, localize } from '../../src/diagnostics/diagnostic.js';
import { messageLocales } from '../../src/diagnostics/locale.js';
import { code, formatMessage, list, msg, placeholdersOf } from '../../src/diagnostics/message.js';
import { templates } from '../../src/diagnostics/messages/index.js';

/** The message registry: every template in every locale, with the same named placeholders. */
describe('message registry', () => {
  const entries = Object.entries(templates);

  it.each(entries)('%s has a text in every locale with the same placeholders', (_id, template) => {
    for (const locale of messageLocales) expect(template[locale].trim()).not.toBe('');
    expect(placeholdersOf(template['zh-CN'])).toEqual(placeholdersOf(template.en));
  });

  it.each(Object.entries(codes))('%s is documented in English and Chinese', (_code, entry) => {
    expect(entry.doc).not.toBe('');
    expect(entry.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('fills named placeholders, nested messages and lists in the locale asked for', () => {
    const ref = msg('resolve.ambiguous-name', { name: code('minor'), owners: list([code('a'), code('b'), code('c')]) });
    expect(formatMessage(ref, 'en')).toBe('`minor` is a member of `a`, `b` and `c`');
    expect(formatMessage(ref, 'zh-CN')).toBe('`minor` 同时是 `a`、`b` 和 `c` 的成员');
    const nested = msg('type.not-a-condition', { type: msg('type.money') });
    expect(formatMessage(nested, 'zh-CN')).toBe('条件必须是“是/否”，但这里是金额');
  });

  it('keeps the English text on the diagnostic and localizes every part on demand', () => {
    const span = { file: 'a.sop', start: 0, end: 1 };
    const d = diagnostic('resolve/duplicate-member', span, msg('resolve.duplicate-member', { enum: code('e'), member: code('m') }), {
      help: msg('resolve.duplicate-member.help'),
      label: msg('resolve.duplicate-definition.label'),
      related: [{ span, message: msg('resolve.duplicate-member.first') }],
    });
    expect(d.message).toBe('`e` lists `m` twice');
    const zh = localize(d, 'zh-CN');
    expect([zh.message, zh.help, zh.label, zh.related?.[0].message]).toEqual(['`e` 把 `m` 列了两次', '删去其中一个', '这里又声明了一次', '第一次列在这里']);
    expect(localize(d, 'en')).toBe(d);
  });

  it('leaves a plain-text diagnostic as it is in every locale', () => {
    const d = diagnostic('render/template', { file: 'x', start: 0, end: 0 }, 'plain text');
    expect(localize(d, 'zh-CN').message).toBe('plain text');
  });
});
