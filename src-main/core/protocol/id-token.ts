/**
 * ID token claims (Okta "OpenID Connect & OAuth 2.0 API", OIDC Core §2 and §3.1.3.6): `ver`, `sub` (the user id), `iss`,
 * `aud` (the client id, a string), `iat`, `exp` (always one hour), `jti` `ID.…`, `amr`, `idp`
 * (the org id for local users), `auth_time`, `at_hash` when an access token comes with it, and
 * the scope claims.
 */
import type { Crypto } from '../ports/runtime.js';
import type { SettingsRepository } from '../ports/settings.js';

export const ID_TOKEN_LIFETIME_SECONDS = 3600;
const ORG_ID_SETTING = 'org_id';

export interface IdTokenInput {
  issuer: string;
  clientId: string;
  userId: string;
  /** Seconds since the epoch. */
  issuedAt: number;
  authTime: number;
  amr: string[];
  orgId: string;
  jti: string;
  accessTokenHash?: string | undefined;
  /** `c_hash` when the ID token comes back from /authorize with a code (OIDC Core §3.3.2.11). */
  codeHash?: string | undefined;
  nonce?: string | undefined;
}

/** The system claims of an ID token, in Okta's order. */
export function idTokenClaims(input: IdTokenInput): Record<string, unknown> {
  return {
    ver: 1,
    sub: input.userId,
    iss: input.issuer,
    aud: input.clientId,
    iat: input.issuedAt,
    exp: input.issuedAt + ID_TOKEN_LIFETIME_SECONDS,
    jti: input.jti,
    amr: input.amr,
    idp: input.orgId,
    ...(input.nonce !== undefined ? { nonce: input.nonce } : {}),
    auth_time: input.authTime,
    ...(input.accessTokenHash !== undefined ? { at_hash: input.accessTokenHash } : {}),
    ...(input.codeHash !== undefined ? { c_hash: input.codeHash } : {}),
  };
}

/**
 * `at_hash` (OIDC Core §3.1.3.6), and `c_hash` of a code (§3.3.2.11, same rule): base64url of the
 * left half of the SHA-256 of the value (RS256).
 */
export function accessTokenHash(crypto: Pick<Crypto, 'sha256'>, accessToken: string): string {
  const digest = crypto.sha256(accessToken);
  return base64url(digest.subarray(0, digest.length / 2));
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Base64url without padding (RFC 4648 §5). */
export function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    if (b !== undefined) out += ALPHABET[(n >> 6) & 63]!;
    if (c !== undefined) out += ALPHABET[n & 63]!;
  }
  return out;
}

/**
 * The install's org id (`00o` + 17 characters), the `idp` of every ID token for a local user.
 * Made once and kept in the settings, so it stays the same across restarts.
 */
export function orgIdOf(settings: SettingsRepository, crypto: Pick<Crypto, 'randomId'>): string {
  const existing = settings.get(ORG_ID_SETTING);
  if (existing) return existing;
  const orgId = crypto.randomId('00o');
  settings.set(ORG_ID_SETTING, orgId);
  return orgId;
}
