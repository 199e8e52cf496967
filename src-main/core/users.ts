/**
 * Users (Okta "Users" API): create with the status rules of `user-lifecycle`, partial update and
 * replace of the profile (base attributes plus any custom one), password changes, lifecycle
 * actions, deactivate-then-delete. Every user is stored as a member of the built-in Everyone
 * group, added in the transaction that creates the user. Passwords are kept only as scrypt hashes.
 *
 * Other parts read users through `get`, `find`, `findByLogin`, `groupsOf` and `checkPassword`.
 */
import { EVERYONE_GROUP_ID } from '../contracts/group.js';
import type { FieldIssue } from '../contracts/okta-error.js';
import {
  DEFAULT_USER_TYPE_ID,
  validateCreateUser,
  validateReplaceUser,
  validateUpdateUser,
} from '../contracts/user.js';
import type { CredentialsInput, UserProfile, UserStatus } from '../contracts/user.js';
import { NotFound, Refused, ValidationFailed } from './errors.js';
import { addMembership } from './groups.js';
import type { GroupRecord, GroupRepository } from './ports/groups.js';
import type { Clock, Crypto, Transactor } from './ports/runtime.js';
import type { Page } from './ports/page.js';
import { compileQuery, pageAfter, sortRecords } from './record-query.js';
import { refuseIfReferenced } from './references.js';
import type { ReferenceRepository } from './ports/references.js';
import type { UserRecord, UserRepository } from './ports/users.js';
import type { SignInLockout } from './sign-in-lockout.js';
import { canSignIn, initialStatus, statusAfterPasswordSet, transition } from './user-lifecycle.js';
import type { LifecycleAction } from './user-lifecycle.js';
import { matchesQ, userFilterSchema, userSearchSchema } from './user-query.js';
import type { FailureThrottle } from './failure-throttle.js';

export interface UserCriteria {
  q?: string | undefined;
  filter?: string | undefined;
  search?: string | undefined;
  sortBy?: string | undefined;
  sortOrder?: string | undefined;
}

export interface CreateUserOptions {
  /** Default true. */
  activate?: boolean;
  /** `changePassword` with activate and a password creates the user PASSWORD_EXPIRED. */
  nextLogin?: string | undefined;
}

export type PasswordCheck =
  | { ok: true; user: UserRecord }
  | {
      ok: false;
      reason: 'unknown_user' | 'wrong_password' | 'not_allowed' | 'locked_out' | 'throttled';
      user?: UserRecord;
      /** For the event log: what the failure changed (`user locked out after 10 failed sign-ins`). */
      note?: string;
      /** For `throttled`: the seconds until the address may try again. */
      retryAfterSeconds?: number;
    };

export interface UserDeps {
  store: UserRepository;
  groups: GroupRepository;
  references: ReferenceRepository;
  crypto: Crypto;
  clock: Clock;
  tx: Transactor;
  /** Counts wrong passwords and locks the user out at the threshold; without it nothing is counted. */
  lockout?: SignInLockout;
  /** Growing delays after repeated failed sign-ins from one address, whoever they name. */
  signInThrottle?: FailureThrottle;
}

const LOGIN_TAKEN = 'An object with this field already exists in the current organization';

export class Users {
  /**
   * A hash of a random password with the same cost as real ones: an unknown login is checked
   * against it, so its answer takes as long as a wrong password for a known user and the timing
   * does not tell which logins exist. Made on the first check.
   */
  private dummyHash: string | undefined;

  constructor(private readonly deps: UserDeps) {}

  /** Users matching every given criterion, after `page.after`. @throws Refused (E0000031) for a bad filter or search */
  list(criteria: UserCriteria, page: Page): UserRecord[] {
    const { q, filter, search, sortBy, sortOrder } = criteria;
    const byFilter =
      filter !== undefined ? compileQuery('filter', filter, userFilterSchema, { caseSensitive: true }) : undefined;
    const bySearch =
      search !== undefined ? compileQuery('search', search, userSearchSchema, { caseSensitive: false }) : undefined;
    let users = this.deps.store
      .all()
      .filter((u) => (q === undefined || matchesQ(u, q)) && (!byFilter || byFilter(u)) && (!bySearch || bySearch(u)));
    // Okta sorts only search results.
    if (search !== undefined && sortBy) users = sortRecords(users, userSearchSchema, sortBy, sortOrder);
    return pageAfter(users, page.limit, page.after);
  }

  /** A user by id, or by login (case-insensitive). */
  find(idOrLogin: string): UserRecord | undefined {
    return this.deps.store.get(idOrLogin) ?? this.deps.store.findByLogin(idOrLogin);
  }

  /** @throws NotFound */
  get(idOrLogin: string): UserRecord {
    const user = this.find(idOrLogin);
    if (!user) throw new NotFound(idOrLogin, 'User');
    return user;
  }

  /** A user by login, case-insensitively (the sign-in page's Username). */
  findByLogin(login: string): UserRecord | undefined {
    return this.deps.store.findByLogin(login);
  }

  /** The user's groups, Everyone included, in group creation order. @throws NotFound */
  groupsOf(idOrLogin: string): GroupRecord[] {
    return this.deps.groups.ofUser(this.get(idOrLogin).id);
  }

  /** The groups of a user the caller has just read (a request's user), without reading the user again. */
  groupsOfUser(user: UserRecord): GroupRecord[] {
    return this.deps.groups.ofUser(user.id);
  }

  /** A sign-in page was shown: readies the password check its form will ask for (`Crypto.preparePasswordCheck`). */
  expectSignIn(): void {
    this.deps.crypto.preparePasswordCheck();
  }

  /**
   * Checks a sign-in: the login must exist, the password match its hash, and the status allow
   * signing in (only ACTIVE). Every answer costs one password hash, known login or not. A wrong
   * password counts toward the lockout (`sign-in-lockout.ts`); any failure counts toward the
   * throttle of the request's `address`, which, once closed, refuses unchecked (`throttled`). A
   * failure says why, for the event log; never show it to the user.
   */
  async checkPassword(login: string, password: string, address?: string): Promise<PasswordCheck> {
    const throttle = address === undefined ? undefined : this.deps.signInThrottle;
    if (!throttle) return this.checkCredentials(login, password);
    const key = `sign-in ${address}`;
    const wait = throttle.waitFor(key);
    if (wait > 0) {
      // Refused before the login is looked up: the answer says nothing about the user.
      const seconds = Math.ceil(wait / 1000);
      const note = `address ${address} failed to sign in too often; refused unchecked for ${seconds} s more`;
      return { ok: false, reason: 'throttled', note, retryAfterSeconds: seconds };
    }
    const check = await this.checkCredentials(login, password);
    if (check.ok) {
      throttle.succeed(key);
      return check;
    }
    const delay = throttle.fail(key);
    if (!delay) return check;
    const waits = `the address ${address} now waits ${delay / 1000} s before its next try`;
    return { ...check, note: check.note ? `${check.note}; ${waits}` : waits };
  }

  private async checkCredentials(login: string, password: string): Promise<PasswordCheck> {
    const { store, crypto, clock, lockout } = this.deps;
    const user = store.findByLogin(login);
    if (!user?.passwordHash) {
      this.dummyHash ??= crypto.hashPassword(crypto.randomId('', 32));
      await crypto.verifyPassword(password, this.dummyHash);
      return user
        ? { ok: false, reason: 'not_allowed', user, note: 'the user has no password' }
        : { ok: false, reason: 'unknown_user' };
    }
    if (!(await crypto.verifyPassword(password, user.passwordHash))) {
      const failure = lockout?.recordFailure(user, clock.now());
      if (!failure?.lock) return { ok: false, reason: 'wrong_password', user };
      const now = clock.now();
      const locked: UserRecord = { ...user, status: 'LOCKED_OUT', statusChanged: now, lastUpdated: now };
      store.update(locked);
      return {
        ok: false,
        reason: 'locked_out',
        user: locked,
        note: `user locked out after ${failure.count} failed sign-ins`,
      };
    }
    if (!canSignIn(user.status)) return { ok: false, reason: 'not_allowed', user };
    lockout?.recordSuccess(user.id);
    return { ok: true, user };
  }

  /** Stamps `lastLogin` after a successful sign-in. @throws NotFound */
  recordLogin(userId: string): UserRecord {
    const user = this.deps.store.recordLogin(userId, this.deps.clock.now());
    if (!user) throw new NotFound(userId, 'User');
    return user;
  }

  /** POST /users: validates, hashes the password, stores the user and its memberships together. @throws ValidationFailed */
  create(body: unknown, options: CreateUserOptions = {}): UserRecord {
    const result = validateCreateUser(body);
    if (!result.ok) throw new ValidationFailed(result.issues);
    const input = result.value;
    const { store, groups, crypto, clock, tx } = this.deps;
    const issues: FieldIssue[] = [];
    if (store.findByLogin(input.profile.login)) issues.push({ field: 'login', message: LOGIN_TAKEN });
    const unknownGroups = input.groupIds.filter((id) => !groups.get(id));
    if (unknownGroups.length)
      issues.push({ field: 'groupIds', message: `no group has the id ${unknownGroups.join(', ')}` });
    if (input.typeId !== undefined && input.typeId !== DEFAULT_USER_TYPE_ID) {
      issues.push({
        field: 'type.id',
        message: `unknown user type '${input.typeId}'; Authbox has one user type, ${DEFAULT_USER_TYPE_ID}`,
      });
    }
    if (issues.length) throw new ValidationFailed(issues);

    const now = clock.now();
    const activate = options.activate ?? true;
    const status = initialStatus(activate, input.password !== undefined, options.nextLogin === 'changePassword');
    const blank: UserRecord = {
      id: crypto.randomId('00u'),
      status,
      typeId: DEFAULT_USER_TYPE_ID,
      profile: input.profile,
      passwordHash: null,
      recoveryQuestion: null,
      created: now,
      activated: status === 'ACTIVE' || status === 'PASSWORD_EXPIRED' ? now : null,
      statusChanged: status === 'STAGED' ? null : now,
      lastLogin: null,
      lastUpdated: now,
      passwordChanged: null,
    };
    const user = this.withCredentials(blank, input, now, false);
    tx.run(() => {
      store.insert(user);
      for (const groupId of [EVERYONE_GROUP_ID, ...input.groupIds]) addMembership(groups, groupId, user.id, now);
    });
    return user;
  }

  /** POST /users/{id}: sets the given profile attributes (null removes one) and credentials. @throws NotFound, ValidationFailed */
  update(idOrLogin: string, body: unknown): UserRecord {
    const user = this.get(idOrLogin);
    const result = validateUpdateUser(body);
    if (!result.ok) throw new ValidationFailed(result.issues);
    const profile: Record<string, unknown> = { ...user.profile };
    for (const [name, value] of Object.entries(result.value.profile)) {
      if (value === null) delete profile[name];
      else if (value !== undefined) profile[name] = value;
    }
    return this.save(user, profile as UserProfile, result.value);
  }

  /** PUT /users/{id}: the profile is replaced whole; credentials as in `update`. @throws NotFound, ValidationFailed */
  replace(idOrLogin: string, body: unknown): UserRecord {
    const user = this.get(idOrLogin);
    const result = validateReplaceUser(body);
    if (!result.ok) throw new ValidationFailed(result.issues);
    return this.save(user, result.value.profile, result.value);
  }

  /**
   * DELETE /users/{id}: a user that is not DEPROVISIONED is only deactivated; deleting a
   * DEPROVISIONED one removes it with its memberships and app assignments, unless an access
   * policy rule still names it. @throws NotFound, Refused
   */
  delete(idOrLogin: string): 'deactivated' | 'deleted' {
    const user = this.get(idOrLogin);
    if (user.status !== 'DEPROVISIONED') {
      this.lifecycle(user.id, 'deactivate');
      return 'deactivated';
    }
    refuseIfReferenced(`user ${user.id}`, this.deps.references.toUser(user.id));
    const now = this.deps.clock.now();
    this.deps.tx.run(() => {
      const groups = this.deps.groups.ofUser(user.id);
      this.deps.store.delete(user.id);
      for (const group of groups) this.deps.groups.update({ ...group, lastMembershipUpdated: now });
    });
    return 'deleted';
  }

  /** POST /users/{id}/lifecycle/{action}. @throws NotFound, Refused (Okta's code for the wrong status) */
  lifecycle(idOrLogin: string, action: LifecycleAction): UserRecord {
    const user = this.get(idOrLogin);
    const result = transition({ status: user.status, hasPassword: user.passwordHash !== null }, action);
    if (!result.ok) throw new Refused(result.code, result.summary, [{ field: 'status', message: result.summary }]);
    const now = this.deps.clock.now();
    const updated = withStatus({ ...user, lastUpdated: now }, result.status, now, action === 'activate');
    this.deps.store.update(updated);
    return updated;
  }

  private save(user: UserRecord, profile: UserProfile, credentials: CredentialsInput): UserRecord {
    const clash = this.deps.store.findByLogin(profile.login);
    if (clash && clash.id !== user.id) throw new ValidationFailed([{ field: 'login', message: LOGIN_TAKEN }]);
    const now = this.deps.clock.now();
    const updated = this.withCredentials({ ...user, profile, lastUpdated: now }, credentials, now, true);
    this.deps.store.update(updated);
    return updated;
  }

  /** Hashes a new password and recovery answer; an admin-set password completes activation or recovery. */
  private withCredentials(user: UserRecord, credentials: CredentialsInput, now: Date, adminSet: boolean): UserRecord {
    let next = user;
    if (credentials.password !== undefined) {
      next = { ...next, passwordHash: this.deps.crypto.hashPassword(credentials.password), passwordChanged: now };
      if (adminSet) next = withStatus(next, statusAfterPasswordSet(next.status), now, false);
    }
    if (credentials.recoveryQuestion) {
      const { question, answer } = credentials.recoveryQuestion;
      next = { ...next, recoveryQuestion: { question, answerHash: this.deps.crypto.hashPassword(answer) } };
    }
    return next;
  }
}

/** Moves a user to `status`, stamping statusChanged (and activated when it becomes ACTIVE by activation). */
function withStatus(user: UserRecord, status: UserStatus, now: Date, activation: boolean): UserRecord {
  if (status === user.status) return user;
  const activated = status === 'ACTIVE' && (activation || user.activated === null) ? now : user.activated;
  return { ...user, status, statusChanged: now, activated, lastUpdated: now };
}
