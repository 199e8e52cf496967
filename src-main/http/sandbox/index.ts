/**
 * The sandbox API: what Okta has no endpoint for (DESIGN.md), under its own prefix
 * `/api/sandbox/v1`, with the management API's `SSWS` admin token, Okta error JSON (unknown paths: `api-not-found.ts`) and no CORS.
 */
import type { FastifyInstance } from 'fastify';
import { SANDBOX_PREFIX } from '../../contracts/routes.js';
import type { HttpContext } from '../context.js';
import { sswsGuard } from '../management/ssws-auth.js';
import { registerDocumentRoutes } from './documents.js';
import { registerEventRoutes } from './events.js';
import { registerPreviewRoutes } from './previews.js';
import { registerFlowRunRoutes } from './flow-runs.js';
import { registerInspectRoutes } from './inspect.js';
import { registerSecuritySettingsRoutes } from './security-settings.js';
import { registerOrgServerRoutes } from './org-server.js';
import type { SandboxOptions } from './events.js';

export type { SandboxOptions };
/** Declared with the routes in `contracts/routes.ts`; exported here as before. */
export { SANDBOX_PREFIX };

export async function registerSandboxApi(
  app: FastifyInstance,
  ctx: HttpContext,
  options: SandboxOptions = {},
): Promise<void> {
  await app.register(
    async (api) => {
      api.addHook('onRequest', sswsGuard(ctx.adminToken));
      registerEventRoutes(api, ctx, options);
      registerPreviewRoutes(api, ctx);
      registerInspectRoutes(api, ctx);
      registerDocumentRoutes(api, ctx);
      registerFlowRunRoutes(api, ctx);
      registerSecuritySettingsRoutes(api, ctx);
      registerOrgServerRoutes(api, ctx);
    },
    { prefix: SANDBOX_PREFIX },
  );
}
