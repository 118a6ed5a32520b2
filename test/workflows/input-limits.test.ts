import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileSources } from '../../src/check/check.js';
import { dedent } from '../../src/syntax/literals.js';
import { loadTemplates } from '../../src/render/template-loader.js';
import { readText } from '../../src/workflows/files.js';

/**
 * Inputs are read only from regular files and with a size limit (issue 12): a link to /dev/zero,
 * a FIFO without a writer or a directory gives a clear message at once instead of exhausting
 * memory or blocking forever; deep import chains and huge texts do not exhaust the JS stack.
 */

const dir = mkdtempSync(join(tmpdir(), 'sopwright-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading input files', () => {
  it('refuses a link to /dev/zero, a FIFO and a directory, naming the file', () => {
    symlinkSync('/dev/zero', join(dir, 'zero.sop'));
    execFileSync('mkfifo', [join(dir, 'fifo.sop')]);
    expect(readText(join(dir, 'zero.sop'))).toEqual({ ok: false, message: `cannot read \`${join(dir, 'zero.sop')}\`: not a regular file (a device, pipe or socket)` });
    expect(readText(join(dir, 'fifo.sop'))).toEqual({ ok: false, message: `cannot read \`${join(dir, 'fifo.sop')}\`: not a regular file (a device, pipe or socket)` });
    expect(readText(dir)).toEqual({ ok: false, message: `cannot read \`${dir}\`: is a directory` });
  });

  it('refuses a file over the size limit', () => {
    writeFileSync(join(dir, 'big.sop'), 'x'.repeat(2048));
    expect(readText(join(dir, 'big.sop'), 1024)).toEqual({ ok: false, message: `cannot read \`${join(dir, 'big.sop')}\`: larger than ${1024 / (1024 * 1024)} MB` });
    expect(readText(join(dir, 'big.sop'), 4096)).toEqual({ ok: true, text: 'x'.repeat(2048) });
  });

  it('refuses a template that links to /dev/zero', () => {
    const templates = join(dir, 'templates');
    execFileSync('mkdir', [templates]);
    symlinkSync('/dev/zero', join(templates, 'handbook.hbs'));
    const loaded = loadTemplates(templates);
    expect(JSON.stringify(loaded)).toContain('not a regular file');
  });
});

describe('deep and large sources', () => {
  it('follows a 10,000-file import chain without exhausting the stack', () => {
    const files: Record<string, string> = {
      'p.sop': 'policy p "P" { locales zh-CN  start d }\nimport "f0.sop"\noutcome o "O" { }\ndecision d { otherwise -> o }\n',
    };
    for (let i = 0; i < 10_000; i++) files[`f${i}.sop`] = i < 9999 ? `import "f${i + 1}.sop"\n` : 'department last "最后"\n';
    const r = compileSources('p.sop', files);
    expect(r.sources.size).toBe(10_001);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reads a `say` text of 150,000 lines', () => {
    expect(dedent(`\n${'  line\n'.repeat(150_000)}`).split('\n')).toHaveLength(150_000);
  });
});
