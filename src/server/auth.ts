import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * The access token: when the server listens beyond this machine, every request must carry it as
 * `Authorization: Bearer TOKEN` (or `?access_token=TOKEN`, which the desk page uses to load
 * itself); any other request is refused with 401 before a route runs.
 */
export function requireToken(app: FastifyInstance, token: string): void {
  const expected = Buffer.from(token);
  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers.authorization;
    const fromHeader = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
    const query = request.query as Record<string, unknown> | undefined;
    const given = fromHeader ?? (typeof query?.access_token === 'string' ? query.access_token : undefined);
    if (given !== undefined && sameToken(Buffer.from(given), expected)) return;
    await reply
      .code(401)
      .header('www-authenticate', 'Bearer')
      .send({ error: { code: 'request/unauthorized', message: 'this server needs an access token: send `Authorization: Bearer TOKEN`' } });
  });
}

function sameToken(given: Buffer, expected: Buffer): boolean {
  return given.length === expected.length && timingSafeEqual(given, expected);
}
