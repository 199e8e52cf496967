/**
 * GET/POST /oauth2/{serverId}/v1/userinfo (OIDC Core §5.3, RFC 6750 §2.1 and §3, Okta "OpenID Connect & OAuth 2.0 API"):
 * the Bearer token from the Authorization header → the core's checks → the claims. A refusal is the
 * protocol endpoint's `bearer` kind (`protocol-endpoint.ts`): the JSON error with RFC 6750 §3's
 * `WWW-Authenticate: Bearer error=…, error_description=…`; CORS as the token endpoint (preflight
 * for redirect-URI origins; the answer for the token's client).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ClaimFailed } from '../../core/protocol/claim-failed.js';
import { userinfo } from '../../core/protocol/userinfo.js';
import type { UserinfoProgress } from '../../core/protocol/userinfo.js';
import type { HttpContext } from '../context.js';
import { registerProtocolEndpoint } from './protocol-endpoint.js';
import type { ProtocolCall } from './protocol-endpoint.js';

/** RFC 6750 §2.1: `Authorization: Bearer <token>` (the form and query methods are not accepted, as Okta). */
function bearerToken(request: FastifyRequest): string | undefined {
  return /^Bearer +(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
}

export async function registerUserinfoRoutes(app: FastifyInstance, ctx: HttpContext): Promise<void> {
  await registerProtocolEndpoint(app, ctx, {
    url: '/oauth2/:serverId/v1/userinfo',
    kind: 'bearer',
    event: 'userinfo',
    params: 'none',
    verbs: { GET: answer, POST: answer },
  });
}

async function answer(call: ProtocolCall): Promise<{ body: unknown }> {
  const { ctx, request, server, issuer, event } = call;
  const progress: UserinfoProgress = {};
  try {
    const result = await userinfo(ctx.services.tokenLookups, server, issuer, bearerToken(request), progress);
    event.note = `claims: ${Object.keys(result.claims).join(', ')}`;
    event.trace = { policies: [], claims: result.trace };
    return { body: result.claims };
  } catch (error) {
    if (error instanceof ClaimFailed) event.trace = { policies: [], claims: error.claims };
    throw error;
  } finally {
    event.clientId = progress.clientId ?? null;
    event.userId = progress.userId ?? null;
    call.client = progress.clientId ? ctx.services.apps.byClientId(progress.clientId) : undefined;
  }
}
