/**
 * The token endpoint as a script (RFC 6749 §3.2, Okta "OpenID Connect & OAuth 2.0 API"): authenticate the client → browser
 * origin → DPoP proof → grant type → the grant's own steps → policy evaluation → mint. Each step throws the
 * OAuth error that ends the request; `progress` keeps what was learnt for the event log.
 */
import { GRANT_TYPES } from '../../metadata.js';
import { authorizationCodeGrant } from './authorization-code.js';
import { checkBrowserOrigin } from './check-origin.js';
import { checkGrantType } from './check-grant-type.js';
import { checkTokenDpop } from './check-dpop.js';
import { clientCredentialsGrant } from './client-credentials.js';
import { deviceCodeGrant } from './device-code.js';
import { checkPolicy } from './check-policy.js';
import { mintTokens } from './mint-tokens.js';
import { passwordGrant } from './password.js';
import { refreshTokenGrant } from './refresh-token.js';
import type { DecisionTrace } from '../trace.js';
import type {
  Decided,
  GrantHandler,
  GrantSubject,
  TokenGrantDeps,
  TokenProgress,
  TokenRequest,
  TokenResponse,
} from './types.js';

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
  const proof = await checkTokenDpop(deps, request, client);
  if (proof) progress.dpop = proof;
  const grantType = checkGrantType(request.params, client, SUPPORTED_GRANTS);
  progress.grantType = grantType;
  const subject = await GRANTS[grantType]!(deps, request, client, progress);
  // A code, a refresh or a device code keeps what the initial authentication decided: Okta evaluates
  // the access policy once, when the user authenticates ("Access policies", Okta developer docs).
  if (subject.decided) progress.trace = redeemedTrace(subject, subject.decided);
  const granted = subject.decided ?? checkPolicy(deps, request, client, grantType, subject, progress);
  return mintTokens(deps, request, client, subject, granted, progress);
}

/**
 * The trace of a grant that evaluates no policy: the scopes and lifetimes it redeemed and the family
 * whose first event made the decision (the event log links it); the minted claims are added to it.
 */
function redeemedTrace(subject: GrantSubject, decided: Decided): DecisionTrace {
  const lifetimes = {
    accessToken: decided.lifetimes.accessTokenMinutes,
    refreshToken: decided.lifetimes.refreshTokenMinutes,
    refreshWindow: decided.lifetimes.refreshWindowMinutes,
  };
  return {
    policies: [],
    scopes: { requested: decided.scopes, granted: decided.scopes, denied: [] },
    lifetimes,
    ...(subject.family
      ? {
          redeemed: {
            familyId: subject.family.id,
            eventId: null,
            endpoint: null,
            policyId: decided.policyId ?? null,
            ruleId: decided.ruleId ?? null,
            scopes: decided.scopes,
            lifetimes,
          },
        }
      : {}),
  };
}
