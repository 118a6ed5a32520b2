import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumFlags, findBrowser } from '../../src/render/pdf.js';
import { serveLazily } from './lazy-service.js';

/**
 * One Chromium for the whole test run (vitest globalSetup). Launching Chromium costs about a
 * second of both cores, so the browser tests connect to one shared browser instead of each
 * launching their own. It is launched lazily (test/support/lazy-service.ts), so a run without
 * browser tests never starts Chromium. See test/support/browser.ts.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** The URL that answers the shared browser's WebSocket endpoint (see test/support/browser.ts). */
    browserLauncher: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const launch = (): Promise<BrowserServer> => {
    const found = findBrowser(undefined, process.env);
    if ('diagnostic' in found) return Promise.reject(new Error(`${found.diagnostic.message}; ${found.diagnostic.help}`));
    return chromium.launchServer({ executablePath: found.path, args: [...chromiumFlags], headless: true, chromiumSandbox: false });
  };
  const service = await serveLazily(launch, (browser) => browser.wsEndpoint(), (browser) => browser.close());
  project.provide('browserLauncher', service.url);
  return () => service.close();
}
