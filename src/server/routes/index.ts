import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../app.js';
import { batchRoutes } from './batch.js';
import { deskRoutes } from './desk.js';
import { evaluateRoutes } from './evaluate.js';
import { metaRoutes } from './meta.js';
import { policyRoutes } from './policies.js';
import { registerRoutes } from './register.js';

/**
 * The route groups of the server, one Fastify plugin each, registered in this order. To add a
 * group, write `routes/<name>.ts` exporting a plugin and add it
 * here; nothing else needs to change.
 */
export const routeGroups: readonly FastifyPluginAsync<ServerContext>[] = [metaRoutes, policyRoutes, evaluateRoutes, batchRoutes, registerRoutes, deskRoutes];
