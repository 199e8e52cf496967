/**
 * CORS of the token endpoint (reference §3). The preflight cannot know the client yet, so, as Okta,
 * it allows any origin that is the origin of a redirect URI of some ACTIVE app; the POST itself is
 * then held to the origins of its own client's redirect URIs (`check-origin.ts`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { redirectOrigins } from '../../core/protocol/token-grants/check-origin.js';
import type { AppRecord } from '../../core/ports/apps.js';
import type { HttpContext } from '../context.js';

export const ALLOWED_HEADERS = 'accept, authorization, content-type, x-okta-user-agent-extended, dpop';
const PREFLIGHT_MAX_AGE_SECONDS = 600;

function isRedirectOriginOfAnyApp(ctx: HttpContext, origin: string): boolean {
  const apps = ctx.services.apps.list({ limit: Number.MAX_SAFE_INTEGER });
  return apps.some((app) => app.status === 'ACTIVE' && redirectOrigins(app).has(origin.toLowerCase()));
}

export function registerTokenPreflight(scope: FastifyInstance, ctx: HttpContext, url: string): void {
  scope.options(url, async (request: FastifyRequest, reply: FastifyReply) => {
    const origin = request.headers.origin;
    void reply.header('vary', 'Origin');
    if (origin && isRedirectOriginOfAnyApp(ctx, origin)) {
      void reply.headers({
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-allow-headers': ALLOWED_HEADERS,
        'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
      });
    }
    return reply.code(204).send();
  });
}

/** On the POST: the origin may read the answer when it is one of its client's redirect-URI origins. */
export function allowClientOrigin(reply: FastifyReply, origin: string | undefined, client: AppRecord | undefined): void {
  void reply.header('vary', 'Origin');
  if (origin && client && redirectOrigins(client).has(origin.toLowerCase())) void reply.header('access-control-allow-origin', origin);
}
