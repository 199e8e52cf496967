/** Records → Okta JSON for authorization servers and keys, with absolute `_links`. */
import type { AuthorizationServerDto, SigningKeyDto } from '../../contracts/authorization-server.js';
import type { OktaLink } from '../../contracts/links.js';
import type { AuthorizationServerRecord, SigningKeyRecord } from '../../core/ports/authorization-servers.js';
import { issuerOf } from '../../core/protocol/issuer.js';
import type { Origins } from '../../core/protocol/issuer.js';

export const link = (href: string, allow: string[], name?: string): OktaLink => ({
  ...(name ? { name } : {}),
  href,
  hints: { allow },
});

export function presentServer(
  server: AuthorizationServerRecord,
  activeKid: string | null,
  origins: Origins,
): AuthorizationServerDto {
  const self = `${origins.request}/api/v1/authorizationServers/${server.id}`;
  const issuer = issuerOf(server, origins);
  const lifecycle = server.status === 'ACTIVE' ? 'deactivate' : 'activate';
  return {
    id: server.id,
    name: server.name,
    description: server.description,
    audiences: server.audiences,
    issuer,
    issuerMode: server.issuerMode,
    status: server.status,
    default: server.isDefault,
    created: server.created.toISOString(),
    lastUpdated: server.lastUpdated.toISOString(),
    credentials: {
      signing: {
        rotationMode: server.rotationMode,
        lastRotated: server.lastRotated?.toISOString() ?? null,
        nextRotation: server.nextRotation?.toISOString() ?? null,
        kid: activeKid,
        use: 'sig',
      },
    },
    _links: {
      scopes: link(`${self}/scopes`, ['GET']),
      claims: link(`${self}/claims`, ['GET']),
      policies: link(`${self}/policies`, ['GET']),
      self: link(self, ['GET', 'DELETE', 'PUT']),
      metadata: [
        link(`${issuer}/.well-known/oauth-authorization-server`, ['GET'], 'oauth-authorization-server'),
        link(`${issuer}/.well-known/openid-configuration`, ['GET'], 'openid-configuration'),
      ],
      rotateKey: link(`${self}/credentials/lifecycle/keyRotate`, ['POST']),
      [lifecycle]: link(`${self}/lifecycle/${lifecycle}`, ['POST']),
    },
  };
}

export function presentKey(key: SigningKeyRecord, origins: Origins): SigningKeyDto {
  return {
    status: key.status,
    alg: 'RS256',
    e: key.publicJwk.e,
    n: key.publicJwk.n,
    kid: key.kid,
    kty: 'RSA',
    use: 'sig',
    _links: {
      self: link(`${origins.request}/api/v1/authorizationServers/${key.serverId}/credentials/keys/${key.kid}`, ['GET']),
    },
  };
}
