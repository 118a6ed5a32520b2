import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';
import { askLazyService } from './lazy-service.js';

/**
 * The test run's shared Chromium (launched once by test/support/browser-setup.ts), connected to
 * from this test file. Each test opens its own context or page and closes it; the file closes its
 * connection in `afterAll` (which leaves the browser running for the other files).
 */
export async function connectSharedBrowser(): Promise<Browser> {
  return chromium.connect(await askLazyService(inject('browserLauncher'), 'shared browser'));
}
