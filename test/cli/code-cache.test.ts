import { existsSync, mkdtempSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiOnly } from '../../src/cli/ascii-bundle.js';
import { cacheKey, encodeCache, runWithCodeCache } from '../../src/cli/code-cache.js';
import { useZoneCache } from '../../src/cli/zone-cache.js';
import { zoneAnswers, zoneHistory } from '../../src/values/zone-transitions.js';
import { repoRoot, runCli, spawnCli } from '../support/cli.js';

/**
 * The launcher's code cache (src/cli/code-cache.ts): used when valid, ignored and rewritten when
 * missing, stale, damaged or rejected by V8, never an error; the CLI's output is the same with it,
 * without it and in process. The mechanism runs in process on a small bundle; a few spawned runs
 * of the real binary prove the launcher wires it up.
 */

const dir = () => mkdtempSync(join(tmpdir(), 'code-cache-'));

/** A CommonJS bundle that reports what it was given and can load a module. */
const BUNDLE = `"use strict";
const path = require('node:path');
function twice(n) { return n * 2; }
module.exports = { twice, file: __filename, dir: __dirname, sep: path.sep };
`;

function writeBundle(where: string, text = BUNDLE): string {
  const file = join(where, 'bundle.cjs');
  // A build writes a new file, as esbuild does.
  writeFileSync(`${file}.new`, text);
  renameSync(`${file}.new`, file);
  return file;
}

interface Exported {
  twice(n: number): number;
  file: string;
  dir: string;
  sep: string;
}

describe('runWithCodeCache', () => {
  it('runs the bundle as CommonJS and goes missing → written → used', () => {
    const where = dir();
    const bundle = writeBundle(where);
    const cacheFile = join(where, 'cache', 'check.v8');
    const first = runWithCodeCache({ bundle, cacheFile });
    expect(first.cache).toBe('missing');
    const exported = first.exports as Exported;
    expect([exported.twice(21), exported.file, exported.dir, exported.sep]).toEqual([42, bundle, where, '/']);
    first.save();
    const written = readFileSync(cacheFile);
    const second = runWithCodeCache({ bundle, cacheFile });
    expect(second.cache).toBe('used');
    expect((second.exports as Exported).twice(4)).toBe(8);
    second.save();
    // A used cache is not rewritten.
    expect(readFileSync(cacheFile).equals(written)).toBe(true);
  });

  it('ignores a cache of another build of the bundle, then rewrites it', () => {
    const where = dir();
    const cacheFile = join(where, 'check.v8');
    runWithCodeCache({ bundle: writeBundle(where), cacheFile }).save();
    // The same length, another text: V8 alone would take the old cache for it.
    const rebuilt = writeBundle(where, BUNDLE.replace('n * 2', 'n + n'));
    const run = runWithCodeCache({ bundle: rebuilt, cacheFile });
    expect(run.cache).toBe('stale');
    run.save();
    expect(runWithCodeCache({ bundle: rebuilt, cacheFile }).cache).toBe('used');
  });

  it.each([
    ['a flipped byte in the data', (b: Buffer) => Buffer.concat([b.subarray(0, b.length - 40), Buffer.from([b[b.length - 40] ^ 0x55]), b.subarray(b.length - 39)])],
    ['a cut-off file', (b: Buffer) => b.subarray(0, b.length - 100)],
    ['an empty file', () => Buffer.alloc(0)],
    ['another format', (b: Buffer) => Buffer.concat([Buffer.from('sopwright-code-cache 0\n'), b.subarray(23)])],
    ['bytes that are not a cache', () => Buffer.from('\u0000garbage\n\n\n')],
  ])('ignores %s and rewrites the cache', (_, damage) => {
    const where = dir();
    const bundle = writeBundle(where);
    const cacheFile = join(where, 'check.v8');
    runWithCodeCache({ bundle, cacheFile }).save();
    writeFileSync(cacheFile, damage(readFileSync(cacheFile)));
    const run = runWithCodeCache({ bundle, cacheFile });
    expect(run.cache).toBe('stale');
    expect((run.exports as Exported).twice(5)).toBe(10);
    run.save();
    expect(runWithCodeCache({ bundle, cacheFile }).cache).toBe('used');
  });

  it('runs from source when V8 rejects a well-formed cache, then rewrites it', () => {
    const where = dir();
    const bundle = writeBundle(where);
    const cacheFile = join(where, 'check.v8');
    writeFileSync(cacheFile, encodeCache(cacheKey(bundle), Buffer.from('not what V8 wrote'.repeat(10))));
    const run = runWithCodeCache({ bundle, cacheFile });
    expect(run.cache).toBe('rejected');
    expect((run.exports as Exported).twice(6)).toBe(12);
    run.save();
    expect(runWithCodeCache({ bundle, cacheFile }).cache).toBe('used');
  });

  it('runs without a cache when told to, and when the cache cannot be written', () => {
    const where = dir();
    const bundle = writeBundle(where);
    expect(runWithCodeCache({ bundle, cacheFile: undefined }).cache).toBe('off');
    // A file where the cache's directory should be: nothing can be written there.
    writeFileSync(join(where, 'blocked'), '');
    const run = runWithCodeCache({ bundle, cacheFile: join(where, 'blocked', 'check.v8') });
    expect(run.cache).toBe('missing');
    expect(() => run.save()).not.toThrow();
    expect(statSync(join(where, 'blocked')).isFile()).toBe(true);
  });

  it('reads a bundle that is not ASCII as UTF-8', () => {
    const where = dir();
    const bundle = writeBundle(where, 'module.exports = { yuan: "¥", day: /^(\\d+) ?日$/.exec("3 日")[1] };');
    expect(runWithCodeCache({ bundle, cacheFile: undefined }).exports).toEqual({ yuan: '¥', day: '3' });
  });
});

describe('useZoneCache', () => {
  const key = [process.version, process.versions.icu, process.versions.tz].join(' ');
  // This process's histories have answers to keep once a zone was asked about.
  zoneHistory('Asia/Shanghai').previousChange(Date.UTC(2030, 0, 1) / 1000);

  it('keeps the answers, learns them back, and rewrites the file only when a run learnt more', () => {
    const where = dir();
    const file = join(where, 'zones.json');
    useZoneCache(where).save();
    const written = readFileSync(file);
    expect(written.toString('latin1')).toContain('"Asia/Shanghai"');
    const again = useZoneCache(where);
    again.save();
    expect(readFileSync(file).equals(written)).toBe(true);
    zoneHistory('Asia/Shanghai').offsetAt(Date.UTC(1980, 0, 1) / 1000);
    again.save();
    expect(readFileSync(file).equals(written)).toBe(false);
  });

  it.each([
    ['bytes that are not a cache', () => Buffer.from('{}')],
    ['a file of other time-zone data', () => encodeCache(key.replace(/\S+$/, '1999z'), Buffer.from('{"Pacific/Kiritimati":{"offsetAt":[[1,50400]],"previousChange":[]}}'))],
    ['JSON of another shape', () => encodeCache(key, Buffer.from('{"Pacific/Kiritimati":{"offsetAt":[[1,"x"]],"previousChange":[]}}'))],
    ['text that is not JSON', () => encodeCache(key, Buffer.from('{"Pacific/Kiritimati":'))],
  ])('learns nothing from %s, and writes the file anew', (_, content) => {
    const where = dir();
    const file = join(where, 'zones.json');
    writeFileSync(file, content());
    const zones = useZoneCache(where);
    expect(zoneAnswers()['Pacific/Kiritimati']).toBeUndefined();
    zones.save();
    expect(readFileSync(file).toString('latin1')).toContain(key);
  });
});

describe('asciiOnly', () => {
  it('escapes each non-ASCII UTF-16 unit', () => {
    expect(asciiOnly('/[¥￥]/ 😀 a')).toBe('/[\\u00a5\\uffe5]/ \\ud83d\\ude00 a');
  });

  it('leaves strings and regular expressions meaning the same', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), (text) => {
        // A string literal: the same value.
        expect(JSON.parse(asciiOnly(JSON.stringify(text)))).toBe(text);
        // A regular expression literal of the text's characters, with and without the u flag.
        const chars = [...text].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');
        for (const flags of ['', 'u']) {
          const original = new RegExp(`^[${chars}]+$`, flags);
          const escaped = new Function(`return /^[${asciiOnly(chars).replace(/\//g, '\\/').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}]+$/${flags};`)() as RegExp;
          expect(escaped.test(text)).toBe(original.test(text));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('leaves the built CLI bundle with nothing to escape', () => {
    const text = readFileSync(join(repoRoot, 'dist/cli.cjs'), 'latin1');
    expect(text).toBe(asciiOnly(text));
  });
});

describe('the binary with the code cache', () => {
  // Messages in Chinese, from regular expressions and texts the build escaped: the output proves the
  // escaping. The second policy has a time zone: later runs answer it from the kept zone answers.
  const args = ['check', 'test/fixtures/diagnostics/every-error-in-one-run.sop', 'test/fixtures/diagnostics/graph-time-exact.sop', '--locale', 'zh-CN'];

  it('prints the same with a cache, without one, with a damaged one and in process', async () => {
    const cacheDir = dir();
    const cacheFile = join(cacheDir, 'check.v8');
    const expected = await runCli(args);
    expect(expected.code).toBe(1);
    expect(expected.stderr + expected.stdout).toMatch(/[\u4e00-\u9fff]/);

    const first = await spawnCli(args, { env: { SOPWRIGHT_CODE_CACHE: cacheDir } });
    const written = readFileSync(cacheFile);
    expect(readFileSync(join(cacheDir, 'zones.json')).toString('latin1')).toContain('"Asia/Shanghai"');
    const second = await spawnCli(args, { env: { SOPWRIGHT_CODE_CACHE: cacheDir } });
    // The second run used the cache the first wrote: it did not rewrite it.
    expect(readFileSync(cacheFile).equals(written)).toBe(true);
    writeFileSync(cacheFile, written.subarray(0, written.length >> 1));
    const damaged = await spawnCli(args, { env: { SOPWRIGHT_CODE_CACHE: cacheDir } });
    expect(readFileSync(cacheFile).equals(written.subarray(0, written.length >> 1))).toBe(false);
    const off = await spawnCli(args, { env: { SOPWRIGHT_CODE_CACHE: 'off' } });
    for (const run of [first, second, damaged, off]) expect(run).toEqual(expected);
  });

  it('leaves no cache after a usage error', async () => {
    const cacheDir = dir();
    const run = await spawnCli(['graph', 'rules/after-sales.sop', '--format', 'nope'], { env: { SOPWRIGHT_CODE_CACHE: cacheDir } });
    expect(run.code).toBe(2);
    expect(existsSync(join(cacheDir, 'graph.v8'))).toBe(false);
  });

  it('runs when the cache cannot be written', async () => {
    const where = dir();
    writeFileSync(join(where, 'blocked'), '');
    const run = await spawnCli(['check', 'rules/after-sales.sop'], { env: { SOPWRIGHT_CODE_CACHE: join(where, 'blocked') } });
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
