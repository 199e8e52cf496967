/** `GET /api/sandbox/v1/org-server`: the org authorization server as the UI shows it (read-only settings, keys, scopes). */
import type { FastifyInstance } from 'fastify';
import { SANDBOX_PREFIX, routes } from '../../contracts/routes.js';
import { OKTA_API_SCOPES, ORG_OIDC_SCOPES } from '../../core/org-server.js';
import type { HttpContext } from '../context.js';
import { presentKey, presentServer } from '../management/presenters.js';
import { managementRoutes } from '../management/endpoint.js';
import { handle } from '../route-table.js';

export function registerOrgServerRoutes(app: FastifyInstance, ctx: HttpContext): void {
  managementRoutes(app, SANDBOX_PREFIX, [
    handle(routes.getOrgServer, async (request) => {
      const org = ctx.services.servers.org();
      const keys = await ctx.services.servers.keys(org.id);
      const origins = ctx.origins(request);
      return {
        server: presentServer(org, keys.find((k) => k.status === 'ACTIVE')?.kid ?? null, origins),
        keys: keys.map((key) => presentKey(key, origins)),
        scopes: { oidc: [...ORG_OIDC_SCOPES], oktaApi: [...OKTA_API_SCOPES] },
      };
    }),
  ]);
}
