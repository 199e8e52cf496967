/**
 * `client_secret_jwt` and `private_key_jwt` assertions (RFC 7523 §3, OIDC Core §9, Okta "OpenID Connect & OAuth 2.0 API"):
 * iss = sub = client_id, aud = the token endpoint URL (what Okta documents) or the issuer (the
 * server's identity, which RFC 7523 §3 also allows and openid-client sends), exp in the future and at most one hour
 * ahead, nbf (if any) passed, a `jti` used only once (kept until its exp), and a signature by the
 * client secret (HS256/384/512) or by a key of the app's `settings.oauthClient.jwks`.
 */
import type { AppRecord } from '../ports/apps.js';
import type { Clock, Crypto, JwsKey } from '../ports/runtime.js';
import type { ClientAssertionRepository } from '../ports/client-assertions.js';

/** Who an assertion may be addressed to. */
export interface AssertionAudiences {
  endpointUrl: string;
  issuer: string;
}

export const MAX_ASSERTION_LIFETIME_SECONDS = 3600;
const HMAC = ['HS256', 'HS384', 'HS512'];

interface AssertionDeps {
  assertions: ClientAssertionRepository;
  crypto: Crypto;
  clock: Clock;
}

/** Why the assertion is refused, or undefined when it authenticates the app. */
export async function verifyClientAssertion(
  deps: AssertionDeps,
  app: AppRecord,
  assertion: string,
  audiences: AssertionAudiences,
): Promise<string | undefined> {
  const decoded = deps.crypto.decodeJws(assertion);
  if (!decoded) return 'not a signed JWT';
  const now = Math.floor(deps.clock.now().getTime() / 1000);
  const problem = claimProblem(decoded.payload, app.clientId, audiences, now);
  if (problem) return problem;
  const keys = keysOf(app, decoded.header);
  if (typeof keys === 'string') return keys;
  const verified = await anyVerifies(deps.crypto, assertion, keys);
  if (!verified)
    return `the signature does not verify with ${app.authMethod === 'client_secret_jwt' ? 'the client secret' : "the app's jwks"}`;
  const { jti, exp } = decoded.payload as { jti: string; exp: number };
  if (!deps.assertions.useOnce(app.clientId, jti, new Date(exp * 1000), deps.clock.now()))
    return `jti '${jti}' was already used (replay)`;
  return undefined;
}

function claimProblem(
  payload: Record<string, unknown>,
  clientId: string,
  expected: AssertionAudiences,
  now: number,
): string | undefined {
  const { iss, sub, aud, exp, nbf, jti } = payload;
  if (iss !== clientId || sub !== clientId) return `iss and sub must both be the client_id '${clientId}'`;
  const audiences: unknown[] = Array.isArray(aud) ? aud : [aud];
  if (!audiences.some((a) => a === expected.endpointUrl || a === expected.issuer))
    return `aud must be the token endpoint ${expected.endpointUrl}`;
  if (typeof exp !== 'number') return 'exp is missing';
  if (exp <= now) return `expired at ${new Date(exp * 1000).toISOString()}`;
  if (exp > now + MAX_ASSERTION_LIFETIME_SECONDS) return 'exp is more than one hour ahead';
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now)) return 'not valid yet (nbf)';
  if (typeof jti !== 'string' || jti === '') return 'jti is missing';
  return undefined;
}

/** The keys that may have signed it: the secret for client_secret_jwt, the app's JWKs (by kid) for private_key_jwt. */
function keysOf(app: AppRecord, header: Record<string, unknown>): JwsKey[] | string {
  const alg = typeof header['alg'] === 'string' ? header['alg'] : '';
  if (app.authMethod === 'client_secret_jwt') {
    if (!HMAC.includes(alg)) return `alg must be one of ${HMAC.join(', ')} for client_secret_jwt, not '${alg}'`;
    return app.clientSecret ? [{ secret: app.clientSecret }] : 'the app has no client secret';
  }
  if (alg === '' || alg === 'none' || HMAC.includes(alg)) return `alg '${alg}' cannot be used with private_key_jwt`;
  const { jwks, jwks_uri } = app.document.oauth;
  if (!jwks) {
    return jwks_uri
      ? `the app has only a jwks_uri (${jwks_uri}); Authbox works offline and cannot fetch it, so put the keys in settings.oauthClient.jwks`
      : 'the app has no jwks in settings.oauthClient';
  }
  const kid = header['kid'];
  const keys = jwks.keys.filter((k) => kid === undefined || k['kid'] === kid);
  return keys.length ? keys.map((jwk) => ({ jwk })) : `no key of the app's jwks has the kid '${String(kid)}'`;
}

async function anyVerifies(crypto: Crypto, token: string, keys: JwsKey[]): Promise<boolean> {
  for (const key of keys) if (await crypto.verifyJws(token, key)) return true;
  return false;
}
