import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';

/**
 * Assertions for the hot loops of property tests. vitest's `expect(…)` costs tens of
 * microseconds a call (it updates its state on every call), which over the hundred thousand
 * checks of the property tests was a third of their time. These decide the cheap way first and
 * call `expect` only when that does not settle it, so a failure reads exactly as `expect`'s and
 * nothing passes that `expect` would fail. Messages are built only on failure.
 */

/** `expect(actual, message).toBe(expected)`. */
export function expectToBe(actual: unknown, expected: unknown, message?: () => string): void {
  if (!Object.is(actual, expected)) expect(actual, message?.()).toBe(expected);
}

/**
 * `expect(actual, message).toEqual(expected)`. Deep strict equality implies `toEqual`'s (which
 * ignores undefined properties and prototypes); anything else is left to `toEqual` itself.
 */
export function expectToEqual(actual: unknown, expected: unknown, message?: () => string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, message?.()).toEqual(expected);
}
