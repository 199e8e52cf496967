/**
 * Who may call `/api/v1` (Okta "Design principles", "OAuth 2.0 for Okta API"): the admin token as
 * `SSWS <token>` (`ssws-auth.ts`), or an access token of the org authorization server as
 * `Bearer <token>` or `DPoP <token>` with a proof (`core/protocol/okta-api-access.ts`), allowed only
 * what its Okta API scopes allow. Refusals carry Okta's `WWW-Authenticate` challenge:
 * - no or a bad token: 401 E0000011;
 * - a DPoP proof that fails a check, or a bound token sent as Bearer: 400 with the OAuth error;
 * - a scope missing: 403 E0000006, the challenge naming the scope the call needs (Okta support
 *   article "Insufficient Scope Error When Making a Request to an OAuth or Management Endpoint").
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dpopChallenge } from '../../core/protocol/dpop/challenge.js';
import { issuerOf } from '../../core/protocol/issuer.js';
import { checkOktaApiAccess, requiredScope } from '../../core/protocol/okta-api-access.js';
import { InsufficientScope, InvalidDpopProof, InvalidRequest, InvalidToken } from '../../core/protocol/oauth-errors.js';
import type { OAuthError } from '../../core/protocol/oauth-errors.js';
import type { HttpContext } from '../context.js';
import { OktaHttpError } from '../okta-errors.js';
import { sswsGuard } from './ssws-auth.js';

const API_PREFIX = '/api/v1/';

/** RFC 6750 §3's Bearer challenge, with the members Okta's API sends. */
function bearerChallenge(context: { realm: string; scope: string; resource: string }, error: OAuthError): string {
  const params = [
    ['authorization_uri', `${context.realm}/oauth2/v1/authorize`],
    ['realm', context.realm],
    ['scope', context.scope],
    ['error', error.error],
    ['error_description', error.description],
    ['resource', context.resource],
  ];
  return `Bearer ${params.map(([name, value]) => `${name}="${value!.replace(/["\\]/g, '\\$&')}"`).join(', ')}`;
}

export function managementGuard(ctx: HttpContext) {
  const ssws = sswsGuard(ctx.adminToken);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> => {
    const header = request.headers.authorization;
    if (!header || /^SSWS\s/i.test(header.trim())) return ssws(request);
    const origins = ctx.origins(request);
    const org = ctx.services.servers.org();
    const issuer = issuerOf(org, origins);
    const pathname = request.url.split('?')[0]!;
    const call = {
      authorization: header,
      dpop: request.headers.dpop,
      method: request.method,
      url: `${origins.request}${pathname}`,
      path: pathname.slice(API_PREFIX.length),
    };
    try {
      await checkOktaApiAccess(ctx.services.oktaApi, org, issuer, call);
    } catch (error) {
      const dpop = /^DPoP\s/i.test(header.trim());
      const context = { realm: issuer, scope: requiredScope(call), resource: pathname };
      if (!(
        error instanceof InvalidToken ||
        error instanceof InvalidDpopProof ||
        error instanceof InvalidRequest ||
        error instanceof InsufficientScope
      ))
        throw error;
      void reply.header('www-authenticate', dpop ? dpopChallenge(context, error) : bearerChallenge(context, error));
      if (error instanceof InvalidToken) throw new OktaHttpError('E0000011');
      if (error instanceof InsufficientScope) throw new OktaHttpError('E0000006');
      return reply.code(400).type('application/json').send(error.toJSON());
    }
  };
}
