/**
 * Checks `grant_type` (RFC 6749 §5.2, Okta "OpenID Connect & OAuth 2.0 API"): it is required (`invalid_request`); it must be
 * a grant this server handles (`unsupported_grant_type`, Okta lists the server's grant types); and
 * the app must be registered for it (`unauthorized_client`, Okta lists the app's grant types).
 */
import type { AppRecord } from '../../ports/apps.js';
import { InvalidRequest, OKTA_TEXT, UnauthorizedClient, UnsupportedGrantType } from '../oauth-errors.js';

export const missingParameter = (name: string) => `The '${name}' parameter is required.`;

export function checkGrantType(
  params: Record<string, string>,
  client: AppRecord,
  supported: readonly string[],
): string {
  const grantType = params['grant_type'];
  if (grantType === undefined || grantType === '')
    throw new InvalidRequest(missingParameter('grant_type'), 'the request has no grant_type');
  if (!supported.includes(grantType)) {
    throw new UnsupportedGrantType(
      OKTA_TEXT.grantUnsupported([...supported]),
      `grant_type '${grantType}' is not one this server handles`,
    );
  }
  const allowed: readonly string[] = client.document.oauth.grant_types;
  if (!allowed.includes(grantType)) {
    throw new UnauthorizedClient(
      OKTA_TEXT.grantNotAllowed([...allowed]),
      `the app ${client.id} is not registered for ${grantType}`,
    );
  }
  return grantType;
}
