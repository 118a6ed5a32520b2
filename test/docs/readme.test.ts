import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmePath, withCodesTable } from '../support/readme-codes.js';

describe('README', () => {
  const readme = readFileSync(readmePath, 'utf8');

  it('lists every diagnostic code of the registry (run `npm run docs:codes` after adding one)', () => {
    expect(readme).toBe(withCodesTable(readme));
  });
});
