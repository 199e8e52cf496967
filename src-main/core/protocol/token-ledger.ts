/**
 * The token ledger (RFC 6749 §6 and §10.4, RFC 7009, RFC 7662; Okta "OpenID Connect & OAuth 2.0 API"): implements
 * `TokenFamilies` for the grants, and the lookups that refresh, introspection, revocation and
 * userinfo need. Refresh tokens are opaque random strings kept only as their SHA-256; expired rows
 * are swept when a family opens, a bounded batch at a time, with the injected clock, so tests stay
 * deterministic. The batch runs after the request's turn (`later`), in a transaction of its own
 * between the token requests' group commits, so no request's commit carries it; a backlog of
 * thousands drains a batch every 50 ms (2,000 rows a second per table, more than the server issues),
 * each batch a few milliseconds at most. Without a backlog the sweep runs at most once a second:
 * three DELETEs on every token request were a fifth of its SQL time in a trace of the bench, for
 * rows already refused as expired where read.
 */
import type { AppRecord } from '../ports/apps.js';
import type { Clock, Crypto, GroupTransactor, Transactor } from '../ports/runtime.js';
import type { AccessTokenRecord, RefreshTokenRecord, TokenRepository } from '../ports/tokens.js';
import { base64url } from './id-token.js';
import { timeOrderedId } from '../time-ordered-id.js';
import { ExpirySweep } from './expiry-sweep.js';
import type { RefreshGrant, TokenFamilies } from './token-families.js';

export interface TokenLedgerDeps {
  store: TokenRepository;
  apps: { get(id: string): AppRecord };
  crypto: Crypto;
  clock: Clock;
  /** Rotation and issuance write several rows: each lands whole or not at all. */
  tx: Transactor;
  /** A token request's write, committed with the others of the same moment (without one: `tx`, alone). */
  group?: GroupTransactor;
  /** Runs `work` once the current turn is over (the sweep; without it, at once, in the caller's transaction). */
  later?: (work: () => void) => void;
}

/** 43 characters of [0-9A-Za-z] (about 256 bits), as Okta's opaque tokens; URL-safe. */
const REFRESH_TOKEN_LENGTH = 43;
/** A family's row (an owner or a revocation) is kept this long after it was created, and while it has tokens. */
const EMPTY_FAMILY_MS = 24 * 3600 * 1000;
/**
 * Expired rows deleted per table in one sweep: rows of tokens issued together are neighbours in
 * each index (their ids begin with the time), but the rows of an older data folder's random ids are
 * a page each, some 3 ms for 100 of them.
 */
const SWEEP_BATCH = 100;
const minutes = (n: number) => n * 60 * 1000;

/** A refresh token that may be used, or why not (for the event log's detail). */
export type RefreshLookup =
  { ok: true; token: RefreshTokenRecord } | { ok: false; reason: string; token?: RefreshTokenRecord };

export class TokenLedger implements TokenFamilies {
  /** One batch of expired rows per table, when one is due as a family opens (`ExpirySweep`). */
  private readonly sweep: ExpirySweep;

  constructor(private readonly deps: TokenLedgerDeps) {
    const { clock, later, store } = deps;
    this.sweep = new ExpirySweep({
      clock,
      batch: (now) => store.sweep(now, new Date(now.getTime() - EMPTY_FAMILY_MS), SWEEP_BATCH),
      ...(later ? { later } : {}),
    });
  }

  /**
   * Opens a family for one grant event and sweeps what has expired (see the file's comment). Returns
   * its id. The family gets a row only once something is stored about it (`issueRefreshToken`,
   * `revokeFamily`): a family without one is neither revoked nor owned.
   */
  openFamily(): string {
    const now = this.deps.clock.now();
    this.sweep.due(now);
    return timeOrderedId(this.deps.crypto, 'tfm', now);
  }

  /** Runs `work` in one store transaction: what one token request writes commits once, shared with its neighbours. */
  inOneWrite<T>(work: () => T): Promise<T> {
    const { group, tx } = this.deps;
    return group ? group.run(work) : new Promise<T>((resolve) => resolve(tx.run(work)));
  }

  registerAccessToken(jti: string, familyId: string, expiresAt: Date): void {
    this.deps.store.insertAccessToken({ jti, familyId, expires: expiresAt, revoked: null });
  }

  /** Okta "OpenID Connect & OAuth 2.0 API": only with `offline_access` granted and the app's `refresh_token` grant. */
  issueRefreshToken(familyId: string, grant: RefreshGrant): string | undefined {
    if (!grant.scopes.includes('offline_access') || !this.appAllowsRefresh(grant.appId)) return undefined;
    const now = this.deps.clock.now();
    const { refreshTokenMinutes } = grant.lifetimes;
    return this.deps.tx.run(() => {
      this.deps.store.ensureFamily(familyId, now);
      this.deps.store.setFamilyOwner(familyId, grant);
      return this.newRefreshToken(
        familyId,
        grant,
        refreshTokenMinutes > 0 ? new Date(now.getTime() + minutes(refreshTokenMinutes)) : null,
      );
    });
  }

  revokeFamily(familyId: string, reason: string): void {
    this.deps.store.revokeFamily(familyId, this.deps.clock.now(), reason);
  }

  /** The registered access token `jti` when it is neither expired nor revoked, nor its family. */
  activeAccessToken(jti: string): AccessTokenRecord | undefined {
    return this.whyInactive(jti) === undefined ? this.deps.store.accessToken(jti) : undefined;
  }

  /** Why the access token `jti` is not active (unknown, expired, revoked, its family revoked); undefined when it is. */
  whyInactive(jti: string): string | undefined {
    const token = this.deps.store.accessToken(jti);
    if (!token) return `no access token with jti ${jti} is registered (unknown jti)`;
    if (token.revoked) return `the access token was revoked at ${token.revoked.toISOString()}`;
    if (token.expires <= this.deps.clock.now()) return `the access token expired at ${token.expires.toISOString()}`;
    const family = this.deps.store.family(token.familyId);
    return family?.revoked
      ? `its token family was revoked at ${family.revoked.toISOString()} (${family.revokedReason ?? 'no reason kept'})`
      : undefined;
  }

  revokeAccessToken(jti: string): void {
    this.deps.store.revokeAccessToken(jti, this.deps.clock.now());
  }

  /** The stored record of an opaque refresh token, whatever its state. */
  findRefreshToken(token: string): RefreshTokenRecord | undefined {
    return this.deps.store.refreshTokenByHash(this.hash(token));
  }

  /** The refresh token if it is still usable: not revoked (nor its family), within its lifetime and idle window. */
  lookupRefreshToken(token: string): RefreshLookup {
    const record = this.findRefreshToken(token);
    if (!record) return { ok: false, reason: 'no refresh token has this value' };
    const now = this.deps.clock.now();
    const family = this.deps.store.family(record.familyId);
    if (record.revoked)
      return { ok: false, reason: `the refresh token was revoked at ${record.revoked.toISOString()}`, token: record };
    if (!family || family.revoked)
      return { ok: false, reason: `its token family was revoked (${family?.revokedReason ?? 'gone'})`, token: record };
    if (record.expires && record.expires <= now)
      return { ok: false, reason: `its lifetime ended at ${record.expires.toISOString()}`, token: record };
    if (record.idleExpires <= now)
      return { ok: false, reason: `it was idle past its window (${record.idleExpires.toISOString()})`, token: record };
    return { ok: true, token: record };
  }

  /**
   * ROTATE: a new refresh token in the same family, keeping the original lifetime; the old one is
   * marked used. The old token presented again within the app's leeway (Okta's "grace period for
   * token rotation": the previous token stays valid so a client that lost the answer can get the
   * new token) replaces its successor: the unused successor is revoked, so there is only ever one
   * live successor chain. Returns undefined when the successor was already used — the old token
   * is then no longer the previous one, and its use is a reuse.
   */
  rotate(record: RefreshTokenRecord): string | undefined {
    const now = this.deps.clock.now();
    return this.deps.tx.run(() => {
      const current = this.deps.store.refreshTokenByHash(record.hash) ?? record;
      if (current.rotatedTo !== null && !this.deps.store.revokeUnusedRefreshToken(current.rotatedTo, now))
        return undefined;
      const token = this.newRefreshToken(current.familyId, current.grant, current.expires);
      const next = this.findRefreshToken(token)!;
      this.deps.store.updateRefreshToken({
        ...current,
        lastUsed: now,
        rotatedTo: next.id,
        used: current.used ?? now,
      });
      return token;
    });
  }

  /** STATIC: the same token stays; its use moves the idle window. */
  touch(record: RefreshTokenRecord): void {
    const now = this.deps.clock.now();
    this.deps.store.updateRefreshToken({ ...record, lastUsed: now, idleExpires: this.idleEnd(record.grant, now) });
  }

  private newRefreshToken(familyId: string, grant: RefreshGrant, expires: Date | null): string {
    const now = this.deps.clock.now();
    const token = this.deps.crypto.randomId('', REFRESH_TOKEN_LENGTH);
    this.deps.store.insertRefreshToken({
      id: timeOrderedId(this.deps.crypto, 'rtk', now),
      familyId,
      hash: this.hash(token),
      grant,
      created: now,
      expires,
      lastUsed: null,
      idleExpires: this.idleEnd(grant, now),
      rotatedTo: null,
      used: null,
      revoked: null,
    });
    return token;
  }

  private idleEnd(grant: RefreshGrant, from: Date): Date {
    return new Date(from.getTime() + minutes(grant.lifetimes.refreshWindowMinutes));
  }

  private hash(token: string): string {
    return base64url(this.deps.crypto.sha256(token));
  }

  private appAllowsRefresh(appId: string): boolean {
    try {
      const grants: readonly string[] = this.deps.apps.get(appId).document.oauth.grant_types;
      return grants.includes('refresh_token');
    } catch {
      return false;
    }
  }
}
