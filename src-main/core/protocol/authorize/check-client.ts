/**
 * The two checks made before anything may be sent to the redirect URI (RFC 6749 §4.1.2.1, §3.1.2.3;
 * Okta "OpenID Connect & OAuth 2.0 API"): `client_id` names an ACTIVE app, and `redirect_uri` is exactly one of its
 * registered redirect URIs. Failing either ends in a 400 error page, never in a redirect.
 */
import type { AppRecord } from '../../ports/apps.js';
import { InvalidClient, InvalidRequest } from '../oauth-errors.js';
import { AUTHORIZE_TEXT } from './texts.js';
import type { AuthorizeDeps } from './types.js';

export function checkClient(deps: Pick<AuthorizeDeps, 'apps'>, params: Record<string, string>): AppRecord {
  const clientId = params['client_id'];
  if (clientId === undefined)
    throw new InvalidRequest(AUTHORIZE_TEXT.missing('client_id'), 'the request has no client_id');
  const app = deps.apps.byClientId(clientId);
  if (!app) throw new InvalidClient(AUTHORIZE_TEXT.invalidClientId, `no app has the client_id '${clientId}'`);
  if (app.status !== 'ACTIVE')
    throw new InvalidClient(AUTHORIZE_TEXT.invalidClientId, `the app ${app.id} is ${app.status}`);
  return app;
}

/** Simple string comparison (RFC 6749 §3.1.2.3 with registered URIs, OAuth Security BCP §4.1.3): no pattern, no normalisation. */
export function checkRedirectUri(client: AppRecord, params: Record<string, string>): string {
  const uri = params['redirect_uri'];
  if (uri === undefined)
    throw new InvalidRequest(AUTHORIZE_TEXT.redirectUriNotRegistered, 'the request has no redirect_uri');
  if (!client.document.oauth.redirect_uris.includes(uri)) {
    throw new InvalidRequest(AUTHORIZE_TEXT.redirectUriNotRegistered, `'${uri}' is not one of the app's redirect_uris`);
  }
  return uri;
}
