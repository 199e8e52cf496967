/** Token families, access and refresh tokens as stored; `store/token-repository.ts` implements the port. */
import type { RefreshGrant } from '../protocol/token-families.js';

export interface FamilyRecord {
  id: string;
  /** The owner columns are set when a refresh token is issued in the family. */
  serverId: string | null;
  appId: string | null;
  clientId: string | null;
  userId: string | null;
  created: Date;
  revoked: Date | null;
  revokedReason: string | null;
}

export interface AccessTokenRecord {
  jti: string;
  familyId: string;
  expires: Date;
  revoked: Date | null;
}

export interface RefreshTokenRecord {
  id: string;
  familyId: string;
  /** base64url SHA-256 of the token; the token itself is never stored. */
  hash: string;
  grant: RefreshGrant;
  created: Date;
  /** End of the token's lifetime; null = unlimited (rule `refreshTokenLifetimeMinutes` 0). */
  expires: Date | null;
  lastUsed: Date | null;
  /** End of the idle window (rule `refreshTokenWindowMinutes`); each use moves it. */
  idleExpires: Date;
  /** The token it was rotated to (ROTATE), and when. */
  rotatedTo: string | null;
  used: Date | null;
  revoked: Date | null;
}

export interface TokenRepository {
  /** Inserts the family unless it exists. */
  ensureFamily(id: string, created: Date): void;
  setFamilyOwner(id: string, owner: Pick<RefreshGrant, 'serverId' | 'appId' | 'clientId' | 'userId'>): void;
  family(id: string): FamilyRecord | undefined;
  /** Marks the family revoked (the first revocation stays), creating its row if it has none. */
  revokeFamily(id: string, at: Date, reason: string): void;
  insertAccessToken(token: AccessTokenRecord): void;
  accessToken(jti: string): AccessTokenRecord | undefined;
  revokeAccessToken(jti: string, at: Date): void;
  insertRefreshToken(token: RefreshTokenRecord): void;
  refreshTokenByHash(hash: string): RefreshTokenRecord | undefined;
  updateRefreshToken(token: RefreshTokenRecord): void;
  /** Revokes the refresh token `id` unless it was used or revoked already; false then. */
  revokeUnusedRefreshToken(id: string, at: Date): boolean;
  /**
   * Deletes up to `limit` expired access tokens and refresh tokens, then up to `limit` families left
   * without tokens older than `familiesBefore`; a bounded batch, so a backlog never holds up one request.
   * True when a batch was full: more may be left to sweep.
   */
  sweep(now: Date, familiesBefore: Date, limit: number): boolean;
}
