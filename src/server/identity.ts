import type { FastifyReply } from 'fastify';
import type { ServedPolicy } from '../workflows/policy-store.js';
import type { ServerContext } from './app.js';
import { errorBody } from './errors.js';

/** The identity every answer about a policy carries: which policy, which version, which exact sources. */
export interface PolicyIdentity {
  readonly id: string;
  readonly version: string | null;
  readonly hash: string;
}

/** A served policy's identity, also set as response headers (for answers that are not one JSON object). */
export function identify(policy: ServedPolicy, reply: FastifyReply): PolicyIdentity {
  void reply.header('sopwright-policy-id', policy.id).header('sopwright-policy-hash', policy.hash);
  if (policy.version !== null) void reply.header('sopwright-policy-version', policy.version);
  return { id: policy.id, version: policy.version, hash: policy.hash };
}

/** The policy a route names, or a 404 listing the policies there are. */
export function servedPolicy(ctx: ServerContext, id: string, reply: FastifyReply): ServedPolicy | undefined {
  const policy = ctx.store.get(id);
  if (policy === undefined) {
    const ids = ctx.store.list().map((p) => p.id);
    void reply.code(404).send(errorBody('request/unknown-policy', `no policy \`${id}\` is served`, ids));
  }
  return policy;
}

/** The locale a request asks for (`?locale=`), or a 400 listing the policy's locales. */
export function requestLocale(policy: ServedPolicy, query: unknown, reply: FastifyReply): string | undefined {
  const asked = (query as Record<string, unknown> | undefined)?.locale;
  const locales = policy.graph.policy.locales;
  if (asked === undefined) return locales[0] ?? 'zh-CN';
  if (typeof asked === 'string' && locales.includes(asked)) return asked;
  void reply.code(400).send(errorBody('request/bad-locale', `\`locale\` must be one of the policy's locales, got ${JSON.stringify(asked)}`, locales));
  return undefined;
}
