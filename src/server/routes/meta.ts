import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../app.js';
import { openApiDocument } from '../openapi.js';
import { packageVersion } from '../package-info.js';

/** `GET /openapi.json` (generated from the policies served now) and `GET /healthz`. */
export const metaRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get('/openapi.json', async () => openApiDocument(ctx.store.list(), packageVersion()));

  app.get('/healthz', async () => {
    const { served, refused, problems } = ctx.store.report();
    return {
      status: refused.length === 0 && problems.length === 0 ? 'ok' : 'degraded',
      policies: served.map((p) => ({ id: p.id, version: p.version, hash: p.hash })),
      // A version with errors is refused; the last good one keeps serving. This says why.
      refused: refused.map((r) => ({ entry: r.entry, at: r.at, reason: r.reason })),
      problems,
    };
  });
};
