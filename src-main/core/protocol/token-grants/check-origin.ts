/**
 * Browser calls to the token endpoint (Okta "OpenID Connect & OAuth 2.0 API", Okta CORS rule): a request with an `Origin`
 * must come from the origin of one of the client's redirect URIs; otherwise `invalid_request`.
 */
import type { AppRecord } from '../../ports/apps.js';
import { InvalidRequest } from '../oauth-errors.js';

export const ORIGIN_NOT_ALLOWED =
  'Browser requests to the token endpoint must be part of at least one whitelisted redirect_uri.';
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };

/** The origin (RFC 6454 §4) of an absolute URI as a browser serializes it, or undefined for a URI without one. */
export function originOf(uri: string): string | undefined {
  const match = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?([^/?#:]+|\[[^\]]*\])(?::(\d*))?(?:[/?#]|$)/i.exec(uri);
  if (!match) return undefined;
  const scheme = match[1]!.toLowerCase();
  const host = match[2]!.toLowerCase();
  const port = match[3] && match[3] !== DEFAULT_PORTS[scheme] ? `:${match[3]}` : '';
  return `${scheme}://${host}${port}`;
}

/** The origins of the app's redirect URIs. */
export function redirectOrigins(app: AppRecord): Set<string> {
  return new Set(app.document.oauth.redirect_uris.map(originOf).filter((o): o is string => o !== undefined));
}

export function checkBrowserOrigin(client: AppRecord, origin: string | undefined): void {
  if (origin === undefined) return;
  if (!redirectOrigins(client).has(origin.toLowerCase())) {
    throw new InvalidRequest(
      ORIGIN_NOT_ALLOWED,
      `Origin ${origin} is not the origin of any redirect URI of the app ${client.id}`,
    );
  }
}
