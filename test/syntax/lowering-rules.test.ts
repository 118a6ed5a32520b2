import { describe, expect, it } from 'vitest';
import { sourceFile } from '../../src/source/source-file.js';
import { lowerItems } from '../../src/syntax/to-ast.js';

/**
 * Lowering no longer asks Chevrotain for its base visitor (that would build the parser at import,
 * which a clean file never needs), so what Chevrotain's `validateVisitor` checked for every file
 * is checked here: lowering has a method for every rule of the grammar.
 */
describe('lowering', () => {
  it('has a method for every rule of the grammar', () => {
    const lowering = lowerItems(sourceFile('empty.sop', ''), []) as unknown as { validateVisitor(): void };
    expect(() => lowering.validateVisitor()).not.toThrow();
  });

  it('names the rules it has no method for', () => {
    const lowering = lowerItems(sourceFile('empty.sop', ''), []) as unknown as Record<string, unknown> & { validateVisitor(): void };
    const broken = Object.create(lowering, { policy: { value: undefined } }) as typeof lowering;
    expect(() => broken.validateVisitor()).toThrow(/rules policy/);
  });
});
