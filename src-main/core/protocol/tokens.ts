/**
 * Token minting (reference §4): Okta-shaped access and ID tokens, RS256 JWTs signed with the
 * server's ACTIVE key (its `kid` in the header), so a rotation switches signing at once.
 * Custom claims come in through the `ClaimsHook` (issue 5); the system claims always win.
 */
import type { AppRecord } from '../app-records.js';
import type { AuthorizationServerRecord, Clock, Crypto, SigningKeyRecord } from '../ports.js';
import type { UserRecord } from '../users.js';
import { accessTokenHash, idTokenClaims } from './id-token.js';
import { ServerError } from './oauth-errors.js';
import { fullScopeClaims, thinScopeClaims } from './scope-claims.js';
import type { ClaimTrace } from './trace.js';

/** Okta's jti: a prefix and 43 random characters. */
const JTI_LENGTH = 46;

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
  token: 'access_token' | 'id_token';
  server: AuthorizationServerRecord;
  client: AppRecord;
  user: UserRecord | null;
  scopes: string[];
}

/** Where issue 5 adds the custom claims of a server (RESOURCE to access tokens, IDENTITY to ID tokens). */
export interface ClaimsHook {
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
}

export interface MintedTokens {
  accessToken: string;
  /** The access token's `jti` and `exp`, for the token store (revocation, introspection). */
  jti: string;
  expiresAt: Date;
  expiresIn: number;
  idToken?: string;
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

  /** Mints the access token and, when due, the ID token; both signed with the ACTIVE key. @throws ServerError without one */
  async mint(request: MintRequest): Promise<MintedTokens> {
    const key = await this.activeKey(request.server.id);
    const { crypto } = this.deps;
    const hook = this.deps.claimsHook ?? noCustomClaims;
    const issuedAt = seconds(this.deps.clock.now());
    const { record: user, appUserName, authTime } = request.user ?? { record: null };
    const context = { server: request.server, client: request.client, user, scopes: request.scopes };
    const custom = hook.claimsFor({ ...context, token: 'access_token' });
    const access = accessTokenClaims({
      issuer: request.issuer,
      audience: request.server.audiences[0]!,
      clientId: request.client.clientId,
      scopes: request.scopes,
      issuedAt,
      lifetimeMinutes: request.accessTokenMinutes,
      jti: crypto.randomId('AT.', JTI_LENGTH),
      user: user && authTime ? { id: user.id, appUserName: appUserName!, authTime: seconds(authTime) } : null,
    });
    const accessToken = await crypto.sign(key.privateJwk, key.kid, { ...custom.claims, ...access });
    const minted: MintedTokens = {
      accessToken,
      jti: access['jti'] as string,
      expiresAt: new Date((access['exp'] as number) * 1000),
      expiresIn: request.accessTokenMinutes * 60,
      kid: key.kid,
      claims: custom.trace,
    };
    if (request.idToken && request.user) {
      const { token, trace } = await this.idToken(request, key, issuedAt, accessToken);
      minted.idToken = token;
      minted.claims.push(...trace);
    }
    return minted;
  }

  /**
   * An ID token without an access token (/authorize `id_token`, `code id_token`): `fat` puts every
   * standard claim of the granted scopes in it, as Okta does for `id_token` alone (reference §4).
   */
  async mintIdToken(request: MintRequest, fat: boolean): Promise<{ idToken: string; kid: string; claims: ClaimTrace[] }> {
    const key = await this.activeKey(request.server.id);
    const { token, trace } = await this.idToken(request, key, seconds(this.deps.clock.now()), undefined, fat);
    return { idToken: token, kid: key.kid, claims: trace };
  }

  private async idToken(request: MintRequest, key: SigningKeyRecord, issuedAt: number, accessToken: string | undefined, fat = false) {
    const { record: user, authTime, amr } = request.user!;
    const { crypto } = this.deps;
    const scopeClaims = fat ? fullScopeClaims(user.profile, request.scopes, user.lastUpdated) : thinScopeClaims(user.profile, request.scopes);
    const custom = (this.deps.claimsHook ?? noCustomClaims).claimsFor({
      token: 'id_token', server: request.server, client: request.client, user, scopes: request.scopes,
    });
    const system = idTokenClaims({
      issuer: request.issuer,
      clientId: request.client.clientId,
      userId: user.id,
      issuedAt,
      authTime: seconds(authTime),
      amr,
      orgId: this.deps.orgId,
      jti: crypto.randomId('ID.', JTI_LENGTH),
      accessTokenHash: accessToken === undefined ? undefined : accessTokenHash(crypto, accessToken),
      codeHash: request.code === undefined ? undefined : accessTokenHash(crypto, request.code),
      nonce: request.nonce,
    });
    const token = await crypto.sign(key.privateJwk, key.kid, { ...custom.claims, ...system, ...scopeClaims.claims });
    return { token, trace: [...scopeClaims.trace, ...custom.trace] };
  }

  private async activeKey(serverId: string): Promise<SigningKeyRecord> {
    const key = (await this.deps.servers.keys(serverId)).find((k) => k.status === 'ACTIVE');
    if (!key) throw new ServerError('The server encountered an internal error.', `authorization server ${serverId} has no ACTIVE signing key`);
    return key;
  }
}
