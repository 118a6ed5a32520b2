import { describe, expect, it } from 'vitest';
import { memoryFiles } from '../../src/workflows/files.js';
import { runPolicyTests } from '../../src/workflows/policy-tests.js';
import { project } from './fixtures.js';

describe('runPolicyTests', () => {
  it('runs every test file under a directory and counts the results', () => {
    const run = runPolicyTests(['shop'], { files: memoryFiles(project()) });
    expect(run.files).toEqual(['shop/returns.test.yaml']);
    expect({ passed: run.passed, failed: run.failed, policyErrors: run.policyErrors }).toEqual({ passed: 2, failed: 0, policyErrors: false });
    expect(run.coverage).toBeNull();
  });

  it('measures coverage and names each figure below the minimum', () => {
    const run = runPolicyTests(['shop'], { minCoverage: 90, files: memoryFiles(project()) });
    expect(run.coverage?.[0].coverage.branches).toMatchObject({ covered: 2, total: 3 });
    expect(run.belowMinimum).toEqual([{ policy: 'shop/returns.sop', kind: 'branches', percent: (2 / 3) * 100, minimum: 90 }]);
  });

  it('writes a JUnit report whole through the file host', () => {
    const files = project();
    runPolicyTests(['shop'], { junit: 'out/junit.xml', files: memoryFiles(files) });
    expect(files['out/junit.xml']).toContain('<testsuite name="shop/returns.test.yaml" tests="2" failures="0"');
  });

  it('counts a test file whose policy has errors as failed and flags the policy', () => {
    const files = project();
    files['broken/broken.test.yaml'] = 'policy: broken.sop\ntests:\n  - name: x\n    case: {}\n    expect: { outcome: refund }\n';
    const run = runPolicyTests(['broken'], { files: memoryFiles(files) });
    expect(run.policyErrors).toBe(true);
    expect(run.failed).toBe(1);
  });

  it('does not start when a path cannot be read, and finds nothing in a directory without tests', () => {
    expect(runPolicyTests(['nowhere'], { files: memoryFiles(project()) })).toMatchObject({ problems: ['cannot read `nowhere`: no such file'], reports: [] });
    expect(runPolicyTests(['library-only'], { files: memoryFiles(project()) })).toMatchObject({ problems: [], files: [] });
  });
});
