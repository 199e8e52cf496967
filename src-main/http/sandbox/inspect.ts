/**
 * `POST /api/sandbox/v1/tokens/inspect`: the Token Inspector against this Authbox
 * (contracts/inspect.ts). The token travels in the body, never in a URL, and is neither logged nor
 * stored; a malformed body is 400 E0000001, a malformed token the inspection's answer (200).
 */
import type { FastifyInstance } from 'fastify';
import { SANDBOX_PREFIX, routes } from '../../contracts/routes.js';
import type { HttpContext } from '../context.js';
import { managementRoutes } from '../management/endpoint.js';
import { issuerOf } from '../../core/protocol/issuer.js';
import { handle } from '../route-table.js';

export function registerInspectRoutes(app: FastifyInstance, ctx: HttpContext): void {
  managementRoutes(app, SANDBOX_PREFIX, [
    handle(routes.inspectToken, async (request) => {
      const origins = ctx.origins(request);
      return ctx.services.inspector.inspect(request.body, (server) => issuerOf(server, origins));
    }),
  ]);
}
