/**
 * The one HTTP origin of Authbox: protocol endpoints under /oauth2, the Okta management API under
 * /api/v1, the sandbox API under /api/sandbox/v1 (both served by `api-server.ts`, loaded on the first
 * `/api` request), and the UI at /. Errors leave in the format of the surface they came from.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { baseServer } from './base-server.js';
import type { HttpServerOptions } from './base-server.js';
import type { HttpContext } from './context.js';
import { registerAuthorizeRoutes } from './oauth/authorize.js';
import { registerProtocolCors } from './oauth/cors.js';
import { registerDeviceAuthorizeRoutes } from './oauth/device-authorize.js';
import { registerDeviceVerificationRoutes } from './oauth/device-verification.js';
import { registerDiscoveryRoutes } from './oauth/discovery.js';
import { registerIntrospectRoutes } from './oauth/introspect.js';
import { registerLogoutRoutes } from './oauth/logout.js';
import { registerRevokeRoutes } from './oauth/revoke.js';
import { registerTokenRoutes } from './oauth/token.js';
import { registerUserinfoRoutes } from './oauth/userinfo.js';
import { registerFlowRunnerCallback } from './flow-runner-callback.js';

export type { HttpServerOptions };

/**
 * Every request under `/api` goes to the instance of `api-server.ts`, imported and built on the first
 * one (concurrent first requests share that build). Its route's onRequest hook runs after the Host
 * check and before the body is read, and hands the untouched request to that instance.
 */
function registerLazyApi(app: FastifyInstance, ctx: HttpContext, options: HttpServerOptions): void {
  let building: Promise<FastifyInstance> | undefined;
  const apiServer = () =>
    (building ??= import('./api-server.js')
      .then(({ buildApiServer }) => buildApiServer(ctx, options))
      .catch((error: unknown) => {
        // Its request is answered 500; the next /api request builds again instead of failing the same way forever.
        building = undefined;
        throw error;
      }));
  const onRequest = async (request: FastifyRequest, reply: FastifyReply) => {
    const api = await apiServer();
    void reply.hijack();
    api.routing(request.raw, reply.raw);
  };
  const unreachable = async () => undefined;
  for (const url of ['/api', '/api/*']) app.all(url, { onRequest }, unreachable);
  // Its own closing ends the event streams it serves (their preClose hook) before this server stops.
  app.addHook('preClose', async () => {
    if (building) await building.then((api) => api.close()).catch(() => undefined);
  });
}

export async function buildHttpServer(ctx: HttpContext, options: HttpServerOptions = {}): Promise<FastifyInstance> {
  const app = baseServer(ctx, options);
  registerProtocolCors(app, ctx);
  registerLazyApi(app, ctx, options);

  registerDiscoveryRoutes(app, ctx);
  await registerTokenRoutes(app, ctx);
  await registerIntrospectRoutes(app, ctx);
  await registerRevokeRoutes(app, ctx);
  await registerUserinfoRoutes(app, ctx);
  await registerAuthorizeRoutes(app, ctx);
  await registerLogoutRoutes(app, ctx);
  await registerDeviceAuthorizeRoutes(app, ctx);
  await registerDeviceVerificationRoutes(app, ctx);
  await registerFlowRunnerCallback(app);
  await registerUi(app, ctx.uiRoot);
  return app;
}

const UI_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

async function registerUi(app: FastifyInstance, uiRoot: string | undefined): Promise<void> {
  if (uiRoot && existsSync(join(uiRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: uiRoot,
      index: 'index.html',
      setHeaders: (res) => {
        for (const [name, value] of Object.entries(UI_HEADERS)) void res.header(name, value);
      },
    });
    return;
  }
  app.get('/', async (_request, reply) =>
    reply
      .headers(UI_HEADERS)
      .type('text/html; charset=utf-8')
      .send(
        '<!doctype html><title>Authbox</title><p>The Authbox UI is not built. Run <code>npm run build</code>, then reload.</p>',
      ),
  );
}
