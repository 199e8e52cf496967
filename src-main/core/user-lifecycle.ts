/**
 * User status and its transitions (Okta Users API, User Lifecycle): which status a new user gets,
 * and what each `/lifecycle/{action}` does from each status. One table drives both the endpoints
 * and the lifecycle `_links` a user shows.
 *
 * Authbox sends no email, so the steps Okta leaves to an emailed link resolve here: `activate`
 * makes a user with a password ACTIVE at once (one without stays PROVISIONED), and an admin
 * setting a password (`POST /users/{id}` with `credentials.password`) completes activation,
 * recovery or an expired password.
 */
import type { OktaErrorCode } from '../contracts/okta-error.js';
import type { UserStatus } from '../contracts/user.js';

export const LIFECYCLE_ACTIONS = [
  'activate',
  'reactivate',
  'deactivate',
  'suspend',
  'unsuspend',
  'unlock',
  'expire_password',
  'reset_password',
] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export interface LifecycleSubject {
  status: UserStatus;
  hasPassword: boolean;
}

export type Transition = { ok: true; status: UserStatus } | { ok: false; code: OktaErrorCode; summary: string };

/** Okta's create rules: `activate=false` ⇒ STAGED; else ACTIVE with a password, PROVISIONED without. */
export function initialStatus(activate: boolean, hasPassword: boolean, expirePassword = false): UserStatus {
  if (!activate) return 'STAGED';
  if (!hasPassword) return 'PROVISIONED';
  return expirePassword ? 'PASSWORD_EXPIRED' : 'ACTIVE';
}

const refuse = (code: OktaErrorCode, summary: string): Transition => ({ ok: false, code, summary });
const to = (status: UserStatus): Transition => ({ ok: true, status });

/** What `action` does to a user; `ok: false` carries the Okta error for the wrong status. */
export function transition(user: LifecycleSubject, action: LifecycleAction): Transition {
  const { status, hasPassword } = user;
  switch (action) {
    // Okta: STAGED or DEPROVISIONED only (403 E0000016 for an active user); PROVISIONED re-sends activation.
    case 'activate':
      if (status === 'STAGED' || status === 'PROVISIONED' || status === 'DEPROVISIONED')
        return to(hasPassword ? 'ACTIVE' : 'PROVISIONED');
      if (status === 'ACTIVE') return refuse('E0000016', 'Activation failed because the user is already active');
      return refuse(
        'E0000038',
        `Cannot activate a user whose status is ${status}; only STAGED, PROVISIONED or DEPROVISIONED users can be activated`,
      );
    // Okta: PROVISIONED or RECOVERY only, else E0000038; it restarts activation, which here has nothing to send.
    case 'reactivate':
      if (status === 'PROVISIONED' || status === 'RECOVERY') return to(status);
      return refuse(
        'E0000038',
        `Cannot reactivate a user whose status is ${status}; only PROVISIONED or RECOVERY users can be reactivated`,
      );
    case 'deactivate':
      if (status !== 'DEPROVISIONED') return to('DEPROVISIONED');
      return refuse('E0000001', 'Cannot deactivate a user that is already DEPROVISIONED');
    case 'suspend':
      if (status === 'ACTIVE') return to('SUSPENDED');
      return refuse('E0000001', `Cannot suspend a user that is not ACTIVE (its status is ${status})`);
    case 'unsuspend':
      if (status === 'SUSPENDED') return to('ACTIVE');
      return refuse('E0000001', `Cannot unsuspend a user that is not SUSPENDED (its status is ${status})`);
    // Okta answers 403 E0000032 when the user is not locked out (okta-sdk-nodejs test/it/user-lifecycle.ts).
    case 'unlock':
      if (status === 'LOCKED_OUT') return to('ACTIVE');
      return refuse('E0000032', `Cannot unlock a user that is not LOCKED_OUT (its status is ${status})`);
    case 'expire_password':
      if (status !== 'ACTIVE' && status !== 'PASSWORD_EXPIRED') {
        return refuse(
          'E0000038',
          `Cannot expire the password of a user whose status is ${status}; only ACTIVE users can have their password expired`,
        );
      }
      return hasPassword
        ? to('PASSWORD_EXPIRED')
        : refuse('E0000038', 'Cannot expire the password of a user who has no password');
    // Okta: the user goes to RECOVERY and cannot sign in until a new password is set.
    case 'reset_password':
      if (status === 'ACTIVE' || status === 'PASSWORD_EXPIRED' || status === 'LOCKED_OUT' || status === 'RECOVERY')
        return to('RECOVERY');
      return refuse('E0000038', `Cannot reset the password of a user whose status is ${status}`);
  }
}

/** The status after an admin sets a password: it completes activation, recovery or expiry. */
export function statusAfterPasswordSet(status: UserStatus): UserStatus {
  return status === 'PROVISIONED' || status === 'RECOVERY' || status === 'PASSWORD_EXPIRED' ? 'ACTIVE' : status;
}

/** The lifecycle actions allowed from the user's current status (for `_links`). */
export function availableActions(user: LifecycleSubject): LifecycleAction[] {
  return LIFECYCLE_ACTIONS.filter((action) => transition(user, action).ok);
}

/**
 * Whether a user in `status` may sign in with a password. Only ACTIVE: Authbox has no
 * change-password step for PASSWORD_EXPIRED, and RECOVERY, LOCKED_OUT, SUSPENDED, STAGED,
 * PROVISIONED and DEPROVISIONED users cannot sign in on Okta either.
 */
export function canSignIn(status: UserStatus): boolean {
  return status === 'ACTIVE';
}
