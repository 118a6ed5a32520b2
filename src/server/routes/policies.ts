import type { FastifyPluginAsync } from 'fastify';
import { policySchema } from '../../workflows/cases.js';
import { policyDepartments, policyTitle } from '../../workflows/policy-store.js';
import type { ServerContext } from '../app.js';
import { identify, requestLocale, servedPolicy } from '../identity.js';

/** `GET /v1/policies` and `GET /v1/policies/{id}/schema`: what is served, and the case schema of each. */
export const policyRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.get('/v1/policies', async (request) => {
    const asked = (request.query as Record<string, unknown>).locale;
    return ctx.store.list().map((p) => ({
      id: p.id,
      title: policyTitle(p, typeof asked === 'string' ? asked : undefined),
      version: p.version,
      hash: p.hash,
      // The departments a case can be assigned to (the desk's reassignment choices).
      departments: policyDepartments(p, typeof asked === 'string' ? asked : undefined),
    }));
  });

  app.get<{ Params: { id: string } }>('/v1/policies/:id/schema', async (request, reply) => {
    const policy = servedPolicy(ctx, request.params.id, reply);
    if (policy === undefined) return reply;
    const locale = requestLocale(policy, request.query, reply);
    if (locale === undefined) return reply;
    identify(policy, reply);
    return policySchema(policy.loaded, { locale }).schema;
  });
};
