/**
 * The one HTTP origin of Authbox: protocol endpoints under /oauth2, the Okta management API under
 * /api/v1, the sandbox API under /api/sandbox/v1 (both served by `api-server.ts`, loaded on the first
 * `/api` request), and the UI at / (`ui-server.ts`, loaded on the first request for it). Errors leave
 * in the format of the surface they came from.
 */
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
import { registerProtocolEndpoints } from './oauth/protocol-endpoint.js';
import { registerRevokeRoutes } from './oauth/revoke.js';
import { registerTokenRoutes } from './oauth/token.js';
import { registerUserinfoRoutes } from './oauth/userinfo.js';
import { registerFlowRunnerCallback } from './flow-runner-callback.js';
import { UI_HEADERS } from './ui-headers.js';
import { SharedLoad } from '../core/shared-load.js';

export type { HttpServerOptions };

/**
 * A route's `onRequest` hook that hands the request to the fastify instance `build` makes on the first
 * one (concurrent first requests share that build; a failed build is not kept), and the route's
 * handler, which is never reached.
 * The hook runs after the Host check and before the body is read, and hands the untouched request
 * over. The instance closes before this server does (its preClose hooks end the event streams it serves).
 */
function delegateTo(app: FastifyInstance, build: () => Promise<FastifyInstance>) {
  // A failed build answers its request 500; the next request builds again.
  const instance = new SharedLoad(build);
  const onRequest = async (request: FastifyRequest, reply: FastifyReply) => {
    const built = await instance.get();
    void reply.hijack();
    built.routing(request.raw, reply.raw);
  };
  app.addHook('preClose', async () => {
    await instance.started?.then((built) => built.close()).catch(() => undefined);
  });
  return { options: { onRequest }, handler: async () => undefined };
}

/** Every request under `/api` goes to the instance of `api-server.ts`. */
function registerLazyApi(app: FastifyInstance, ctx: HttpContext, options: HttpServerOptions): void {
  const api = delegateTo(app, () =>
    import('./api-server.js').then(({ buildApiServer }) => buildApiServer(ctx, options)),
  );
  for (const url of ['/api', '/api/*']) app.all(url, api.options, api.handler);
}

export async function buildHttpServer(ctx: HttpContext, options: HttpServerOptions = {}): Promise<FastifyInstance> {
  const app = baseServer(ctx, options);
  registerProtocolCors(app, ctx);
  registerLazyApi(app, ctx, options);

  registerDiscoveryRoutes(app, ctx);
  await registerProtocolEndpoints(app, async (protocol) => {
    await registerTokenRoutes(protocol, ctx);
    await registerIntrospectRoutes(protocol, ctx);
    await registerRevokeRoutes(protocol, ctx);
    await registerUserinfoRoutes(protocol, ctx);
    await registerAuthorizeRoutes(protocol, ctx);
    await registerLogoutRoutes(protocol, ctx);
    await registerDeviceAuthorizeRoutes(protocol, ctx);
    await registerDeviceVerificationRoutes(protocol, ctx);
  });
  await registerFlowRunnerCallback(app);
  registerUi(app, ctx, options);
  return app;
}

/** The built UI: every GET and HEAD no other route matches goes to the instance of `ui-server.ts`. */
function registerUi(app: FastifyInstance, ctx: HttpContext, options: HttpServerOptions): void {
  const uiRoot = ctx.uiRoot;
  if (uiRoot && existsSync(join(uiRoot, 'index.html'))) {
    const ui = delegateTo(app, () =>
      import('./ui-server.js').then(({ buildUiServer }) => buildUiServer(ctx, options, uiRoot)),
    );
    app.route({ method: ['HEAD', 'GET'], url: '/*', ...ui.options, handler: ui.handler });
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
