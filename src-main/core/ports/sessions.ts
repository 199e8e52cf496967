/** Sign-in sessions, pending authorization requests and consents as stored; `store/session-repository.ts` implements the port. */

export interface SessionRecord {
  serverId: string;
  userId: string;
  /** When the user authenticated (OIDC `auth_time`). */
  authTime: Date;
  amr: string[];
  expiresAt: Date;
}

/** An authorization request waiting on the sign-in or consent page. */
export interface PendingAuthorization {
  id: string;
  serverId: string;
  params: Record<string, string>;
  /** The form's CSRF token; it must also come back in the browser's CSRF cookie. */
  csrf: string;
  /** Set once the user signed in on this request's page (so `prompt=login` is not asked again). */
  signedInUserId: string | null;
  expiresAt: Date;
}

export interface SessionRepository {
  insertSession(hash: string, session: SessionRecord, now: Date): void;
  findSession(hash: string, now: Date): SessionRecord | undefined;
  deleteSession(hash: string): void;
  /** Keeps `pending`, sweeps expired ones, and drops the oldest of its server and `client_id` beyond `perClient`. */
  insertPending(pending: PendingAuthorization, now: Date, perClient: number): void;
  findPending(id: string, now: Date): PendingAuthorization | undefined;
  updatePending(pending: PendingAuthorization): void;
  /** Deletes a kept request; false when there was none to delete (already answered, or swept). */
  deletePending(id: string): boolean;
  /** Scopes the user consented to for the app on this server. */
  consentedScopes(serverId: string, appId: string, userId: string): string[];
  recordConsent(serverId: string, appId: string, userId: string, scopes: string[], now: Date): void;
}
