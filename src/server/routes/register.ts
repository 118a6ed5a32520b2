import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { toJsonDiagnostic } from '../../diagnostics/format-json.js';
import { questionFor, toJsonStep } from '../../workflows/interview.js';
import { RegisterError, recordCase, type Register, type RegisterErrorKind } from '../../workflows/register.js';
import type { ServerContext } from '../app.js';
import { errorBody } from '../errors.js';
import { identify, requestLocale, servedPolicy } from '../identity.js';

/**
 * The after-sales register's routes: record a decided case, list and read entries, move a case
 * along its status, add a note, hand it to another department. Every failure is a JSON error
 * naming the field, what was given and what is allowed: 400 for a bad request (an undecided or
 * invalid case gets the evaluation's answer instead), 404 for an unknown entry, 409 for a move the
 * status rules forbid (or another desk made first), 503 when the database cannot be used.
 * Register answers carry the register's clock in `sopwright-now` and its day in `sopwright-today`,
 * so the desk judges "overdue" and "today" by the same clock as the server.
 */

const statusOf: Readonly<Record<RegisterErrorKind, number>> = {
  'invalid-input': 400,
  'not-found': 404,
  'invalid-transition': 409,
  missing: 503,
  'read-only': 503,
  locked: 503,
  'newer-schema': 503,
  unavailable: 503,
};

/** A register failure as a JSON error; anything else goes on to the server's error handler. */
function failure(reply: FastifyReply, error: unknown): FastifyReply {
  if (!(error instanceof RegisterError)) throw error;
  const message = error.help === undefined ? error.message : `${error.message}; ${error.help}`;
  return reply.code(statusOf[error.kind]).send(errorBody(`register/${error.kind}`, message, error.allowed));
}

function badRequest(reply: FastifyReply, message: string, allowed?: readonly string[]): FastifyReply {
  return reply.code(400).send(errorBody('register/invalid-input', message, allowed));
}

/** The fields a body or query may have; the first other one is named in a 400. */
function unknownField(given: Record<string, unknown>, allowed: readonly string[]): string | undefined {
  return Object.keys(given).find((k) => !allowed.includes(k));
}

const RECORD_FIELDS = ['policy', 'case', 'staff', 'note', 'account'];
const STATUS_FIELDS = ['status', 'staff', 'note'];
const NOTE_FIELDS = ['staff', 'note'];
const OWNER_FIELDS = ['owner', 'staff', 'note'];
const LIST_PARAMS = ['day', 'status', 'owner', 'outcome', 'overdue', 'limit', 'after', 'access_token'];

/** The JSON object a route was sent, or a 400 saying what came instead. */
function objectBody(body: unknown, reply: FastifyReply, fields: readonly string[]): Record<string, unknown> | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    void badRequest(reply, `the body must be a JSON object with ${fields.map((f) => `\`${f}\``).join(', ')}; got ${JSON.stringify(body ?? null)}`, fields);
    return undefined;
  }
  const extra = unknownField(body as Record<string, unknown>, fields);
  if (extra !== undefined) {
    void badRequest(reply, `unknown field \`${extra}\``, fields);
    return undefined;
  }
  return body as Record<string, unknown>;
}

/** An entry id from the path, or a 404 naming what was given (ids are whole numbers from 1). */
function entryId(text: string, reply: FastifyReply): number | undefined {
  if (/^[1-9]\d{0,14}$/.test(text)) return Number(text);
  void reply.code(404).send(errorBody('register/not-found', `there is no register entry ${JSON.stringify(text)}; entry ids are whole numbers from 1`));
  return undefined;
}

export const registerRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const register = (reply: FastifyReply): Register | undefined => {
    const r = ctx.options.register;
    if (r === undefined) void reply.code(503).send(errorBody('register/none', 'this server keeps no register: start it with `sopwright serve --db FILE|URL`'));
    else void reply.header('sopwright-now', r.now().toISOString()).header('sopwright-today', r.day());
    return r;
  };

  app.post('/v1/register', async (request, reply) => {
    const reg = register(reply);
    if (reg === undefined) return reply;
    const b = objectBody(request.body, reply, RECORD_FIELDS);
    if (b === undefined) return reply;
    const served = ctx.store.list().map((p) => p.id);
    if (typeof b.policy !== 'string') return badRequest(reply, `\`policy\` must name a served policy, got ${JSON.stringify(b.policy ?? null)}`, served);
    const policy = servedPolicy(ctx, b.policy, reply);
    if (policy === undefined) return reply;
    const locale = requestLocale(policy, request.query, reply);
    if (locale === undefined) return reply;
    const identity = identify(policy, reply);
    try {
      const recorded = await recordCase(reg, policy.graph, identity, { case: b.case, staff: b.staff, account: b.account, note: b.note });
      if ('entry' in recorded) return reply.code(201).send(recorded.entry);
      if (recorded.refused === 'invalid-input') return failure(reply, recorded.error);
      if (recorded.refused === 'invalid') {
        return reply.code(400).send({ policy: identity, status: 'error', diagnostics: recorded.diagnostics.map((d) => toJsonDiagnostic(d, new Map())) });
      }
      // Undecided (or in error): the evaluation's answer, with the next question to ask.
      const next = recorded.result.needs[0];
      const step = { result: recorded.result, question: next === undefined ? null : questionFor(policy.graph, next, locale), skipped: [], unknown: [] };
      return reply.code(400).send({ policy: identity, ...toJsonStep(policy.graph, step, locale) });
    } catch (error) {
      return failure(reply, error);
    }
  });

  app.get('/v1/register', async (request, reply) => {
    const reg = register(reply);
    if (reg === undefined) return reply;
    const query = request.query as Record<string, unknown>;
    const extra = unknownField(query, LIST_PARAMS);
    if (extra !== undefined) return badRequest(reply, `unknown parameter \`${extra}\``, LIST_PARAMS.slice(0, -1));
    for (const [name, value] of Object.entries(query)) {
      if (typeof value !== 'string') return badRequest(reply, `\`${name}\` may be given once, got ${JSON.stringify(value)}`);
    }
    const q = query as Record<string, string | undefined>;
    if (q.overdue !== undefined && q.overdue !== 'true' && q.overdue !== 'false') return badRequest(reply, `\`overdue\` must be true or false, got ${JSON.stringify(q.overdue)}`, ['true', 'false']);
    if (q.limit !== undefined && !/^\d{1,7}$/.test(q.limit)) return badRequest(reply, `\`limit\` must be a whole number from 1 to 1000, got ${JSON.stringify(q.limit)}`);
    try {
      return await reg.list({
        day: q.day, status: q.status as never, owner: q.owner, outcome: q.outcome, overdue: q.overdue === 'true',
        limit: q.limit === undefined ? undefined : Number(q.limit), after: q.after,
      });
    } catch (error) {
      return failure(reply, error);
    }
  });

  app.get<{ Params: { id: string } }>('/v1/register/:id', async (request, reply) => {
    const reg = register(reply);
    if (reg === undefined) return reply;
    const id = entryId(request.params.id, reply);
    if (id === undefined) return reply;
    try {
      return await reg.get(id);
    } catch (error) {
      return failure(reply, error);
    }
  });

  app.post<{ Params: { id: string } }>('/v1/register/:id/status', async (request, reply) => {
    const reg = register(reply);
    if (reg === undefined) return reply;
    const id = entryId(request.params.id, reply);
    if (id === undefined) return reply;
    const b = objectBody(request.body, reply, STATUS_FIELDS);
    if (b === undefined) return reply;
    try {
      return await reg.move(id, b.status, { staff: b.staff as string, note: b.note as string | undefined });
    } catch (error) {
      return failure(reply, error);
    }
  });

  app.post<{ Params: { id: string } }>('/v1/register/:id/notes', async (request, reply) => {
    const reg = register(reply);
    if (reg === undefined) return reply;
    const id = entryId(request.params.id, reply);
    if (id === undefined) return reply;
    const b = objectBody(request.body, reply, NOTE_FIELDS);
    if (b === undefined) return reply;
    try {
      return await reg.addNote(id, { staff: b.staff as string, note: b.note as string | undefined });
    } catch (error) {
      return failure(reply, error);
    }
  });

  app.post<{ Params: { id: string } }>('/v1/register/:id/owner', async (request, reply) => {
    const reg = register(reply);
    if (reg === undefined) return reply;
    const id = entryId(request.params.id, reply);
    if (id === undefined) return reply;
    const b = objectBody(request.body, reply, OWNER_FIELDS);
    if (b === undefined) return reply;
    try {
      const entry = await reg.get(id);
      // The owner is one of the departments of the policy the case was decided under, when it is still served.
      const departments = Object.keys(ctx.store.get(entry.policy.id)?.graph.departments ?? {});
      if (departments.length > 0 && !departments.includes(b.owner as string)) {
        return badRequest(reply, `\`owner\` must be a department of \`${entry.policy.id}\`, got ${JSON.stringify(b.owner ?? null)}`, departments);
      }
      return await reg.reassign(entry.id, b.owner, { staff: b.staff as string, note: b.note as string | undefined });
    } catch (error) {
      return failure(reply, error);
    }
  });
};
