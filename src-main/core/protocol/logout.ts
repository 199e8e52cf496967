/**
 * RP-Initiated Logout (OpenID Connect RP-Initiated Logout 1.0 §2–§3, Okta "OpenID Connect & OAuth 2.0 API" and §5), as a
 * script: `id_token_hint` names an ID token this server signed (an expired one still counts, as on
 * Okta) → its `aud` names an ACTIVE app → `post_logout_redirect_uri`, when given, is exactly one of
 * that app's logout redirect URIs → the caller ends the browser's session and redirects (with `state`)
 * or shows the signed-out page. A refusal is an error page, never a redirect.
 */
import type { AppRecord } from '../ports/apps.js';
import type { Apps } from '../apps.js';
import type { AuthorizationServerRecord } from '../ports/authorization-servers.js';
import { serverJwt } from './issued-tokens.js';
import type { IssuedTokenDeps } from './issued-tokens.js';
import { InvalidRequest } from './oauth-errors.js';

export const LOGOUT_TEXT = {
  idTokenHintRequired: "The 'id_token_hint' parameter is required.",
  idTokenHintInvalid: "The 'id_token_hint' parameter is not a valid ID token issued by this authorization server.",
  postLogoutRedirectUri:
    "The 'post_logout_redirect_uri' parameter must be a Logout redirect URI in the client app settings.",
} as const;

export interface LogoutDeps extends IssuedTokenDeps {
  apps: Pick<Apps, 'byClientId'>;
}

export interface LogoutRequest {
  server: AuthorizationServerRecord;
  issuer: string;
  params: Record<string, string>;
}

export interface LogoutOutcome {
  client: AppRecord;
  /** The ID token's subject: whose session ends. */
  userId: string | undefined;
  /** Where to send the browser (with `state`), or undefined for the signed-out page. */
  redirectTo: string | undefined;
}

/** @throws InvalidRequest for a missing or foreign hint, or an unregistered logout redirect URI */
export async function checkLogout(deps: LogoutDeps, request: LogoutRequest): Promise<LogoutOutcome> {
  const client = await hintedClient(deps, request);
  const sub = client.payload['sub'];
  return {
    client: client.app,
    userId: typeof sub === 'string' ? sub : undefined,
    redirectTo: logoutRedirect(client.app, request.params),
  };
}

/** OIDC RP-Initiated Logout §2: the hint is an ID token this OP issued; its `aud` is the client (expiry is not checked). */
async function hintedClient(
  deps: LogoutDeps,
  request: LogoutRequest,
): Promise<{ app: AppRecord; payload: Record<string, unknown> }> {
  const hint = request.params['id_token_hint'];
  if (hint === undefined) throw new InvalidRequest(LOGOUT_TEXT.idTokenHintRequired, 'the request has no id_token_hint');
  const jwt = await serverJwt(deps, request.server, request.issuer, hint);
  if (!jwt || jwt.kind !== 'id_token')
    throw new InvalidRequest(
      LOGOUT_TEXT.idTokenHintInvalid,
      'the id_token_hint is not an ID token signed by this server',
    );
  const aud = jwt.payload['aud'];
  const app = typeof aud === 'string' ? deps.apps.byClientId(aud) : undefined;
  if (!app || app.status !== 'ACTIVE')
    throw new InvalidRequest(
      LOGOUT_TEXT.idTokenHintInvalid,
      `the id_token_hint's aud '${String(aud)}' is not an ACTIVE app`,
    );
  return { app, payload: jwt.payload };
}

/** OIDC RP-Initiated Logout §3: the URI must exactly match a registered one; `state` goes back with it. */
function logoutRedirect(app: AppRecord, params: Record<string, string>): string | undefined {
  const uri = params['post_logout_redirect_uri'];
  if (uri === undefined) return undefined;
  if (!app.document.oauth.post_logout_redirect_uris.includes(uri)) {
    throw new InvalidRequest(
      LOGOUT_TEXT.postLogoutRedirectUri,
      `'${uri}' is not one of the app's post_logout_redirect_uris`,
    );
  }
  // Registered logout URIs carry no fragment (the apps contract refuses one), so `state` joins the query.
  const state = params['state'];
  return state === undefined ? uri : `${uri}${uri.includes('?') ? '&' : '?'}state=${encodeURIComponent(state)}`;
}
