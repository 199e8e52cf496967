/**
 * Okta's lockout (password policy, "Lock out user after N unsuccessful attempts", default 10):
 * every wrong password for a user counts, whichever surface it came through — the sign-in page,
 * the password grant, the device verification page — since they all check passwords through
 * `Users.checkPassword`. The Nth failure makes the user LOCKED_OUT; the unlock lifecycle call
 * releases it and the count starts again. A good password clears the count.
 */
import type { SignInFailureRepository } from './ports/sign-in-failures.js';
import type { UserRecord } from './ports/users.js';

export const DEFAULT_LOCKOUT_THRESHOLD = 10;
export const LOCKOUT_THRESHOLD_SETTING = 'lockout_threshold';

export interface LockoutDeps {
  failures: SignInFailureRepository;
  /** Failed sign-ins that lock a user out; 0 never locks (Okta's "Lock out user" unchecked). */
  threshold: () => number;
}

/** The threshold from its setting: a whole number from 0 to 100, else Okta's default. */
export function lockoutThreshold(setting: string | undefined): number {
  const value = Number(setting);
  return setting !== undefined && Number.isInteger(value) && value >= 0 && value <= 100
    ? value
    : DEFAULT_LOCKOUT_THRESHOLD;
}

export class SignInLockout {
  constructor(private readonly deps: LockoutDeps) {}

  /**
   * Counts a wrong password for an ACTIVE `user`; `lock` is true when this failure reaches the
   * threshold, and the count then starts again (for after the unlock). Users in another status
   * cannot sign in anyway: their failures are not counted.
   */
  recordFailure(user: UserRecord, now: Date): { count: number; threshold: number; lock: boolean } {
    const threshold = this.deps.threshold();
    if (user.status !== 'ACTIVE') return { count: 0, threshold, lock: false };
    const count = (this.deps.failures.get(user.id)?.count ?? 0) + 1;
    const lock = threshold > 0 && count >= threshold;
    if (lock) this.deps.failures.clear(user.id);
    else this.deps.failures.set(user.id, { count, lastFailed: now });
    return { count, threshold, lock };
  }

  recordSuccess(userId: string): void {
    // Read first: a write, even one that deletes nothing, takes the database's write lock and commits.
    if (this.deps.failures.get(userId)) this.deps.failures.clear(userId);
  }
}
