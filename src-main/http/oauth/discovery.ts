/**
 * Discovery and keys: `/.well-known/openid-configuration`, `/.well-known/oauth-authorization-server`
 * and `/v1/keys`. All three answer any origin (`cors.ts`); keys carry only public
 * members and a Cache-Control so verifiers cache them. Bodies are kept serialized with an ETag
 * (`cached-json.ts`) until the configuration changes.
 */
import type { FastifyInstance } from 'fastify';
import { authorizationServerMetadata, openIdConfiguration } from '../../core/metadata.js';
import type { HttpContext } from '../context.js';
import { issuerOf } from '../../core/protocol/issuer.js';
import { activeServer } from './server-lookup.js';
import { oauthEndpoint } from './endpoint.js';
import { CachedJson } from './cached-json.js';

const KEYS_MAX_AGE_SECONDS = 300;

export function registerDiscoveryRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const cache = new CachedJson();
  const documents = {
    'openid-configuration': openIdConfiguration,
    'oauth-authorization-server': authorizationServerMetadata,
  };
  for (const [name, build] of Object.entries(documents)) {
    oauthEndpoint(app, `/oauth2/:serverId/.well-known/${name}`, {
      GET: async (request, reply) => {
        const server = activeServer(ctx, request);
        const issuer = issuerOf(server, ctx.origins(request));
        return cache.send(request, reply, `${name} ${issuer}`, ctx.services.configVersion(), () =>
          // Only ALL_CLIENTS scopes, system and custom, in creation order (Okta "Authorization Server Scopes" API).
          build({ issuer, publishedScopes: ctx.services.scopes.published(server.id) }),
        );
      },
    });
  }

  oauthEndpoint(app, '/oauth2/:serverId/v1/keys', {
    GET: async (request, reply) => {
      const server = activeServer(ctx, request);
      // Read first: a due AUTO rotation happens here, and changes the version.
      const keys = await ctx.services.servers.keys(server.id);
      void reply.header('cache-control', `max-age=${KEYS_MAX_AGE_SECONDS}, must-revalidate`);
      return cache.send(request, reply, `keys ${server.id}`, ctx.services.configVersion(), () => ({
        keys: keys.map((k) => ({
          kty: 'RSA',
          alg: 'RS256',
          kid: k.kid,
          use: 'sig',
          e: k.publicJwk.e,
          n: k.publicJwk.n,
        })),
      }));
    },
  });
}
