import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A service the test run starts only when a test first asks for it (Chromium, PostgreSQL). A
 * vitest globalSetup cannot know which files will run, and starting both services up front cost
 * every run (even one test file) seconds of both cores. So the setup serves a loopback HTTP
 * endpoint (port 0): its first request starts the service, and every request answers the
 * service's address (or, with status 500, why it could not start). `askLazyService` is the
 * test side.
 */
export interface LazyService {
  /** The endpoint to hand to tests with `project.provide`. */
  readonly url: string;
  /** Closes the endpoint and stops the service if it was started. */
  close(): Promise<void>;
}

export async function serveLazily<T>(start: () => Promise<T>, addressOf: (service: T) => string, stop: (service: T) => Promise<void>): Promise<LazyService> {
  let started: Promise<T> | undefined;
  const server = createServer((_request, response) => {
    started ??= start();
    started.then(
      (service) => response.end(addressOf(service)),
      (error: Error) => {
        response.statusCode = 500;
        response.end(error.message);
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: async () => {
      // Test workers' fetch keeps its connection alive; without closing it the run would wait
      // for the keep-alive to time out before the process could exit.
      server.close();
      server.closeAllConnections();
      if (started !== undefined) await started.then(stop, () => undefined);
    },
  };
}

/** The address of a lazily started service; throws with the setup's reason when it could not start. */
export async function askLazyService(endpoint: string, what: string): Promise<string> {
  const response = await fetch(endpoint);
  const text = await response.text();
  if (!response.ok) throw new Error(`no ${what} for the tests: ${text}`);
  return text;
}
