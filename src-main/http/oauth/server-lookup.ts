/**
 * Every `/oauth2/{serverId}/…` route first finds the authorization server: unknown or INACTIVE
 * servers answer 404 with Okta's E0000007 JSON (Okta "OpenID Connect & OAuth 2.0 API"). The org
 * server's routes have no `serverId`.
 */
import type { FastifyRequest } from 'fastify';
import type { AuthorizationServerRecord } from '../../core/ports/authorization-servers.js';
import type { HttpContext } from '../context.js';
import { OktaHttpError } from '../okta-errors.js';

export function activeServer(ctx: HttpContext, request: FastifyRequest): AuthorizationServerRecord {
  const { serverId } = request.params as { serverId?: string };
  // The org server's routes (`/oauth2/v1/…`, `/.well-known/…`) name no server.
  if (serverId === undefined) return ctx.services.servers.org();
  let server: AuthorizationServerRecord | undefined;
  try {
    server = ctx.services.servers.get(serverId);
  } catch {
    server = undefined;
  }
  if (!server || server.status !== 'ACTIVE') {
    throw new OktaHttpError('E0000007', `Resource not found: ${serverId} (AuthorizationServer)`);
  }
  return server;
}

/** The org server's route for a custom server's route pattern: `/oauth2/:serverId/v1/token` → `/oauth2/v1/token`. */
export const orgRoute = (url: string): string => url.replace('/oauth2/:serverId', '/oauth2');
