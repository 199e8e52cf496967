/**
 * POST /oauth2/{serverId}/v1/device/authorize (RFC 8628 §3.1–§3.2, Okta "OpenID Connect & OAuth 2.0 API"): the client
 * endpoint steps (`client-endpoint.ts`: form, client authentication, CORS as introspect, no-store,
 * one event), then the core's `startDeviceAuthorization`.
 */
import type { FastifyInstance } from 'fastify';
import { startDeviceAuthorization } from '../../core/protocol/device-authorize.js';
import type { HttpContext } from '../context.js';
import { registerClientEndpoint } from './client-endpoint.js';

export async function registerDeviceAuthorizeRoutes(app: FastifyInstance, ctx: HttpContext): Promise<void> {
  await registerClientEndpoint(app, ctx, 'device/authorize', async ({ server, issuer, client, params }) => {
    const body = startDeviceAuthorization(ctx.services.tokenGrants, server, issuer, client, params);
    return { body, detail: `user code ${body.user_code}` };
  });
}
