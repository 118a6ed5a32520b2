import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../support/cli.js';

/** `sopwright render` and `sopwright graph` run by the CLI's program (in this process, see test/support/cli.ts). */

const basic = 'test/fixtures/render/basic/input.sop';
const dir = mkdtempSync(join(tmpdir(), 'sopwright-render-cli-'));
beforeAll(() => ensureBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sopwright render', () => {
  it('writes the Markdown handbook to stdout with `-o -`, matching the golden', async () => {
    const r = await runCli(['render', basic, '--format', 'md', '-o', '-']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync('test/fixtures/render/basic/expected.md', 'utf8'));
  });

  it('writes the English HTML handbook to a file, leaving no temporary file behind', async () => {
    const out = join(dir, 'handbook.en.html');
    const r = await runCli(['render', basic, '--format', 'html', '--locale', 'en', '-o', out]);
    expect([r.code, r.stderr, r.stdout]).toEqual([0, '', '']);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync('test/fixtures/render/basic/expected.en.html', 'utf8'));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the quick sheet as HTML with --format quick, and prints it when the file ends in .pdf', async () => {
    const out = join(dir, 'quick.en.html');
    const r = await runCli(['render', basic, '--format', 'quick', '--locale', 'en', '-o', out]);
    expect([r.code, r.stderr, r.stdout]).toEqual([0, '', '']);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync('test/fixtures/render/basic/expected.quick.en.html', 'utf8'));
    // A .pdf output asks for a browser (the one-page print itself is tested in pdf.test.ts).
    const pdf = await runCli(['render', basic, '--format', 'quick', '-o', join(dir, 'quick.pdf'), '--browser', '/opt/no-such-browser']);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('/opt/no-such-browser');
  });

  it('writes a PDF file', async () => {
    const out = join(dir, 'handbook.pdf');
    const r = await runCli(['render', basic, '--format', 'pdf', '-o', out]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses to write a PDF to stdout (usage error)', async () => {
    const r = await runCli(['render', basic, '--format', 'pdf', '-o', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a PDF cannot be written to standard output');
  });

  it('names the flag and the package when the browser is missing, and writes nothing', async () => {
    const out = join(dir, 'missing-browser.pdf');
    const r = await runCli(['render', basic, '--format', 'pdf', '--browser', '/opt/no-such-chromium', '-o', out, '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[render/browser-not-found]: the browser `/opt/no-such-chromium` named by `--browser` does not exist or cannot be run');
    expect(r.stderr).toContain('apt-get install chromium');
    expect(existsSync(out)).toBe(false);
  });

  it('reads the browser from SOPWRIGHT_BROWSER', async () => {
    const r = await runCli(['render', basic, '--format', 'pdf', '-o', join(dir, 'env.pdf')], { env: { SOPWRIGHT_BROWSER: '/opt/env-chromium', LC_ALL: 'en_US.UTF-8' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the browser `/opt/env-chromium` named by `SOPWRIGHT_BROWSER`');
  });

  it('rejects an unknown locale or format', async () => {
    expect((await runCli(['render', basic, '--locale', 'fr', '-o', '-'])).code).toBe(2);
    expect((await runCli(['render', basic, '--format', 'docx', '-o', '-'])).code).toBe(2);
  });

  it('uses templates from --templates over the built-in ones', async () => {
    const templates = join(dir, 'shop-templates');
    mkdirSync(join(templates, 'partials'), { recursive: true });
    writeFileSync(join(templates, 'partials', 'cover.md.hbs'), '# {{md policy.title}} — shop edition\n');
    const r = await runCli(['render', basic, '--format', 'md', '--templates', templates, '-o', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('# 小店售后规则 — shop edition\n')).toBe(true);
  });

  it('reports a broken template with its file and line, and keeps the old output whole', async () => {
    const templates = join(dir, 'broken-templates');
    mkdirSync(join(templates, 'partials'), { recursive: true });
    writeFileSync(join(templates, 'partials', 'toc.md.hbs'), '## {{ui.contents}}\n\n{{ui.nothing}}\n');
    const out = join(dir, 'kept.md');
    writeFileSync(out, 'the previous handbook\n');
    const r = await runCli(['render', basic, '--format', 'md', '--templates', templates, '-o', out, '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(templates, 'partials', 'toc.md.hbs')}:3:3: error[render/template]: template uses \`nothing\`, which the view model does not have here`);
    expect(readFileSync(out, 'utf8')).toBe('the previous handbook\n');
  });

  it('stops with the compiler\'s diagnostics when the policy has errors (exit 2, as eval and test do)', async () => {
    const bad = join(dir, 'bad.sop');
    writeFileSync(bad, 'policy p "P" {\n  locales zh-CN\n  start nowhere\n}\n');
    const r = await runCli(['render', bad, '--format', 'md', '-o', '-']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/error\[resolve\//);
  });

  it('cannot write into a missing directory (exit 2)', async () => {
    const r = await runCli(['render', basic, '--format', 'md', '-o', join(dir, 'no', 'such', 'dir', 'h.md')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write');
  });
});

describe('sopwright graph', () => {
  it.each([
    ['dot', /^digraph "basic" \{/],
    ['mermaid', /^flowchart LR\n/],
    ['svg', /<svg[\s\S]*<\/svg>\n$/],
  ])('exports the whole graph as %s', async (format, pattern) => {
    const r = await runCli(['graph', basic, '--format', format]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(pattern);
  });

  it('labels in English on request', async () => {
    const r = await runCli(['graph', basic, '--format', 'mermaid', '--locale', 'en']);
    expect(r.stdout).toContain('Refund directly');
  });
});
