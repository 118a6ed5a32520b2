import type { TestProject } from 'vitest/node';
import { serveLazily } from './lazy-service.js';
import { startCluster } from './postgres-cluster.js';

/**
 * vitest globalSetup: one throwaway PostgreSQL cluster for the whole run, started when a test first
 * asks for it (test/support/lazy-service.ts): `postgresAdminUrl()` in test/support/register.ts
 * answers its URL, and each test makes a database of its own. A missing PostgreSQL fails those
 * tests: the register's tests on PostgreSQL are never skipped.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const service = await serveLazily(startCluster, (cluster) => cluster.url, (cluster) => cluster.stop());
  project.provide('postgresLauncher', service.url);
  return () => service.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The endpoint that starts the shared cluster on first request and answers its URL. */
    postgresLauncher: string;
  }
}
