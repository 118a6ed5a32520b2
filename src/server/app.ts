import Fastify, { type FastifyInstance } from 'fastify';
import type { PolicyStore } from '../workflows/policy-store.js';
import type { Register } from '../workflows/register.js';
import { requireToken } from './auth.js';
import { handleErrors } from './errors.js';
import { routeGroups } from './routes/index.js';

/**
 * The HTTP server of `sopwright serve`: the versioned JSON API under /v1, the OpenAPI document,
 * the health check and the desk page, each route group a Fastify plugin of its own (see
 * routes/index.ts). It is a thin front end: every answer comes from a workflow.
 */

/** Options of `createServer`. */
export interface ServerOptions {
  /** The access token every request must carry; required by the caller for any non-loopback bind. */
  readonly token?: string;
  /** The largest JSON body accepted, in bytes (default 1 MiB). */
  readonly bodyLimit?: number;
  /** The largest batch body accepted, in bytes (default 256 MiB). */
  readonly batchLimit?: number;
  /** How long a request may take, in ms (default 30 s); a slower one is cut off. */
  readonly requestTimeout?: number;
  /** The clock that fills `now` for cases that do not give it (tests inject one). */
  readonly clock?: () => Date;
  /** The after-sales register the /v1/register routes record into (none: they answer 503). */
  readonly register?: Register;
  /** Where the desk's bundled page lives (default: dist/desk beside the package). */
  readonly deskDir?: string;
}

/** What every route plugin gets: the policies and the server's options. */
export interface ServerContext {
  readonly store: PolicyStore;
  readonly options: ServerOptions;
}

/** Builds the server (not listening yet). */
export async function createServer(store: PolicyStore, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    requestTimeout: options.requestTimeout ?? 30_000,
    connectionTimeout: options.requestTimeout ?? 30_000,
    // `__proto__` in a case is an unknown field like any other (the case reader never merges it).
    onProtoPoisoning: 'ignore',
    onConstructorPoisoning: 'ignore',
    return503OnClosing: true,
  });
  handleErrors(app);
  if (options.token !== undefined) requireToken(app, options.token);
  const ctx: ServerContext = { store, options };
  for (const group of routeGroups) await app.register(group, ctx);
  return app;
}
