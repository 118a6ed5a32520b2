import type { TestProject } from 'vitest/node';
import { startCluster } from './postgres-cluster.js';

/**
 * vitest globalSetup: one throwaway PostgreSQL cluster for the whole run; tests read its URL with
 * `inject('postgresUrl')` and make a database of their own (test/support/register.ts). A missing
 * PostgreSQL fails the run: the register's tests on PostgreSQL are never skipped.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
