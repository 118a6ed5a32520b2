import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';

/**
 * The test run's shared Chromium (launched once by test/support/browser-setup.ts), connected to
 * from this test file. Each test opens its own context or page and closes it; the file closes its
 * connection in `afterAll` (which leaves the browser running for the other files).
 */
export async function connectSharedBrowser(): Promise<Browser> {
  const response = await fetch(inject('browserLauncher'));
  const text = await response.text();
  if (!response.ok) throw new Error(`no shared browser for the tests: ${text}`);
  return chromium.connect(text);
}
