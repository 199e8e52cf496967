/**
 * Sign-in state of the authorize endpoint (OIDC Core §3.1.2.3, Okta "OpenID Connect & OAuth 2.0 API"): a session per
 * authorization server (its cookie value opaque, stored only as a SHA-256 hash), the pending
 * authorization request kept server-side while the sign-in or consent page is shown (referenced
 * by an opaque id, guarded by a CSRF token), and the consent a user gave an app per scope.
 * Time comes from the injected clock; expired rows are swept on every write.
 */
import type { Clock, Crypto } from '../ports/runtime.js';
import type { PendingAuthorization, SessionRecord, SessionRepository } from '../ports/sessions.js';
import { opaqueHash } from './authorization-codes.js';

/** Okta's default global session lifetime: two hours. */
export const SESSION_LIFETIME_MINUTES = 120;
/** How long a sign-in or consent page may stay open. */
export const PENDING_LIFETIME_MINUTES = 15;
/**
 * Pending requests kept per app; a new one drops the oldest (what a browser's many tabs need: the
 * newest page works, as on Okta, where opening a new sign-in page starts over). A flood of
 * unauthenticated requests then costs a bounded amount of disk instead of growing for 15 minutes.
 */
export const PENDING_PER_CLIENT = 100;
const OPAQUE_LENGTH = 43;

export interface SessionDeps {
  store: SessionRepository;
  crypto: Pick<Crypto, 'randomId' | 'sha256'>;
  clock: Clock;
}

const minutesFrom = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

export class Sessions {
  constructor(private readonly deps: SessionDeps) {}

  /** Opens a session for the user on `serverId`; returns the cookie value (only its hash is kept). */
  open(serverId: string, userId: string, amr: string[]): { token: string; session: SessionRecord } {
    const session = this.draft(serverId, userId, amr);
    const token = this.deps.crypto.randomId('', OPAQUE_LENGTH);
    this.deps.store.insertSession(opaqueHash(this.deps.crypto, token), session, session.authTime);
    return { token, session };
  }

  /** The session `open` would open now, not stored: what a request's steps see before the session is written. */
  draft(serverId: string, userId: string, amr: string[]): SessionRecord {
    const now = this.deps.clock.now();
    return { serverId, userId, authTime: now, amr, expiresAt: minutesFrom(now, SESSION_LIFETIME_MINUTES) };
  }

  /** The live session a cookie value stands for on `serverId`, if any. */
  find(serverId: string, token: string | undefined): SessionRecord | undefined {
    if (!token) return undefined;
    const session = this.deps.store.findSession(opaqueHash(this.deps.crypto, token), this.deps.clock.now());
    return session?.serverId === serverId ? session : undefined;
  }

  end(token: string): void {
    this.deps.store.deleteSession(opaqueHash(this.deps.crypto, token));
  }

  /** Keeps an authorization request while its page is shown; `csrf` is the browser's CSRF token. */
  begin(serverId: string, params: Record<string, string>, csrf: string): PendingAuthorization {
    const now = this.deps.clock.now();
    const pending: PendingAuthorization = {
      id: this.deps.crypto.randomId('', OPAQUE_LENGTH),
      serverId,
      params,
      csrf,
      signedInUserId: null,
      expiresAt: minutesFrom(now, PENDING_LIFETIME_MINUTES),
    };
    this.deps.store.insertPending(pending, now, PENDING_PER_CLIENT);
    return pending;
  }

  pending(serverId: string, id: string | undefined): PendingAuthorization | undefined {
    if (!id) return undefined;
    const pending = this.deps.store.findPending(id, this.deps.clock.now());
    return pending?.serverId === serverId ? pending : undefined;
  }

  /** Stores who signed in on a kept request's page, for the page it waits on next (consent). */
  saveSignedIn(pending: PendingAuthorization): void {
    this.deps.store.updatePending(pending);
  }

  /** Ends a kept request once it is answered; false when it was already ended (a form sent twice). */
  finish(pending: PendingAuthorization): boolean {
    return this.deps.store.deletePending(pending.id);
  }

  /** A new CSRF token for a browser that has none yet. */
  newCsrfToken(): string {
    return this.deps.crypto.randomId('', OPAQUE_LENGTH);
  }

  consentedScopes(serverId: string, appId: string, userId: string): string[] {
    return this.deps.store.consentedScopes(serverId, appId, userId);
  }

  recordConsent(serverId: string, appId: string, userId: string, scopes: string[]): void {
    this.deps.store.recordConsent(serverId, appId, userId, scopes, this.deps.clock.now());
  }
}
