/**
 * The fastify instance that serves the built UI (`@fastify/static` on the UI root). Like `api-server.ts`
 * it never listens: `server.ts` imports and builds it on the first GET or HEAD that no other route
 * matches, and hands that request and every later one to it, so a start does not load the static
 * file server (`@fastify/send`, `mime`, `glob`, `http-errors`) that only a browser's visit needs.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { baseServer } from './base-server.js';
import type { HttpServerOptions } from './base-server.js';
import type { HttpContext } from './context.js';
import { UI_HEADERS } from './ui-headers.js';

export async function buildUiServer(
  ctx: HttpContext,
  options: HttpServerOptions,
  uiRoot: string,
): Promise<FastifyInstance> {
  const app = baseServer(ctx, options);
  await app.register(fastifyStatic, {
    root: uiRoot,
    index: 'index.html',
    setHeaders: (res) => {
      for (const [name, value] of Object.entries(UI_HEADERS)) void res.header(name, value);
    },
  });
  await app.ready();
  return app;
}
