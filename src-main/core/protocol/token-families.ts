/**
 * The contract between the grants that mint tokens and the token ledger that remembers them.
 * Every grant event opens a token family (an authorization code, a password or device sign-in);
 * its access and refresh tokens, and the refresh tokens rotated from them, belong to it. Replaying
 * an authorization code or a rotated refresh token revokes the whole family (RFC 6749 §4.1.2,
 * OAuth 2.0 Security BCP §4.14), which introspection then reports as `{"active":false}`.
 */
import type { Lifetimes } from './policy/decision.js';

/** What a refresh token carries forward to the tokens minted from it later. */
export interface RefreshGrant {
  serverId: string;
  /** The app's id (its client_id may be looked up from it). */
  appId: string;
  clientId: string;
  userId: string;
  scopes: string[];
  authTime: Date;
  amr: string[];
  /** From the rule that matched when the family was opened (Okta "Authorization Server Rules" API: evaluated once). */
  lifetimes: Lifetimes;
  /** The DPoP key (`jkt`) a public client's refresh token is bound to (RFC 9449 §5); each refresh must prove it. */
  boundJkt?: string;
}

export interface TokenFamilies {
  /**
   * Opens a new family for one grant event and returns its id. A grant may instead bring its own
   * id (an authorization code's): the family is then created by its first registered token.
   */
  openFamily(): string;
  /**
   * Runs `work` (opening, registering, issuing) in one store transaction: it lands whole; resolves
   * once it is committed (with the other token requests of the same moment: group commit).
   */
  inOneWrite<T>(work: () => T): Promise<T>;
  /** Remembers an issued access token (by `jti`, until `expiresAt`) so revocation and introspection can see it. */
  registerAccessToken(jti: string, familyId: string, expiresAt: Date): void;
  /**
   * Issues an opaque refresh token (stored only as a hash) in `familyId` when the grant earned one:
   * `offline_access` granted and the app has the `refresh_token` grant (Okta "OpenID Connect & OAuth 2.0 API").
   * Returns undefined when no refresh token is due.
   */
  issueRefreshToken(familyId: string, grant: RefreshGrant): string | undefined;
  /** Revokes every access and refresh token of the family. */
  revokeFamily(familyId: string, reason: string): void;
}
