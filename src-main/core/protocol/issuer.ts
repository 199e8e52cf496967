/**
 * The issuer of a custom authorization server, as Okta builds it: `<origin>/oauth2/<id>`, where
 * ORG_URL servers use the configured origin and DYNAMIC ones the origin the request came in on.
 */
import { ORG_SERVER_ID } from '../../contracts/authorization-server.js';
import type { AuthorizationServerRecord } from '../ports/authorization-servers.js';

/** The two origins an issuer or a link can be built on. */
export interface Origins {
  /** The configured origin, `http://127.0.0.1:<port>` (ORG_URL issuers). */
  canonical: string;
  /** The origin the request came in on (DYNAMIC issuers, `_links`). */
  request: string;
}

/**
 * Issuer `<origin>/oauth2/<id>`: ORG_URL uses the configured origin, DYNAMIC the request's. The org
 * server's issuer is the org URL itself (Okta "Authorization servers").
 */
export function issuerOf(server: AuthorizationServerRecord, origins: Origins): string {
  if (server.id === ORG_SERVER_ID) return origins.canonical;
  const origin = server.issuerMode === 'DYNAMIC' ? origins.request : origins.canonical;
  return `${origin}/oauth2/${server.id}`;
}
