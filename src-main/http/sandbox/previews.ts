/**
 * `/api/sandbox/v1/expressions/check` and `…/evaluate`, `/api/sandbox/v1/authorizationServers/{id}/claims/preview`:
 * whether an Expression Language expression is well formed, its value, and what a server's tokens
 * would carry, for a chosen user, app and scope set (contracts/claims-preview.ts). A broken expression or a failing
 * claim is the preview's answer (200); a malformed body is 400 E0000001, an unknown id 404 E0000007.
 */
import type { FastifyInstance } from 'fastify';
import { SANDBOX_PREFIX, routes } from '../../contracts/routes.js';
import type { HttpContext } from '../context.js';
import { issuerOf } from '../../core/protocol/issuer.js';
import { managementRoutes } from '../management/endpoint.js';
import { handle } from '../route-table.js';

export function registerPreviewRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { previews } = ctx.services;
  managementRoutes(app, SANDBOX_PREFIX, [
    handle(routes.checkExpression, async (request) => previews.check(request.body)),
    handle(routes.previewExpression, async (request) => previews.expression(request.body)),
    handle(routes.previewClaims, async (request) => {
      const server = previews.server(request.params.serverId);
      return previews.claims(server.id, issuerOf(server, ctx.origins(request)), request.body);
    }),
  ]);
}
