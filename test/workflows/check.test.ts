import { describe, expect, it } from 'vitest';
import { checkPolicies } from '../../src/workflows/check.js';
import { findPolicyEntries, hasPolicyHeader } from '../../src/workflows/entries.js';
import { memoryFiles } from '../../src/workflows/files.js';
import { loadPolicy } from '../../src/workflows/policy.js';
import { project } from './fixtures.js';

describe('findPolicyEntries', () => {
  it('takes files as given and, in a directory, only files with a policy header', () => {
    expect(findPolicyEntries(['shop', 'broken/broken.sop'], memoryFiles(project()))).toEqual({
      entries: ['shop/exchanges.sop', 'shop/returns.sop', 'broken/broken.sop'],
      problems: [],
    });
  });

  it('names a missing path and a directory of libraries only', () => {
    expect(findPolicyEntries(['nowhere', 'library-only'], memoryFiles(project())).problems).toEqual([
      'cannot read `nowhere`: no such file',
      'no `.sop` file with a `policy` header in `library-only`',
    ]);
  });

  it.each([
    ['policy returns "x" {', true],
    ['  policy returns', true],
    ['# policy returns', false],
    ['fact policy_id: text', false],
  ])('recognises a policy header in %j: %s', (text, expected) => {
    expect(hasPolicyHeader(text)).toBe(expected);
  });
});

describe('checkPolicies', () => {
  it('reports a problem of a library two policies import once', () => {
    const check = checkPolicies(['shop'], { files: memoryFiles(project()) });
    expect(check.entries).toEqual(['shop/exchanges.sop', 'shop/returns.sop']);
    expect(check.diagnostics.map((d) => `${d.span.file} ${d.code}`)).toEqual(['shop/lib/vocabulary.sop graph/unused-fact']);
    expect([...check.sources.keys()].sort()).toEqual(['shop/exchanges.sop', 'shop/lib/vocabulary.sop', 'shop/returns.sop']);
    expect(check.problems).toEqual([]);
  });

  it('reads each file once, however many policies import it', () => {
    const files = memoryFiles(project());
    const reads: string[] = [];
    checkPolicies(['shop'], { files: { ...files, readText: (f) => (reads.push(f), files.readText(f)) } });
    expect(reads.filter((f) => f === 'shop/lib/vocabulary.sop')).toHaveLength(1);
  });

  it('keeps going past a path it cannot read and returns the errors of a broken policy', () => {
    const check = checkPolicies(['nowhere.sop', 'broken'], { files: memoryFiles(project()) });
    expect(check.problems).toEqual(['cannot read `nowhere.sop`: no such file']);
    expect(check.diagnostics.map((d) => d.code)).toContain('resolve/unknown-target');
  });
});

describe('loadPolicy', () => {
  it('gives the graph of a clean policy with its warnings and sources', () => {
    const loaded = loadPolicy('shop/returns.sop', { files: memoryFiles(project()) });
    expect(loaded.graph?.policy.id).toBe('returns');
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['graph/unused-fact']);
    expect(loaded.problems).toEqual([]);
  });

  it('gives no graph for a policy with errors, and a problem for an entry it cannot read', () => {
    const files = memoryFiles(project());
    const broken = loadPolicy('broken/broken.sop', { files });
    expect(broken.graph).toBeUndefined();
    expect(broken.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(loadPolicy('shop', { files })).toMatchObject({ graph: undefined, diagnostics: [], problems: ['cannot read `shop`: is a directory'] });
  });
});
