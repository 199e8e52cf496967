/**
 * GET/POST /oauth2/{serverId}/v1/userinfo (OIDC Core §5.3, RFC 6750 §2.1 and §3, RFC 9449 §7.1, Okta "OpenID Connect & OAuth 2.0 API"):
 * the token from the Authorization header (Bearer, or DPoP with the `DPoP` proof) → the core's checks → the
 * claims. A refusal is the protocol endpoint's `bearer` kind (`protocol-endpoint.ts`): the JSON error with
 * RFC 6750 §3's `WWW-Authenticate: Bearer error=…, error_description=…` (`DPoP …` for DPoP); CORS as the token endpoint (preflight
 * for redirect-URI origins; the answer for the token's client).
 */
import type { FastifyInstance } from 'fastify';
import { ClaimFailed } from '../../core/protocol/claim-failed.js';
import { userinfo } from '../../core/protocol/userinfo.js';
import type { UserinfoProgress } from '../../core/protocol/userinfo.js';
import type { HttpContext } from '../context.js';
import { registerProtocolEndpoint } from './protocol-endpoint.js';
import type { ProtocolCall } from './protocol-endpoint.js';

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
    // RFC 6750 §2.1: the Authorization header only (the form and query methods are not accepted, as Okta).
    const presented = {
      authorization: request.headers.authorization,
      dpop: request.headers.dpop,
      method: request.method,
      url: `${ctx.origins(request).request}${request.url.split('?')[0]!}`,
    };
    const deps = { ...ctx.services.tokenLookups, dpop: ctx.services.oktaApi.dpop };
    const result = await userinfo(deps, server, issuer, presented, progress);
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
