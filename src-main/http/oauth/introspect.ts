/**
 * POST /oauth2/{serverId}/v1/introspect (RFC 7662, Okta "OpenID Connect & OAuth 2.0 API"): the client endpoint steps
 * (`client-endpoint.ts`), then the core's introspection; an inactive token is exactly `{"active":false}`.
 */
import type { FastifyInstance } from 'fastify';
import { introspect } from '../../core/protocol/introspect.js';
import type { IntrospectProgress } from '../../core/protocol/introspect.js';
import type { HttpContext } from '../context.js';
import { registerClientEndpoint } from './client-endpoint.js';

export async function registerIntrospectRoutes(app: FastifyInstance, ctx: HttpContext): Promise<void> {
  await registerClientEndpoint(app, ctx, 'introspect', async (call) => {
    const progress: IntrospectProgress = {};
    const body = await introspect(ctx.services.tokenLookups, call, progress);
    const detail = body.active
      ? `active ${String(body['jti'] ?? 'refresh token')}`
      : `inactive: ${progress.inactiveReason ?? 'unknown reason'}`;
    return { body, detail };
  });
}
