/**
 * Discovery and keys: `/.well-known/openid-configuration`, `/.well-known/oauth-authorization-server`
 * and `/v1/keys`, of each custom server and of the org server. All three answer any origin (`cors.ts`); keys carry only public
 * members and a Cache-Control so verifiers cache them. Bodies are kept serialized with an ETag
 * (`cached-json.ts`) until the configuration changes, and a request answered once is answered again
 * before routing (`kept-answers.ts`).
 */
import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import { DPOP_ALGS } from '../../core/protocol/dpop/dpop-text.js';
import { OKTA_API_SCOPES, ORG_OIDC_SCOPES, endpointBase, isOrgServer } from '../../core/org-server.js';
import type { AuthorizationServerRecord } from '../../core/ports/authorization-servers.js';
import { authorizationServerMetadata, openIdConfiguration } from '../../core/metadata.js';
import type { HttpContext } from '../context.js';
import { issuerOf } from '../../core/protocol/issuer.js';
import { activeServer, orgRoute } from './server-lookup.js';
import { oauthEndpoint } from './endpoint.js';
import { CachedJson } from './cached-json.js';
import { KeptAnswers, answerKeptFirst } from './kept-answers.js';

const KEYS_MAX_AGE_SECONDS = 300;

export function registerDiscoveryRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const clock = ctx.services.tokenGrants.clock;
  const kept = new KeptAnswers({
    version: () => ctx.services.configVersion(),
    now: () => clock.now().getTime(),
    hostAllowed: (host) => ctx.allowedHosts().has(host.toLowerCase()),
  });
  answerKeptFirst(app, kept);
  const cache = new CachedJson(kept);
  const documents = {
    'openid-configuration': openIdConfiguration,
    'oauth-authorization-server': authorizationServerMetadata,
  };
  for (const [name, build] of Object.entries(documents)) {
    const handler: RouteHandlerMethod = async (request, reply) => {
      const server = activeServer(ctx, request);
      const issuer = issuerOf(server, ctx.origins(request));
      return cache.send(request, reply, `${name} ${issuer}`, ctx.services.configVersion(), () =>
        build({ issuer, ...scopesAndEndpoints(ctx, server, issuer) }),
      );
    };
    oauthEndpoint(app, `/oauth2/:serverId/.well-known/${name}`, { GET: handler });
    // The org server's documents sit at the root of the org URL, its issuer (Okta "Authorization servers").
    oauthEndpoint(app, `/.well-known/${name}`, { GET: handler });
  }

  const keys: RouteHandlerMethod = async (request, reply) => {
    const server = activeServer(ctx, request);
    // Read first: a due AUTO rotation happens here, and changes the version.
    const keys = await ctx.services.servers.keys(server.id);
    void reply.header('cache-control', `max-age=${KEYS_MAX_AGE_SECONDS}, must-revalidate`);
    // The set is due again at the next AUTO rotation (read after a rotation this request made).
    const dueAt = server.rotationMode === 'AUTO' ? activeServer(ctx, request).nextRotation : null;
    const build = () => ({
      keys: keys.map((k) => ({ kty: 'RSA', alg: 'RS256', kid: k.kid, use: 'sig', e: k.publicJwk.e, n: k.publicJwk.n })),
    });
    return cache.send(request, reply, `keys ${server.id}`, ctx.services.configVersion(), build, dueAt);
  };
  oauthEndpoint(app, '/oauth2/:serverId/v1/keys', { GET: keys });
  oauthEndpoint(app, orgRoute('/oauth2/:serverId/v1/keys'), { GET: keys });
}

/**
 * A custom server publishes its ALL_CLIENTS scopes, system and custom, in creation order (Okta
 * "Authorization Server Scopes" API); the org server its OpenID Connect scopes and Okta's API scopes,
 * its endpoints under `/oauth2/v1`, and the `groups` claim of its groups scope among its claims. Both take DPoP proofs with the same algorithms (RFC 9449 §5.1).
 */
function scopesAndEndpoints(ctx: HttpContext, server: AuthorizationServerRecord, issuer: string) {
  if (!isOrgServer(server)) return { publishedScopes: ctx.services.scopes.published(server.id), dpopAlgs: DPOP_ALGS };
  return {
    publishedScopes: [...ORG_OIDC_SCOPES, ...OKTA_API_SCOPES],
    endpoints: endpointBase(server, issuer),
    dpopAlgs: DPOP_ALGS,
    extraIdTokenClaims: ['groups'],
  };
}
