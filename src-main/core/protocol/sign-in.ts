/**
 * The password sign-in of the authorize and device verification pages: the password
 * (`Users.checkPassword`: ACTIVE users only) → the user's last login → a session on this
 * authorization server, authenticated by password (OIDC `amr` `pwd`). Failures from one address
 * are throttled (`Users.checkPassword`; 429 while closed). A refusal is one generic
 * message whatever the reason, so the page never tells whether the user exists; the event log gets
 * the reason.
 */
import type { SessionRecord } from '../ports/sessions.js';
import type { Transactor } from '../ports/runtime.js';
import type { UserRecord } from '../ports/users.js';
import type { Users } from '../users.js';
import { AccessDenied } from './oauth-errors.js';
import type { Sessions } from './sessions.js';

export const SIGN_IN_FAILED = 'Sign-in failed. Check your username and password.';
export const TOO_MANY_SIGN_INS = 'Too many failed sign-ins. Try again later.';
/** What the sign-in page says while the address is throttled. */
export const tooManySignIns = (seconds: number) =>
  `Too many failed sign-ins from this address. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;

export interface SignInDeps {
  users: Pick<Users, 'checkPassword' | 'recordLogin'>;
  sessions: Pick<Sessions, 'open'>;
  tx: Transactor;
}

/**
 * A signed-in user with the new session and its opaque token (the cookie's value) and what
 * `inCommit` wrote, or the refusal.
 */
export type SignInOutcome<T = undefined> =
  | { ok: true; user: UserRecord; session: SessionRecord; token: string; committed: T | undefined }
  | { ok: false; error: AccessDenied };

/** What a caller does alongside a sign-in. */
export interface SignInAlongside<T> {
  /**
   * Runs once the password proved good, before the commit (reads only). It runs after the check and
   * never for a wrong password, so the answer to a wrong password takes as long whether the login is
   * known or not, and what it decides sees every write made while the hash ran.
   */
  checked?: (user: UserRecord) => void;
  /** Writes what a good password leads to, in the commit of the last login and the session. */
  inCommit?: (user: UserRecord, session: SessionRecord) => T;
}

/** Checks the password and, when it is good, opens the server's session. */
export async function signInWithPassword<T = undefined>(
  deps: SignInDeps,
  serverId: string,
  username: string,
  password: string,
  address?: string,
  alongside: SignInAlongside<T> = {},
): Promise<SignInOutcome<T>> {
  const check = await deps.users.checkPassword(username, password, address);
  if (!check.ok && check.reason === 'throttled') {
    const error = new AccessDenied(TOO_MANY_SIGN_INS, `sign-in refused unchecked: ${check.note}`, 429);
    error.retryAfterSeconds = check.retryAfterSeconds;
    return { ok: false, error };
  }
  if (!check.ok) {
    // The note says what the failure changed, e.g. "user locked out after 10 failed sign-ins".
    const reason = `${check.reason}: '${username}'${check.user ? ` (${check.user.id}, ${check.user.status})` : ''}${check.note ? `; ${check.note}` : ''}`;
    return { ok: false, error: new AccessDenied(SIGN_IN_FAILED, `sign-in refused, ${reason}`) };
  }
  alongside.checked?.(check.user);
  // The last login, the session and what the sign-in leads to land together, in one commit.
  const { token, session, committed } = deps.tx.run(() => {
    deps.users.recordLogin(check.user.id);
    const opened = deps.sessions.open(serverId, check.user.id, ['pwd']);
    return { ...opened, committed: alongside.inCommit?.(check.user, opened.session) };
  });
  return { ok: true, user: check.user, session, token, committed };
}
