import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../app.js';
import { errorBody } from '../errors.js';
import { deskAssetsDir } from '../package-info.js';

/** The desk's files: the page, its script and its style, all bundled by esbuild into dist/desk. */
const ASSETS: Readonly<Record<string, string>> = {
  '/': 'index.html',
  '/desk.js': 'desk.js',
  '/desk.css': 'desk.css',
};
const TYPES: Readonly<Record<string, string>> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

/** `GET /`: the desk page for staff, served from local files only (no network fetch). */
export const deskRoutes: FastifyPluginAsync<ServerContext> = async (app, ctx) => {
  const dir = ctx.options.deskDir ?? deskAssetsDir();
  // Read once: the page does not change while the server runs.
  const files = new Map<string, Buffer>();
  for (const [route, file] of Object.entries(ASSETS)) {
    try {
      if (dir !== undefined) files.set(route, readFileSync(join(dir, file)));
    } catch {
      // Not built: the route answers 503 below.
    }
  }
  for (const [route, file] of Object.entries(ASSETS)) {
    app.get(route, async (request, reply) => {
      let body: Buffer | string | undefined = files.get(route);
      const token = (request.query as Record<string, unknown>).access_token;
      // Opened with the access token (already checked): the page's own files must carry it too.
      if (body !== undefined && file === 'index.html' && typeof token === 'string') {
        const q = `?access_token=${encodeURIComponent(token)}`;
        body = body.toString('utf8').replace('href="desk.css"', `href="desk.css${q}"`).replace('src="desk.js"', `src="desk.js${q}"`);
      }
      if (body === undefined) return reply.code(503).send(errorBody('desk/not-built', 'the desk page is not built: run `npm run build`'));
      return reply
        .header('content-type', TYPES[file.split('.').pop() ?? 'html'])
        // The page loads nothing from elsewhere; say so to the browser too.
        .header('content-security-policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
        .header('x-content-type-options', 'nosniff')
        .send(body);
    });
  }
};
