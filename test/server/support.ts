import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createServer, type ServerOptions } from '../../src/server/app.js';
import { openPolicyStore, type PolicyStore, type PolicyStoreOptions } from '../../src/workflows/policy-store.js';
import { repoRoot } from '../support/cli.js';

/** The server of the reference policy, in-process (requests through `inject`, no socket). */
export async function referenceServer(options: ServerOptions = {}, storeOptions: PolicyStoreOptions = {}, paths = [join(repoRoot, 'test/fixtures/reference/after-sales.sop')]): Promise<{ app: FastifyInstance; store: PolicyStore }> {
  const store = openPolicyStore(paths, storeOptions);
  const app = await createServer(store, { clock: () => new Date('2026-12-02T01:30:00Z'), ...options });
  return { app, store };
}

/** A temporary copy of the frozen reference policy and what it imports; removed by the returned function. */
export function rulesCopy(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sopwright-serve-'));
  cpSync(join(repoRoot, 'test/fixtures/reference'), dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
