import { PassThrough, Transform } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { runBatchFiles } from '../../workflows/batch.js';
import type { ServerContext } from '../app.js';
import { errorBody } from '../errors.js';
import { identify, requestLocale, servedPolicy } from '../identity.js';

/** The media types a batch may be sent as: JSON Lines, or CSV with a header row of fact ids. */
const JSONL_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/json-seq'];
const CSV_TYPES = ['text/csv'];

/**
 * `POST /v1/policies/{id}/evaluate-batch`: JSON Lines (or CSV) in, JSON Lines out, streamed: one
 * result line per case line, in order, exactly as `eval --cases` writes them. The body is read
 * as it arrives and never held whole; beyond the batch limit the answer ends with an error line.
 */
export const batchRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  // Pass the body through as a stream: the batch runner reads it line by line.
  app.addContentTypeParser([...JSONL_TYPES, ...CSV_TYPES], (_request, payload, done) => done(null, payload));
  const limit = ctx.options.batchLimit ?? 256 * 1024 * 1024;

  app.post<{ Params: { id: string } }>('/v1/policies/:id/evaluate-batch', async (request, reply) => {
    const policy = servedPolicy(ctx, request.params.id, reply);
    if (policy === undefined) return reply;
    const locale = requestLocale(policy, request.query, reply);
    if (locale === undefined) return reply;
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (!JSONL_TYPES.includes(type) && !CSV_TYPES.includes(type)) {
      return reply.code(415).send(errorBody('request/media-type', 'send the cases as JSON Lines (`application/x-ndjson`) or CSV (`text/csv`)', [...JSONL_TYPES, ...CSV_TYPES]));
    }
    const length = Number(request.headers['content-length']);
    if (Number.isFinite(length) && length > limit) {
      return reply.code(413).send(errorBody('request/too-large', `a batch may have at most ${limit} bytes, got ${length}`));
    }
    identify(policy, reply);
    const output = new PassThrough();
    let tooLarge = false;
    const input = (request.body as NodeJS.ReadableStream).pipe(byteLimit(limit, () => (tooLarge = true)));
    void reply.code(200).header('content-type', 'application/x-ndjson; charset=utf-8').send(output);
    const run = await runBatchFiles(policy.loaded, { cases: '-', stdin: input, stdout: output, locale, format: CSV_TYPES.includes(type) ? 'csv' : 'jsonl' }).catch(
      () => ({ summary: undefined, problems: [tooLarge ? `a batch may have at most ${limit} bytes` : 'internal error in sopwright: please report it'] }),
    );
    const header = run.summary?.headerProblems ?? [];
    if (header.length > 0) output.write(`${JSON.stringify({ error: { code: 'request/bad-header', message: header.map((p) => p.message).join('; ') } })}\n`);
    const problems = tooLarge ? [`a batch may have at most ${limit} bytes`] : run.problems;
    for (const problem of problems) output.write(`${JSON.stringify(errorBody(tooLarge ? 'request/too-large' : 'request/unreadable', problem))}\n`);
    output.end();
    return reply;
  });
};

/** Passes bytes through until `limit`, then fails the stream (the run stops and says why). */
function byteLimit(limit: number, exceeded: () => void): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen <= limit) return callback(null, chunk);
      exceeded();
      callback(Object.assign(new Error(`a batch may have at most ${limit} bytes`), { code: 'ETOOLARGE' }));
    },
  });
}
