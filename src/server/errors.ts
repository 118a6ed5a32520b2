import type { FastifyError, FastifyInstance } from 'fastify';

/**
 * Every error a client can cause becomes a JSON answer that says what was wrong and what is
 * allowed; nothing reaches the client as a stack trace. An error the server did not expect is a
 * 500 that asks to be reported, with no detail of the code.
 */

/** The JSON body of an error that is not about the case itself. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly allowed?: readonly string[] };
}

/** An error body. */
export function errorBody(code: string, message: string, allowed?: readonly string[]): ErrorBody {
  return { error: { code, message, ...(allowed !== undefined ? { allowed } : {}) } };
}

const CLIENT_ERRORS: Readonly<Record<string, { code: string; message: (e: FastifyError) => string }>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'request/bad-json', message: (e) => `the body is not valid JSON: ${e.message.replace(/^Body is not valid JSON but content-type is set to 'application\/json'$/, 'it is empty')}` },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'request/bad-json', message: () => 'the body is empty: send a case as a JSON object, `{}` for none' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'request/too-large', message: (e) => `the body is too large: ${e.message}` },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'request/media-type', message: () => 'send the case as `application/json` (a batch as `application/x-ndjson`)' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'request/bad-length', message: () => 'the Content-Length does not match the body' },
};

/** Installs the error and not-found handlers. */
export function handleErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const known = error.code === undefined ? undefined : CLIENT_ERRORS[error.code];
    if (known !== undefined) return reply.code(error.statusCode ?? 400).send(errorBody(known.code, known.message(error)));
    if (error instanceof SyntaxError) return reply.code(400).send(errorBody('request/bad-json', `the body is not valid JSON: ${error.message}`));
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send(errorBody('request/invalid', error.message));
    }
    return reply.code(500).send(errorBody('internal', 'internal error in sopwright: please report it'));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(errorBody('request/not-found', `no route \`${request.method} ${request.url.split('?')[0]}\`; see /openapi.json`));
  });
}
