import type { FastifyPluginAsync } from 'fastify';
import { toJsonDiagnostic } from '../../diagnostics/format-json.js';
import { answerCase, toJsonStep } from '../../workflows/interview.js';
import type { ServerContext } from '../app.js';
import { errorBody } from '../errors.js';
import { identify, requestLocale, servedPolicy } from '../identity.js';

/**
 * `POST /v1/policies/{id}/evaluate`: one case (answers as staff type them) → the answer of
 * `eval --json`, plus `next`, the question to ask when undecided. `?unknown=a,b` names facts
 * staff cannot find out now: they are not asked, and `unknown` lists the ones still needed.
 */
export const evaluateRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  app.post<{ Params: { id: string } }>('/v1/policies/:id/evaluate', async (request, reply) => {
    const policy = servedPolicy(ctx, request.params.id, reply);
    if (policy === undefined) return reply;
    const locale = requestLocale(policy, request.query, reply);
    if (locale === undefined) return reply;
    const unknownParam = (request.query as Record<string, unknown>).unknown;
    const unknown = typeof unknownParam === 'string' && unknownParam !== '' ? unknownParam.split(',') : [];
    const facts = Object.keys(policy.graph.facts);
    const notFacts = unknown.filter((id) => !facts.includes(id));
    if (notFacts.length > 0) return reply.code(400).send(errorBody('request/unknown-fact', `\`unknown\` names no fact of the policy: ${notFacts.join(', ')}`, facts));
    const identity = identify(policy, reply);
    const answered = answerCase(policy.graph, request.body, { locale, unknown: new Set(unknown), clock: ctx.options.clock ?? (() => new Date()) });
    if ('diagnostics' in answered) {
      return reply.code(400).send({ policy: identity, status: 'error', diagnostics: answered.diagnostics.map((d) => toJsonDiagnostic(d, new Map())) });
    }
    return { policy: identity, ...toJsonStep(policy.graph, answered.step, locale, answered.now) };
  });
};
