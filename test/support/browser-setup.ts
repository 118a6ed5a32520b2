import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumFlags, findBrowser } from '../../src/render/pdf.js';

/**
 * One Chromium for the whole test run (vitest globalSetup). Launching Chromium costs about a
 * second of both cores, so the browser tests connect to one shared browser instead of each
 * launching their own. It is launched lazily: this setup only starts a loopback HTTP endpoint
 * (port 0) whose first request launches the browser server and answers its WebSocket address, so
 * a run without browser tests never starts Chromium. See test/support/browser.ts.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** The URL that answers the shared browser's WebSocket endpoint (see test/support/browser.ts). */
    browserLauncher: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let launched: Promise<BrowserServer> | undefined;
  const launch = (): Promise<BrowserServer> => {
    const found = findBrowser(undefined, process.env);
    if ('diagnostic' in found) return Promise.reject(new Error(`${found.diagnostic.message}; ${found.diagnostic.help}`));
    return chromium.launchServer({ executablePath: found.path, args: [...chromiumFlags], headless: true, chromiumSandbox: false });
  };
  const server = createServer((_request, response) => {
    launched ??= launch();
    launched.then(
      (browser) => response.end(browser.wsEndpoint()),
      (error: Error) => {
        response.statusCode = 500;
        response.end(error.message);
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  project.provide('browserLauncher', `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  return async () => {
    server.close();
    if (launched !== undefined) await launched.then((browser) => browser.close(), () => undefined);
  };
}
