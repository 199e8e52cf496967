/**
 * Token minting (Okta "OpenID Connect & OAuth 2.0 API"): Okta-shaped access and ID tokens, RS256 JWTs signed with the
 * server's ACTIVE key (its `kid` in the header), so a rotation switches signing at once.
 * Custom claims come in through the `ClaimsHook`; the system claims win, but for an access token's `aud` and `sub`.
 */
import type { AppRecord } from '../ports/apps.js';
import type { AuthorizationServerRecord, SigningKeyRecord } from '../ports/authorization-servers.js';
import type { Clock, Crypto } from '../ports/runtime.js';
import type { UserRecord } from '../ports/users.js';
import { accessTokenHash, idTokenClaims } from './id-token.js';
import { ClaimFailed } from './claim-failed.js';
import { ServerError } from './oauth-errors.js';
import { fullScopeClaims, thinScopeClaims } from './scope-claims.js';
import type { ClaimTrace } from './trace.js';
import { expiryOrderedId, timeOrderedId } from '../time-ordered-id.js';

/**
 * Okta's jti: a prefix and 43 characters; ours begin with a time (`timeOrderedId`), then random ones.
 * An access token's time is its expiry (`exp`, in milliseconds), then the millisecond it was made in
 * two characters, then 34 random ones (`expiryOrderedId`): the token ledger's primary key is then in
 * expiry order, and its sweep deletes the expired tokens from the key's start without an index by
 * expiry (store migration 0260).
 */
const JTI_LENGTH = 46;

/** Reserved access-token claims a RESOURCE claim may still override (Okta "OpenID Connect & OAuth 2.0 API"). */
const OVERRIDABLE_ACCESS_CLAIMS = ['aud', 'sub'] as const;

export interface AccessTokenInput {
  issuer: string;
  audience: string;
  clientId: string;
  scopes: string[];
  /** Seconds since the epoch. */
  issuedAt: number;
  lifetimeMinutes: number;
  jti: string;
  /** The signed-in user; null under client_credentials. */
  user: { id: string; appUserName: string; authTime: number } | null;
}

/** The system claims of an access token, in Okta's order. `sub` is the app username, or the client id without a user. */
export function accessTokenClaims(input: AccessTokenInput): Record<string, unknown> {
  return {
    ver: 1,
    jti: input.jti,
    iss: input.issuer,
    aud: input.audience,
    iat: input.issuedAt,
    exp: input.issuedAt + input.lifetimeMinutes * 60,
    cid: input.clientId,
    ...(input.user ? { uid: input.user.id } : {}),
    scp: input.scopes,
    ...(input.user ? { auth_time: input.user.authTime } : {}),
    sub: input.user ? input.user.appUserName : input.clientId,
  };
}

export interface ClaimsContext {
  token: ClaimTrace['token'];
  server: AuthorizationServerRecord;
  client: AppRecord;
  user: UserRecord | null;
  scopes: string[];
  /** An ID token requested alone (`response_type=id_token`), which carries every IDENTITY claim. */
  fat?: boolean;
}

/** Adds the custom claims of a server (RESOURCE to access tokens, IDENTITY to ID tokens and /userinfo). */
export interface ClaimsHook {
  /** @throws ClaimFailed when a claim cannot be computed */
  claimsFor(context: ClaimsContext): { claims: Record<string, unknown>; trace: ClaimTrace[] };
}

export const noCustomClaims: ClaimsHook = { claimsFor: () => ({ claims: {}, trace: [] }) };

export interface MintRequest {
  server: AuthorizationServerRecord;
  issuer: string;
  client: AppRecord;
  scopes: string[];
  accessTokenMinutes: number;
  /** The signed-in user, the name the app knows them by, when and how they authenticated. */
  user: { record: UserRecord; appUserName: string; authTime: Date; amr: string[] } | null;
  /** An ID token is due (a user flow that was granted `openid`). */
  idToken: boolean;
  nonce?: string;
  /** The authorization code /authorize returns with the ID token (its `c_hash`). */
  code?: string;
  /** The DPoP key the access token is bound to: its `cnf.jkt` (RFC 9449 §6.1). */
  boundJkt?: string;
}

export interface MintedTokens {
  accessToken: string;
  /** The access token's `jti` and `exp`, for the token ledger (revocation, introspection). */
  jti: string;
  expiresAt: Date;
  expiresIn: number;
  idToken?: string;
  /** The ID token's `jti`. */
  idTokenJti?: string;
  kid: string;
  claims: ClaimTrace[];
}

export interface TokenMinterDeps {
  servers: { keys(id: string): Promise<SigningKeyRecord[]> };
  crypto: Crypto;
  clock: Clock;
  orgId: string;
  claimsHook?: ClaimsHook;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

export class TokenMinter {
  constructor(private readonly deps: TokenMinterDeps) {}

  /** Mints the access token and, when due, the ID token; both signed with the ACTIVE key. @throws ServerError without one, ClaimFailed */
  async mint(request: MintRequest): Promise<MintedTokens> {
    const key = await this.activeKey(request.server.id);
    const access = this.accessTokenPayload(request);
    const accessToken = await this.deps.crypto.sign(key.privateJwk, key.kid, access.payload);
    const minted: MintedTokens = {
      accessToken,
      jti: access.payload['jti'] as string,
      expiresAt: new Date((access.payload['exp'] as number) * 1000),
      expiresIn: request.accessTokenMinutes * 60,
      kid: key.kid,
      claims: access.trace,
    };
    if (request.idToken && request.user) {
      const id = withEarlierClaims(access.trace, () =>
        this.idTokenPayload(request, { accessToken, issuedAt: access.payload['iat'] as number }),
      );
      minted.idToken = await this.deps.crypto.sign(key.privateJwk, key.kid, id.payload);
      minted.idTokenJti = id.payload['jti'] as string;
      minted.claims.push(...id.trace);
    }
    return minted;
  }

  /**
   * An ID token without an access token (/authorize `id_token`, `code id_token`): `fat` puts every
   * standard claim of the granted scopes in it, as Okta does for `id_token` alone (Okta "OpenID Connect & OAuth 2.0 API").
   */
  async mintIdToken(
    request: MintRequest,
    fat: boolean,
  ): Promise<{ idToken: string; kid: string; claims: ClaimTrace[] }> {
    const key = await this.activeKey(request.server.id);
    const id = this.idTokenPayload(request, { fat });
    return {
      idToken: await this.deps.crypto.sign(key.privateJwk, key.kid, id.payload),
      kid: key.kid,
      claims: id.trace,
    };
  }

  /**
   * What an access token carries, unsigned (minting and the sandbox preview share it): the custom
   * RESOURCE claims under the system claims, except that `aud` and `sub` may be overridden (Okta "OpenID Connect & OAuth 2.0 API").
   * @throws ClaimFailed
   */
  accessTokenPayload(request: MintRequest): { payload: Record<string, unknown>; trace: ClaimTrace[] } {
    const { record: user, appUserName, authTime } = request.user ?? { record: null };
    const custom = this.hook.claimsFor({
      token: 'access_token',
      server: request.server,
      client: request.client,
      user,
      scopes: request.scopes,
    });
    // One reading of the clock: `iat`, and `exp` the time in the `jti`.
    const now = this.deps.clock.now();
    const expires = new Date((seconds(now) + request.accessTokenMinutes * 60) * 1000);
    const system = accessTokenClaims({
      issuer: request.issuer,
      // The org server's access tokens are for the org's own API: their audience is the org URL (its issuer).
      audience: request.server.audiences[0] ?? request.issuer,
      clientId: request.client.clientId,
      scopes: request.scopes,
      issuedAt: seconds(now),
      lifetimeMinutes: request.accessTokenMinutes,
      jti: expiryOrderedId(this.deps.crypto, 'AT.', expires, now, JTI_LENGTH),
      user: user && authTime ? { id: user.id, appUserName: appUserName!, authTime: seconds(authTime) } : null,
    });
    const payload = { ...custom.claims, ...system };
    for (const name of OVERRIDABLE_ACCESS_CLAIMS) if (name in custom.claims) payload[name] = custom.claims[name];
    if (request.boundJkt !== undefined) payload['cnf'] = { jkt: request.boundJkt };
    return { payload, trace: custom.trace };
  }

  /**
   * What an ID token carries, unsigned: the system claims, the scope claims (all of them when `fat`,
   * else the thin set) and the IDENTITY claims; `at_hash` when the signed access token is given.
   * @throws ClaimFailed
   */
  idTokenPayload(
    request: MintRequest,
    options: { accessToken?: string; fat?: boolean; issuedAt?: number },
  ): { payload: Record<string, unknown>; trace: ClaimTrace[] } {
    const { record: user, authTime, amr } = request.user!;
    const { crypto } = this.deps;
    const fat = options.fat ?? false;
    const scopeClaims = fat
      ? fullScopeClaims(user.profile, request.scopes, user.lastUpdated)
      : thinScopeClaims(user.profile, request.scopes);
    const custom = this.hook.claimsFor({
      token: 'id_token',
      server: request.server,
      client: request.client,
      user,
      scopes: request.scopes,
      fat,
    });
    const system = idTokenClaims({
      issuer: request.issuer,
      clientId: request.client.clientId,
      userId: user.id,
      issuedAt: options.issuedAt ?? seconds(this.deps.clock.now()),
      authTime: seconds(authTime),
      amr,
      orgId: this.deps.orgId,
      jti: timeOrderedId(crypto, 'ID.', this.deps.clock.now(), JTI_LENGTH),
      accessTokenHash: options.accessToken === undefined ? undefined : accessTokenHash(crypto, options.accessToken),
      codeHash: request.code === undefined ? undefined : accessTokenHash(crypto, request.code),
      nonce: request.nonce,
    });
    const trace = [...scopeClaims.trace, ...custom.trace].map((entry): ClaimTrace => ({
      ...entry,
      idToken: fat ? 'full' : 'thin',
    }));
    return { payload: { ...custom.claims, ...system, ...scopeClaims.claims }, trace };
  }

  private get hook(): ClaimsHook {
    return this.deps.claimsHook ?? noCustomClaims;
  }

  private async activeKey(serverId: string): Promise<SigningKeyRecord> {
    const key = (await this.deps.servers.keys(serverId)).find((k) => k.status === 'ACTIVE');
    if (!key)
      throw new ServerError(
        'The server encountered an internal error.',
        `authorization server ${serverId} has no ACTIVE signing key`,
      );
    return key;
  }
}

/** A claim failure in the ID token keeps the access token's claims in its trace. */
function withEarlierClaims<T>(earlier: ClaimTrace[], build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof ClaimFailed) error.claims.unshift(...earlier);
    throw error;
  }
}
