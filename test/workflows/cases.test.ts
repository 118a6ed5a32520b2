import { describe, expect, it } from 'vitest';
import { evaluateCase, policySchema } from '../../src/workflows/cases.js';
import { memoryFiles } from '../../src/workflows/files.js';
import { loadPolicy } from '../../src/workflows/policy.js';
import { project } from './fixtures.js';

const files = memoryFiles(project());

describe('evaluateCase', () => {
  it('evaluates key=value facts, in the policy\'s first locale by default', () => {
    const run = evaluateCase('shop/returns.sop', { facts: ['problem=damaged', 'item_value=150'], files });
    expect(run.locale).toBe('zh-CN');
    expect(run.result).toMatchObject({ status: 'decided', outcome: { id: 'reship' } });
    expect(run.problems).toEqual([]);
  });

  it('reads a case file, and arguments override it', () => {
    const run = evaluateCase('shop/returns.sop', { case: { path: 'shop/cases/damaged.yaml' }, facts: ['item_value=50'], files });
    expect(run.result?.outcome?.id).toBe('refund');
    expect(run.sources.has('shop/cases/damaged.yaml')).toBe(true);
  });

  it('takes an already loaded policy (as a server keeps them)', () => {
    const policy = loadPolicy('shop/returns.sop', { files });
    expect(evaluateCase(policy, { facts: ['problem=missing'] }).result?.outcome?.id).toBe('refund');
  });

  it('returns the diagnostics of an invalid case, in the asked locale, and no result', () => {
    const run = evaluateCase('shop/returns.sop', { facts: ['problm=missing'], locale: 'en', files });
    expect(run.result).toBeUndefined();
    expect(run.diagnostics.map((d) => d.code)).toEqual(['case/unknown-field']);
    expect(run.diagnostics[0].help).toContain('problem');
  });

  it('names a case file it cannot read', () => {
    const run = evaluateCase('shop/returns.sop', { case: { path: 'shop/cases/none.yaml' }, files });
    expect(run.problems).toEqual(['cannot read `shop/cases/none.yaml`: no such file']);
  });

  it('stops at a policy with errors without reading the case', () => {
    let read = false;
    const run = evaluateCase('broken/broken.sop', { case: { path: '<stdin>', read: () => ((read = true), { ok: true, text: '{}' }) }, files });
    expect(run.policy.graph).toBeUndefined();
    expect(run.result).toBeUndefined();
    expect(read).toBe(false);
  });
});

describe('policySchema', () => {
  it('describes the cases of a policy, in the asked locale', () => {
    const { schema } = policySchema('shop/returns.sop', { locale: 'en', files });
    expect(Object.keys((schema as { properties: object }).properties)).toEqual(['problem', 'item_value', 'unused']);
  });

  it('gives no schema for a policy with errors', () => {
    expect(policySchema('broken/broken.sop', { files }).schema).toBeUndefined();
  });
});
