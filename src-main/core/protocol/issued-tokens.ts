/**
 * Recognises the tokens this server issued, for introspection, revocation and userinfo
 * (RFC 7662 §2.2, RFC 7009 §2.1, RFC 6750 §3.1): a JWT is this server's when its RS256 signature
 * verifies with one of the server's keys (a rotated-out key still counts) and `iss` is the issuer;
 * an access token is active while unexpired and registered in the token ledger, unrevoked, with its family.
 */
import type { AuthorizationServerRecord, SigningKeyRecord } from '../ports/authorization-servers.js';
import type { Clock, Crypto } from '../ports/runtime.js';
import type { TokenLedger } from './token-ledger.js';

export interface IssuedTokenDeps {
  servers: { keys(id: string): Promise<SigningKeyRecord[]> };
  tokenLedger: Pick<
    TokenLedger,
    | 'activeAccessToken'
    | 'whyInactive'
    | 'lookupRefreshToken'
    | 'findRefreshToken'
    | 'revokeAccessToken'
    | 'revokeFamily'
  >;
  crypto: Crypto;
  clock: Clock;
}

export type JwtKind = 'access_token' | 'id_token';

export interface ServerJwt {
  kind: JwtKind;
  payload: Record<string, unknown>;
}

/** Okta's jti prefixes tell the two kinds apart (Okta "OpenID Connect & OAuth 2.0 API"). */
function kindOf(payload: Record<string, unknown>): JwtKind | undefined {
  const jti = payload['jti'];
  if (typeof jti !== 'string') return undefined;
  if (jti.startsWith('AT.')) return 'access_token';
  if (jti.startsWith('ID.')) return 'id_token';
  return undefined;
}

/** The claims of a JWT this server signed for `issuer`, expired or not; undefined for anything else. */
export async function serverJwt(
  deps: IssuedTokenDeps,
  server: AuthorizationServerRecord,
  issuer: string,
  token: string,
): Promise<ServerJwt | undefined> {
  const decoded = deps.crypto.decodeJws(token);
  if (!decoded || decoded.header['alg'] !== 'RS256' || decoded.payload['iss'] !== issuer) return undefined;
  const kind = kindOf(decoded.payload);
  const key = (await deps.servers.keys(server.id)).find((k) => k.kid === decoded.header['kid']);
  if (!kind || !key) return undefined;
  const verified = await deps.crypto.verifyJws(token, { jwk: { ...key.publicJwk, kid: key.kid, alg: 'RS256' } });
  return verified ? { kind, payload: decoded.payload } : undefined;
}

/** True while the JWT's `exp` is ahead of the injected clock. */
export function unexpired(deps: Pick<IssuedTokenDeps, 'clock'>, payload: Record<string, unknown>): boolean {
  const exp = payload['exp'];
  return typeof exp === 'number' && exp * 1000 > deps.clock.now().getTime();
}

/** The claims of an active access token of this server: signed, unexpired, registered and not revoked. */
export async function activeAccessToken(
  deps: IssuedTokenDeps,
  server: AuthorizationServerRecord,
  issuer: string,
  token: string,
): Promise<Record<string, unknown> | undefined> {
  const checked = await checkAccessToken(deps, server, issuer, token);
  return checked.ok ? checked.payload : undefined;
}

export type AccessTokenCheck = { ok: true; payload: Record<string, unknown> } | { ok: false; reason: string };

/**
 * `activeAccessToken` with the reason a token is refused, for the event log only: the wire answer
 * never says which (RFC 7662 §2.2, RFC 6750 §3.1).
 */
export async function checkAccessToken(
  deps: IssuedTokenDeps,
  server: AuthorizationServerRecord,
  issuer: string,
  token: string,
): Promise<AccessTokenCheck> {
  const refuse = (reason: string): AccessTokenCheck => ({ ok: false, reason });
  const decoded = deps.crypto.decodeJws(token);
  if (!decoded) return refuse('the token is not a signed JWT (not three base64url parts of JSON)');
  const { header, payload } = decoded;
  if (payload['iss'] !== issuer)
    return refuse(`the token was issued by ${JSON.stringify(payload['iss'])}, another server than ${issuer}`);
  if (header['alg'] !== 'RS256') return refuse(`the token is signed with ${JSON.stringify(header['alg'])}, not RS256`);
  const kind = kindOf(payload);
  if (kind !== 'access_token')
    return refuse(
      kind === 'id_token'
        ? 'the token is an ID token'
        : `the token's jti ${JSON.stringify(payload['jti'])} is not an access token's`,
    );
  const key = (await deps.servers.keys(server.id)).find((k) => k.kid === header['kid']);
  if (!key)
    return refuse(
      `the token was signed by another server: kid ${JSON.stringify(header['kid'])} is none of this server's keys`,
    );
  const verified = await deps.crypto.verifyJws(token, { jwk: { ...key.publicJwk, kid: key.kid, alg: 'RS256' } });
  if (!verified) return refuse(`the token's signature does not verify with key ${key.kid}`);
  if (!unexpired(deps, payload))
    return refuse(`the token expired at ${new Date(Number(payload['exp']) * 1000).toISOString()}`);
  const inactive = deps.tokenLedger.whyInactive(payload['jti'] as string);
  return inactive ? refuse(inactive) : { ok: true, payload };
}
