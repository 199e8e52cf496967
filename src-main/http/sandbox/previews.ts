/**
 * `/api/sandbox/v1/expressions/check` and `…/evaluate`, `/api/sandbox/v1/authorizationServers/{id}/claims/preview`:
 * whether an Expression Language expression is well formed, its value, and what a server's tokens
 * would carry, for a chosen user, app and scope set (contracts/claims-preview.ts). A broken expression or a failing
 * claim is the preview's answer (200); a malformed body is 400 E0000001, an unknown id 404 E0000007.
 */
import type { FastifyInstance } from 'fastify';
import type { HttpContext } from '../context.js';
import { managementEndpoint } from '../management/endpoint.js';
import { issuerOf } from '../../core/protocol/issuer.js';

export function registerPreviewRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { previews, servers } = ctx.services;
  managementEndpoint(app, '/expressions/check', {
    POST: async (request) => previews.check(request.body),
  });
  managementEndpoint(app, '/expressions/evaluate', {
    POST: async (request) => previews.expression(request.body),
  });
  managementEndpoint(app, '/authorizationServers/:serverId/claims/preview', {
    POST: async (request) => {
      const server = servers.get((request.params as { serverId: string }).serverId);
      return previews.claims(server.id, issuerOf(server, ctx.origins(request)), request.body);
    },
  });
}
