/**
 * The token endpoint as a script (RFC 6749 §3.2, reference §3): authenticate the client → browser
 * origin → grant type → the grant's own steps → policy evaluation → mint. Each step throws the
 * OAuth error that ends the request; `progress` keeps what was learnt for the event log.
 */
import { GRANT_TYPES } from '../../metadata.js';
import { authorizationCodeGrant } from './authorization-code.js';
import { checkBrowserOrigin } from './check-origin.js';
import { checkGrantType } from './check-grant-type.js';
import { clientCredentialsGrant } from './client-credentials.js';
import { deviceCodeGrant } from './device-code.js';
import { checkPolicy } from './check-policy.js';
import { mintTokens } from './mint-tokens.js';
import { passwordGrant } from './password.js';
import { refreshTokenGrant } from './refresh-token.js';
import type { GrantHandler, TokenGrantDeps, TokenProgress, TokenRequest, TokenResponse } from './types.js';

/** The grants built so far; the others answer `unsupported_grant_type` until they are. */
const GRANTS: Record<string, GrantHandler> = {
  authorization_code: authorizationCodeGrant,
  password: passwordGrant,
  refresh_token: refreshTokenGrant,
  client_credentials: clientCredentialsGrant,
  'urn:ietf:params:oauth:grant-type:device_code': deviceCodeGrant,
};

/** The grant types this server handles, in the order discovery lists them. */
export const SUPPORTED_GRANTS: readonly string[] = GRANT_TYPES.filter((grant) => grant in GRANTS);

export async function handleTokenRequest(
  deps: TokenGrantDeps,
  request: TokenRequest,
  progress: TokenProgress,
): Promise<TokenResponse> {
  const client = await deps.clientAuth.authenticate(request.credentials, {
    endpointUrl: request.endpointUrl,
    issuer: request.issuer,
  });
  progress.client = client;
  checkBrowserOrigin(client, request.origin);
  const grantType = checkGrantType(request.params, client, SUPPORTED_GRANTS);
  progress.grantType = grantType;
  const subject = await GRANTS[grantType]!(deps, request, client, progress);
  // A code or a refresh keeps what the initial authentication decided (reference §1.4: evaluated once).
  const granted = subject.decided ?? checkPolicy(deps, request, client, grantType, subject, progress);
  return mintTokens(deps, request, client, subject, granted, progress);
}
