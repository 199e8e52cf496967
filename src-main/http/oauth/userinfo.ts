/**
 * GET/POST /oauth2/{serverId}/v1/userinfo (OIDC Core §5.3, RFC 6750 §2.1 and §3, reference §3):
 * the Bearer token from the Authorization header → the core's checks → the claims. A refusal is the
 * RFC 6750 §3 `WWW-Authenticate: Bearer error=…, error_description=…` with the JSON error body.
 * CORS as the token endpoint (preflight for redirect-URI origins; the answer for the token's client).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ClaimFailed } from '../../core/protocol/claim-failed.js';
import { OAuthError, ServerError } from '../../core/protocol/oauth-errors.js';
import { userinfo } from '../../core/protocol/userinfo.js';
import type { UserinfoProgress } from '../../core/protocol/userinfo.js';
import type { HttpContext } from '../context.js';
import { issuerOf } from '../management/presenters.js';
import { OktaHttpError } from '../okta-errors.js';
import { recordEvent } from './client-endpoint.js';
import { oauthEndpoint } from './endpoint.js';
import { acceptRawBodies } from './form.js';
import { activeServer } from './server-lookup.js';
import { allowClientOrigin } from './cors.js';

const URL_PATTERN = '/oauth2/:serverId/v1/userinfo';
const INTERNAL = 'The server encountered an internal error.';

/** RFC 6750 §2.1: `Authorization: Bearer <token>` (the form and query methods are not accepted, as Okta). */
function bearerToken(request: FastifyRequest): string | undefined {
  return /^Bearer +(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
}

const quoted = (value: string) => value.replace(/["\\]/g, '');

export async function registerUserinfoRoutes(app: FastifyInstance, ctx: HttpContext): Promise<void> {
  await app.register(async (scope) => {
    acceptRawBodies(scope);
    const handler = (request: FastifyRequest, reply: FastifyReply) => answer(ctx, request, reply);
    oauthEndpoint(scope, URL_PATTERN, { GET: handler, POST: handler });
  });
}

const BEARER_ERRORS = new Set(['invalid_request', 'invalid_token', 'insufficient_scope']);

async function answer(ctx: HttpContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const serverId = (request.params as { serverId: string }).serverId;
  const progress: UserinfoProgress = {};
  const event = () => ({
    endpoint: 'userinfo',
    serverId,
    clientId: progress.clientId ?? null,
    userId: progress.userId ?? null,
  });
  void reply.header('cache-control', 'no-store');
  try {
    const server = activeServer(ctx, request);
    const result = await userinfo(
      ctx.services.tokenLookups,
      server,
      issuerOf(server, ctx.origins(request)),
      bearerToken(request),
      progress,
    );
    allowClientOrigin(reply, request.headers.origin, ctx.services.apps.byClientId(result.clientId));
    recordEvent(ctx, event(), `claims: ${Object.keys(result.claims).join(', ')}`, undefined, {
      policies: [],
      claims: result.trace,
    });
    return reply.code(200).send(result.claims);
  } catch (thrown) {
    if (progress.clientId)
      allowClientOrigin(reply, request.headers.origin, ctx.services.apps.byClientId(progress.clientId));
    if (thrown instanceof OktaHttpError) {
      recordEvent(ctx, event(), null, { error: thrown.errorCode, description: thrown.message, detail: null });
      throw thrown;
    }
    const error =
      thrown instanceof OAuthError ? thrown : new ServerError(INTERNAL, (thrown as Error).stack ?? String(thrown));
    const trace = error instanceof ClaimFailed ? { policies: [], claims: error.claims } : null;
    recordEvent(
      ctx,
      event(),
      null,
      { error: error.error, description: error.description, detail: error.detail ?? null },
      trace,
    );
    // RFC 6750 §3: the challenge carries the Bearer errors; a claim failing is not one (no challenge).
    if (BEARER_ERRORS.has(error.error))
      void reply.header(
        'www-authenticate',
        `Bearer error="${error.error}", error_description="${quoted(error.description)}"`,
      );
    return reply.code(error.status).send(error.toJSON());
  }
}
