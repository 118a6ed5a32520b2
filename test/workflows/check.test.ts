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

  it('judges a shared library over all its importers: a name one importer uses is used', () => {
    const files = project();
    files['shop/lib/vocabulary.sop'] += 'department shipping "发货" @en "Shipping"\ndepartment idle "闲置" @en "Idle"\nenum colour_kind "颜色" @en "Colour" {\n  red "红" @en "Red"\n  blue "蓝" @en "Blue"\n}\n';
    // Only returns.sop has a fact of the shared enum and owns an outcome by `shipping`.
    files['shop/returns.sop'] = files['shop/returns.sop']
      .replace('outcome reship "补发" @en "Reship" { owner finance }', 'outcome reship "补发" @en "Reship" { owner shipping }')
      .replace('otherwise -> refund', 'when colour == red -> reship\n  otherwise -> refund') + 'fact colour: colour_kind "颜色" @en "Colour"\n';
    const check = checkPolicies(['shop'], { files: memoryFiles(files) });
    // `shipping` is used by returns.sop; `idle` by nobody; `colour_kind.blue` is judged by returns.sop
    // alone (exchanges.sop has no fact of that enum), where the `otherwise` branch takes its cases.
    expect(check.diagnostics.map((d) => `${d.span.file} ${d.code} ${d.message}`).sort()).toEqual([
      'shop/lib/vocabulary.sop graph/unused-department no outcome is owned by department `idle`',
      'shop/lib/vocabulary.sop graph/unused-fact fact `unused` is never used',
    ]);
    // Checked alone, exchanges.sop still reports the department it does not use: no policy sits
    // beside the library in shop/lib/ to use it.
    const alone = checkPolicies(['shop/exchanges.sop'], { files: memoryFiles(files) });
    expect(alone.diagnostics.map((d) => d.message)).toContain('no outcome is owned by department `shipping`');
  });

  it('judges a library by the policies beside it when one policy is checked alone', () => {
    const files = project();
    // The library moves next to the policies, as rules/departments.sop sits next to rules/*.sop.
    files['shop/vocabulary.sop'] = `${files['shop/lib/vocabulary.sop']}department shipping "发货" @en "Shipping"\n`;
    delete files['shop/lib/vocabulary.sop'];
    for (const name of ['shop/returns.sop', 'shop/exchanges.sop']) files[name] = files[name].replace('lib/vocabulary.sop', 'vocabulary.sop');
    files['shop/returns.sop'] = files['shop/returns.sop'].replace('outcome reship "补发" @en "Reship" { owner finance }', 'outcome reship "补发" @en "Reship" { owner shipping }');
    const alone = checkPolicies(['shop/exchanges.sop'], { files: memoryFiles(files) });
    expect(alone.entries).toEqual(['shop/exchanges.sop']);
    // `shipping` is used by returns.sop beside it; `unused` is used by nobody; returns.sop's own
    // diagnostics are not reported (it was judged, not checked).
    expect(alone.diagnostics.map((d) => `${d.span.file} ${d.message}`)).toEqual(['shop/vocabulary.sop fact `unused` is never used']);
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
    const files = project();
    files['shop/returns.sop'] += 'fact gift: bool "赠品" @en "Gift"\n';
    const loaded = loadPolicy('shop/returns.sop', { files: memoryFiles(files) });
    expect(loaded.graph?.policy.id).toBe('returns');
    // The entry's own unused fact; the library's (`unused`) is `check`'s to judge over all its importers.
    expect(loaded.diagnostics.map((d) => [d.code, d.message])).toEqual([['graph/unused-fact', 'fact `gift` is never used']]);
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
