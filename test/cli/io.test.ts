import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readText, useColor, writeFileAtomic } from '../../src/cli/io.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sopwright-io-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('readText', () => {
  it('reads UTF-8 text and drops a byte-order mark', () => {
    writeFileSync(join(dir, 'a.sop'), '\uFEFFpolicy 退货');
    expect(readText(join(dir, 'a.sop'))).toEqual({ ok: true, text: 'policy 退货' });
  });

  it('explains a missing file and a directory without throwing', () => {
    const missing = join(dir, 'nope.sop');
    expect(readText(missing)).toEqual({ ok: false, message: `cannot read \`${missing}\`: no such file` });
    expect(readText(dir)).toEqual({ ok: false, message: `cannot read \`${dir}\`: is a directory` });
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temporary file', () => {
    const file = join(dir, 'out.md');
    writeFileSync(file, 'old');
    writeFileAtomic(file, '新的内容');
    expect(readFileSync(file, 'utf8')).toBe('新的内容');
    expect(readdirSync(dir)).toEqual(['out.md']);
  });

  it('leaves the target as it was and removes the temporary file when the rename fails', () => {
    // Renaming a file over a non-empty directory fails after the data was written and synced.
    const target = join(dir, 'target');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'kept');
    expect(() => writeFileAtomic(target, 'data')).toThrow();
    expect(readdirSync(dir)).toEqual(['target']);
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('kept');
  });

  it('throws, leaving nothing behind, when the directory does not exist', () => {
    expect(() => writeFileAtomic(join(dir, 'no', 'such', 'out.md'), 'x')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('useColor', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };

  it.each<[string, { isTTY: boolean }, Record<string, string>, boolean]>([
    ['a terminal', tty, {}, true],
    ['a pipe', pipe, {}, false],
    ['a terminal with NO_COLOR', tty, { NO_COLOR: '1' }, false],
    ['a terminal with an empty NO_COLOR (unset, per no-color.org)', tty, { NO_COLOR: '' }, true],
    ['a dumb terminal', tty, { TERM: 'dumb' }, false],
    ['a pipe with FORCE_COLOR', pipe, { FORCE_COLOR: '1' }, true],
    ['a pipe with an empty FORCE_COLOR', pipe, { FORCE_COLOR: '' }, true],
    ['a terminal with FORCE_COLOR=0', tty, { FORCE_COLOR: '0' }, false],
    ['a terminal with FORCE_COLOR=false', tty, { FORCE_COLOR: 'false' }, false],
    ['FORCE_COLOR over NO_COLOR, as in Node', pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
  ])('decides for %s', (_, stream, env, expected) => {
    expect(useColor(stream, env)).toBe(expected);
  });
});
