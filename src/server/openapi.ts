import { answerSchemaOf, type JsonSchema } from '../workflows/interview.js';
import type { ServedPolicy } from '../workflows/policy-store.js';

/**
 * The OpenAPI 3.1 document of the API, generated from the served policies: each policy's
 * evaluate route takes that policy's own case schema (answers as staff type them), so other
 * systems can generate clients and validate requests against the real policy.
 */

const identity: JsonSchema = {
  type: 'object', required: ['id', 'version', 'hash'],
  properties: { id: { type: 'string' }, version: { type: ['string', 'null'] }, hash: { type: 'string', description: 'sha256 of the compiled sources' } },
};
const diagnostic: JsonSchema = {
  type: 'object', required: ['code', 'severity', 'message'],
  properties: {
    code: { type: 'string' }, severity: { enum: ['error', 'warning', 'info'] }, message: { type: 'string', description: 'names the field, what was given and what is allowed' },
    help: { type: ['string', 'null'] }, file: { type: 'string' }, line: { type: 'integer' }, column: { type: 'integer' },
  },
};
const error: JsonSchema = {
  type: 'object', required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, allowed: { type: 'array', items: { type: 'string' } } } } },
};
const question: JsonSchema = {
  type: 'object', required: ['fact', 'label', 'ask', 'type', 'choices', 'hint'],
  properties: {
    fact: { type: 'string' }, label: { type: 'string' }, ask: { type: 'string' }, type: { enum: ['bool', 'money', 'number', 'text', 'duration', 'enum'] },
    choices: { type: 'array', items: { type: 'object', required: ['value', 'label'], properties: { value: { type: 'string' }, label: { type: 'string' } } } },
    hint: { type: 'string' },
  },
};
const value = { type: ['string', 'number', 'boolean', 'object', 'null'] };
const evaluation: JsonSchema = {
  type: 'object',
  required: ['policy', 'status', 'outcome', 'label', 'owner', 'deadline', 'steps', 'documents', 'say', 'notes', 'values', 'needs', 'questions', 'path', 'diagnostics', 'next', 'skipped', 'unknown', 'now', 'why'],
  properties: {
    policy: { $ref: '#/components/schemas/PolicyIdentity' },
    status: { enum: ['decided', 'undecided', 'error'] },
    outcome: { type: ['string', 'null'] }, label: { type: ['string', 'null'] },
    owner: { oneOf: [{ type: 'null' }, { type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' } } }] },
    deadline: { oneOf: [{ type: 'null' }, { type: 'object', properties: { amount: { type: 'number' }, unit: { type: 'string' } } }] },
    steps: { type: 'array', items: { type: 'string' } }, documents: { type: 'array', items: { type: 'string' } },
    say: { type: ['string', 'null'] }, notes: { type: 'array', items: { type: 'string' } },
    values: { type: 'object', additionalProperties: value },
    needs: { type: 'array', items: { type: 'string' } },
    questions: { type: 'array', items: { type: 'object', properties: { fact: { type: 'string' }, label: { type: 'string' }, ask: { type: 'string' } } } },
    path: { type: 'array', items: { type: 'object', properties: { decision: { type: 'string' }, branch: { type: 'string' }, facts: { type: 'object', additionalProperties: value } } } },
    diagnostics: { type: 'array', items: { $ref: '#/components/schemas/Diagnostic' } },
    next: { oneOf: [{ type: 'null' }, { $ref: '#/components/schemas/Question' }], description: 'the next question to ask, with its allowed answers; null when there is none' },
    skipped: { type: 'array', items: { type: 'string' }, description: 'facts not asked because every answer leads to the same outcome' },
    unknown: { type: 'array', items: { type: 'string' }, description: 'facts still needed that staff said they do not know' },
    now: { type: ['string', 'null'], description: 'the moment filled from the clock as `now`, when the policy reads it' },
    why: { type: 'array', items: { type: 'string' }, description: 'the path in words, one line per decision taken' },
  },
};
const invalidCase: JsonSchema = {
  type: 'object', required: ['policy', 'status', 'diagnostics'],
  properties: { policy: { $ref: '#/components/schemas/PolicyIdentity' }, status: { const: 'error' }, diagnostics: { type: 'array', items: { $ref: '#/components/schemas/Diagnostic' } } },
};

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const localeParam = (locales: readonly string[]) => ({ name: 'locale', in: 'query', required: false, schema: { enum: [...locales] }, description: 'the language of texts and messages' });
const errors = {
  '400': { description: 'bad input: the diagnostics say which field, what was given and what is allowed', content: json({ oneOf: [ref('InvalidCase'), ref('Error')] }) },
  '401': { description: 'no or wrong access token', content: json(ref('Error')) },
  '404': { description: 'no such policy', content: json(ref('Error')) },
  '413': { description: 'the body is too large', content: json(ref('Error')) },
};

const statuses = ['open', 'in_progress', 'done', 'confirmed', 'cancelled'];
const registerEntry: JsonSchema = {
  type: 'object', required: ['id', 'recorded_at', 'staff', 'policy', 'case', 'outcome', 'owner', 'due', 'status', 'notes', 'history'],
  properties: {
    id: { type: 'integer' }, recorded_at: { type: 'string', format: 'date-time' }, day: { type: 'string', format: 'date' },
    staff: { type: 'string' }, account: { type: ['string', 'null'] }, policy: { $ref: '#/components/schemas/PolicyIdentity' },
    case: { type: 'object' }, outcome: { type: 'string' }, owner: { type: ['string', 'null'] }, due: { type: ['string', 'null'], format: 'date-time' },
    status: { enum: statuses }, labels: { type: 'object' },
    notes: { type: 'array', items: { type: 'object', properties: { at: { type: 'string' }, staff: { type: 'string' }, text: { type: 'string' } } } },
    history: { type: 'array', items: { type: 'object', properties: { at: { type: 'string' }, staff: { type: 'string' }, kind: { enum: ['recorded', 'status', 'note', 'reassign'] }, from: { type: ['string', 'null'] }, to: { type: ['string', 'null'] }, note: { type: ['string', 'null'] } } } },
  },
};

/** The register's routes (answering 503 when the server keeps no register). */
function registerPaths(policies: readonly string[]): Record<string, unknown> {
  const entry = { description: 'the entry with its full history', content: json(ref('RegisterEntry')) };
  const failures = {
    '400': { description: 'a bad request: the field, what was given and what is allowed', content: json(ref('Error')) },
    '404': { description: 'no such entry', content: json(ref('Error')) },
    '503': { description: 'the register database cannot be used, or the server keeps none', content: json(ref('Error')) },
  };
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
  const change = (required: string[], extra: Record<string, unknown>) => ({ required: true, content: json({ type: 'object', required, additionalProperties: false, properties: { ...extra, staff: { type: 'string' }, note: { type: 'string' } } }) });
  const q = (name: string, schema: unknown, description: string) => ({ name, in: 'query', required: false, schema, description });
  return {
    '/v1/register': {
      post: {
        operationId: 'recordCase', summary: 'evaluate a case and record it in the after-sales register (`now` is the moment of recording unless the case gives it)',
        requestBody: { required: true, content: json({ type: 'object', required: ['policy', 'case', 'staff'], additionalProperties: false, properties: { policy: { enum: [...policies] }, case: { type: 'object' }, staff: { type: 'string' }, note: { type: 'string' }, account: { type: 'string' } } }) },
        responses: { '201': entry, '400': { description: 'an undecided case (the evaluation, with `next`), an invalid case (its diagnostics), or a bad request', content: json({ oneOf: [ref('Evaluation'), ref('InvalidCase'), ref('Error')] }) }, '404': { description: 'no such policy', content: json(ref('Error')) }, '503': failures['503'] },
      },
      get: {
        operationId: 'listRegister', summary: 'entries of the register, oldest first, a page at a time',
        parameters: [q('day', { type: 'string', format: 'date' }, 'the day of recording'), q('status', { enum: statuses }, ''), q('owner', { type: 'string' }, 'a department id'),
          q('outcome', { type: 'string' }, 'an outcome id'), q('overdue', { enum: ['true', 'false'] }, 'only cases past their due moment and still open or in progress'),
          q('limit', { type: 'integer', minimum: 1, maximum: 1000 }, 'page size (default 50)'), q('after', { type: 'string' }, 'the `next` cursor of the previous page')],
        responses: { '200': { description: '`next` is null on the last page', content: json({ type: 'object', required: ['entries', 'next'], properties: { entries: { type: 'array', items: ref('RegisterEntry') }, next: { type: ['string', 'null'] } } }) }, '400': failures['400'], '503': failures['503'] },
      },
    },
    '/v1/register/{id}': { get: { operationId: 'getRegisterEntry', summary: 'one entry with its full history', parameters: [idParam], responses: { '200': entry, '404': failures['404'], '503': failures['503'] } } },
    '/v1/register/{id}/status': {
      post: { operationId: 'moveRegisterEntry', summary: 'move a case along its status (open → in_progress → done → confirmed, or cancelled)', parameters: [idParam], requestBody: change(['status', 'staff'], { status: { enum: statuses } }), responses: { '200': entry, ...failures, '409': { description: 'the status rules forbid the move (`allowed` lists those they allow), or another desk moved it first', content: json(ref('Error')) } } },
    },
    '/v1/register/{id}/notes': { post: { operationId: 'noteRegisterEntry', summary: 'add a note to a case\'s history', parameters: [idParam], requestBody: change(['staff', 'note'], {}), responses: { '200': entry, ...failures } } },
    '/v1/register/{id}/owner': { post: { operationId: 'reassignRegisterEntry', summary: 'hand a case to another department of its policy', parameters: [idParam], requestBody: change(['owner', 'staff'], { owner: { type: 'string' } }), responses: { '200': entry, ...failures } } },
  };
}

/** The OpenAPI 3.1 document for the policies served now. */
export function openApiDocument(policies: readonly ServedPolicy[], version: string): JsonSchema {
  const paths: Record<string, unknown> = {
    '/v1/policies': {
      get: {
        operationId: 'listPolicies', summary: 'the policies served',
        responses: { '200': { description: 'id, title, version and hash of each policy, and its departments', content: json({ type: 'array', items: { type: 'object', required: ['id', 'title', 'version', 'hash', 'departments'], properties: { id: { type: 'string' }, title: { type: 'string' }, version: { type: ['string', 'null'] }, hash: { type: 'string' }, departments: { type: 'array', items: { type: 'object', required: ['id', 'label'], properties: { id: { type: 'string' }, label: { type: 'string' } } } } } } }) } },
      },
    },
    '/healthz': { get: { operationId: 'health', summary: 'liveness, and the policy versions refused on reload', responses: { '200': { description: 'the server is up', content: json({ type: 'object' }) } } } },
    '/openapi.json': { get: { operationId: 'openApi', summary: 'this document', responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } } } },
  };
  Object.assign(paths, registerPaths(policies.map((p) => p.id)));
  const schemas: Record<string, unknown> = { PolicyIdentity: identity, Diagnostic: diagnostic, Error: error, Question: question, Evaluation: evaluation, InvalidCase: invalidCase, RegisterEntry: registerEntry };
  for (const p of policies) {
    const name = `Case_${p.id}`;
    schemas[name] = answerSchemaOf(p.graph);
    const base = `/v1/policies/${p.id}`;
    const locales = p.graph.policy.locales;
    paths[`${base}/schema`] = {
      get: { operationId: `schema_${p.id}`, summary: `the case JSON Schema (draft-07) of \`${p.id}\``, parameters: [localeParam(locales)], responses: { '200': { description: 'JSON Schema', content: json({ type: 'object' }) }, ...errors } },
    };
    paths[`${base}/evaluate`] = {
      post: {
        operationId: `evaluate_${p.id}`, summary: `evaluate one case of \`${p.id}\`; when undecided, \`next\` is the question to ask`,
        parameters: [localeParam(locales), { name: 'unknown', in: 'query', required: false, schema: { type: 'string' }, description: 'comma-separated facts staff cannot find out now' }],
        requestBody: { required: true, content: json(ref(name)) },
        responses: { '200': { description: 'the evaluation', content: json(ref('Evaluation')) }, ...errors },
      },
    };
    paths[`${base}/evaluate-batch`] = {
      post: {
        operationId: `evaluateBatch_${p.id}`, summary: `evaluate many cases of \`${p.id}\`: JSON Lines (or CSV) in, JSON Lines out, streamed in order`,
        parameters: [localeParam(locales)],
        requestBody: { required: true, content: { 'application/x-ndjson': { schema: { type: 'string', description: `one case (${name}) per line` } }, 'text/csv': { schema: { type: 'string', description: 'a header row of fact ids, then one case per row' } } } },
        responses: { '200': { description: 'one result line per case line, in order', content: { 'application/x-ndjson': { schema: { type: 'string' } } } }, ...errors, '415': { description: 'not JSON Lines or CSV', content: json(ref('Error')) } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'sopwright', version, description: 'Evaluate cases of the shop\'s customer-service policies. Every answer carries the policy id, version and hash.' },
    components: {
      schemas,
      securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'required when the server listens beyond this machine' } },
    },
    security: [{}, { token: [] }],
    paths,
  };
}
