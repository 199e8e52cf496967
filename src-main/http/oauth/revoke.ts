/**
 * POST /oauth2/{serverId}/v1/revoke (RFC 7009, Okta "OpenID Connect & OAuth 2.0 API"): the client endpoint steps
 * (`client-endpoint.ts`), then the core's revocation; 200 with an empty body even for an unknown token.
 */
import type { FastifyInstance } from 'fastify';
import { revoke } from '../../core/protocol/revoke.js';
import type { HttpContext } from '../context.js';
import { registerClientEndpoint } from './client-endpoint.js';

export async function registerRevokeRoutes(app: FastifyInstance, ctx: HttpContext): Promise<void> {
  await registerClientEndpoint(app, ctx, 'revoke', async (call) => ({
    detail: await revoke(ctx.services.tokenLookups, call),
  }));
}
