import { describe, expect, it } from 'vitest';
import { chooseLocale, localeFromEnv, parseLocale } from '../../src/diagnostics/locale.js';

describe('locale', () => {
  it.each([
    ['zh-CN', 'zh-CN'], ['zh', 'zh-CN'], ['zh_CN.UTF-8', 'zh-CN'], ['zh-Hans', 'zh-CN'], ['ZH-cn', 'zh-CN'],
    ['en', 'en'], ['en-GB', 'en'], ['en_US.UTF-8', 'en'], ['en_US.UTF-8@euro', 'en'],
    ['fr', undefined], ['zh-TW', undefined], ['zh-Hant', undefined], ['C', undefined], ['POSIX', undefined], ['', undefined],
  ])('reads %j as %s', (tag, want) => {
    expect(parseLocale(tag)).toBe(want);
  });

  it.each([
    [{ LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [{ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }, 'zh-CN'],
    [{ LC_ALL: '', LANG: 'en_US.UTF-8' }, 'en'],
    // The first variable set decides, as in POSIX: C or an unknown language means no preference.
    [{ LC_ALL: 'C.UTF-8', LANG: 'zh_CN.UTF-8' }, undefined],
    [{ LANG: 'fr_FR.UTF-8' }, undefined],
    [{}, undefined],
  ])('finds the environment locale of %j: %s', (env, want) => {
    expect(localeFromEnv(env)).toBe(want);
  });

  it('prefers --locale, then the environment, then the first policy locale it speaks, then zh-CN', () => {
    expect(chooseLocale('en', { LANG: 'zh_CN.UTF-8' }, ['zh-CN'])).toBe('en');
    expect(chooseLocale(undefined, { LANG: 'zh_CN.UTF-8' }, ['en'])).toBe('zh-CN');
    expect(chooseLocale(undefined, { LANG: 'C' }, ['en', 'zh-CN'])).toBe('en');
    expect(chooseLocale(undefined, {}, ['ja', 'en'])).toBe('en');
    expect(chooseLocale(undefined, {}, [])).toBe('zh-CN');
  });
});
