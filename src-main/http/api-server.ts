/**
 * The fastify instance that serves everything under `/api`: the Okta management API (`/api/v1`,
 * behind the `SSWS` guard), the sandbox API and Okta's 404 for other `/api` paths. It never listens:
 * `server.ts` imports and builds it on the first `/api` request and hands that request and every
 * later one to it, so a start does not load or register the some 250 routes only the UI and the
 * management clients use.
 */
import type { FastifyInstance } from 'fastify';
import { registerApiNotFound } from './api-not-found.js';
import { baseServer } from './base-server.js';
import type { HttpServerOptions } from './base-server.js';
import type { HttpContext } from './context.js';
import { managementGuard } from './management/api-auth.js';
import { registerManagementRoutes } from './management/index.js';
import { registerSandboxApi } from './sandbox/index.js';

export async function buildApiServer(ctx: HttpContext, options: HttpServerOptions): Promise<FastifyInstance> {
  await ctx.services.loadSandbox();
  const app = baseServer(ctx, options);
  await app.register(
    async (api) => {
      api.addHook('onRequest', managementGuard(ctx));
      registerManagementRoutes(api, ctx);
    },
    { prefix: '/api/v1' },
  );
  await registerSandboxApi(app, ctx, options.sandbox);
  registerApiNotFound(app, ctx);
  await app.ready();
  return app;
}
