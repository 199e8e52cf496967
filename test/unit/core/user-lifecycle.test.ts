import { describe, expect, it } from 'vitest';
import { USER_STATUSES } from '../../../src-main/contracts/user.js';
import type { UserStatus } from '../../../src-main/contracts/user.js';
import {
  LIFECYCLE_ACTIONS,
  availableActions,
  canSignIn,
  initialStatus,
  statusAfterPasswordSet,
  transition,
} from '../../../src-main/core/user-lifecycle.js';
import type { LifecycleAction } from '../../../src-main/core/user-lifecycle.js';

/** The outcome of every action from every status, for a user with a password: new status or error code. */
const WITH_PASSWORD: Record<LifecycleAction, Record<UserStatus, string>> = {
  activate: {
    STAGED: 'ACTIVE',
    PROVISIONED: 'ACTIVE',
    ACTIVE: 'E0000016',
    RECOVERY: 'E0000038',
    PASSWORD_EXPIRED: 'E0000038',
    LOCKED_OUT: 'E0000038',
    SUSPENDED: 'E0000038',
    DEPROVISIONED: 'ACTIVE',
  },
  reactivate: {
    STAGED: 'E0000038',
    PROVISIONED: 'PROVISIONED',
    ACTIVE: 'E0000038',
    RECOVERY: 'RECOVERY',
    PASSWORD_EXPIRED: 'E0000038',
    LOCKED_OUT: 'E0000038',
    SUSPENDED: 'E0000038',
    DEPROVISIONED: 'E0000038',
  },
  deactivate: {
    STAGED: 'DEPROVISIONED',
    PROVISIONED: 'DEPROVISIONED',
    ACTIVE: 'DEPROVISIONED',
    RECOVERY: 'DEPROVISIONED',
    PASSWORD_EXPIRED: 'DEPROVISIONED',
    LOCKED_OUT: 'DEPROVISIONED',
    SUSPENDED: 'DEPROVISIONED',
    DEPROVISIONED: 'E0000001',
  },
  suspend: {
    STAGED: 'E0000001',
    PROVISIONED: 'E0000001',
    ACTIVE: 'SUSPENDED',
    RECOVERY: 'E0000001',
    PASSWORD_EXPIRED: 'E0000001',
    LOCKED_OUT: 'E0000001',
    SUSPENDED: 'E0000001',
    DEPROVISIONED: 'E0000001',
  },
  unsuspend: {
    STAGED: 'E0000001',
    PROVISIONED: 'E0000001',
    ACTIVE: 'E0000001',
    RECOVERY: 'E0000001',
    PASSWORD_EXPIRED: 'E0000001',
    LOCKED_OUT: 'E0000001',
    SUSPENDED: 'ACTIVE',
    DEPROVISIONED: 'E0000001',
  },
  unlock: {
    STAGED: 'E0000032',
    PROVISIONED: 'E0000032',
    ACTIVE: 'E0000032',
    RECOVERY: 'E0000032',
    PASSWORD_EXPIRED: 'E0000032',
    LOCKED_OUT: 'ACTIVE',
    SUSPENDED: 'E0000032',
    DEPROVISIONED: 'E0000032',
  },
  expire_password: {
    STAGED: 'E0000038',
    PROVISIONED: 'E0000038',
    ACTIVE: 'PASSWORD_EXPIRED',
    RECOVERY: 'E0000038',
    PASSWORD_EXPIRED: 'PASSWORD_EXPIRED',
    LOCKED_OUT: 'E0000038',
    SUSPENDED: 'E0000038',
    DEPROVISIONED: 'E0000038',
  },
  reset_password: {
    STAGED: 'E0000038',
    PROVISIONED: 'E0000038',
    ACTIVE: 'RECOVERY',
    RECOVERY: 'RECOVERY',
    PASSWORD_EXPIRED: 'RECOVERY',
    LOCKED_OUT: 'RECOVERY',
    SUSPENDED: 'E0000038',
    DEPROVISIONED: 'E0000038',
  },
};

const outcome = (status: UserStatus, action: LifecycleAction, hasPassword = true) => {
  const result = transition({ status, hasPassword }, action);
  return result.ok ? result.status : result.code;
};

describe('initialStatus (Okta create rules)', () => {
  it('is STAGED without activation, ACTIVE with a password, PROVISIONED without one', () => {
    expect(initialStatus(false, true)).toBe('STAGED');
    expect(initialStatus(false, false)).toBe('STAGED');
    expect(initialStatus(true, true)).toBe('ACTIVE');
    expect(initialStatus(true, false)).toBe('PROVISIONED');
  });

  it('is PASSWORD_EXPIRED for nextLogin=changePassword with a password', () => {
    expect(initialStatus(true, true, true)).toBe('PASSWORD_EXPIRED');
    expect(initialStatus(true, false, true)).toBe('PROVISIONED');
  });
});

describe('transition', () => {
  it.each(LIFECYCLE_ACTIONS.flatMap((action) => USER_STATUSES.map((status) => [action, status] as const)))(
    '%s from %s',
    (action, status) => {
      expect(outcome(status, action)).toBe(WITH_PASSWORD[action][status]);
    },
  );

  it('leaves a user without a password PROVISIONED on activation (the welcome step is theirs)', () => {
    expect(outcome('STAGED', 'activate', false)).toBe('PROVISIONED');
    expect(outcome('DEPROVISIONED', 'activate', false)).toBe('PROVISIONED');
  });

  it('refuses to expire the password of a user without one', () => {
    const result = transition({ status: 'ACTIVE', hasPassword: false }, 'expire_password');
    expect(result).toEqual({
      ok: false,
      code: 'E0000038',
      summary: 'Cannot expire the password of a user who has no password',
    });
  });

  it('explains a refusal with the current status', () => {
    expect(transition({ status: 'STAGED', hasPassword: true }, 'suspend')).toEqual({
      ok: false,
      code: 'E0000001',
      summary: 'Cannot suspend a user that is not ACTIVE (its status is STAGED)',
    });
    expect(transition({ status: 'ACTIVE', hasPassword: true }, 'activate')).toEqual({
      ok: false,
      code: 'E0000016',
      summary: 'Activation failed because the user is already active',
    });
  });
});

describe('availableActions', () => {
  it('lists exactly the actions the table allows', () => {
    expect(availableActions({ status: 'ACTIVE', hasPassword: true })).toEqual([
      'deactivate',
      'suspend',
      'expire_password',
      'reset_password',
    ]);
    expect(availableActions({ status: 'STAGED', hasPassword: false })).toEqual(['activate', 'deactivate']);
    expect(availableActions({ status: 'DEPROVISIONED', hasPassword: true })).toEqual(['activate']);
    expect(availableActions({ status: 'SUSPENDED', hasPassword: true })).toEqual(['deactivate', 'unsuspend']);
  });
});

describe('statusAfterPasswordSet', () => {
  it('completes activation, recovery and expiry; leaves other statuses alone', () => {
    const after = Object.fromEntries(USER_STATUSES.map((s) => [s, statusAfterPasswordSet(s)]));
    expect(after).toEqual({
      STAGED: 'STAGED',
      PROVISIONED: 'ACTIVE',
      ACTIVE: 'ACTIVE',
      RECOVERY: 'ACTIVE',
      PASSWORD_EXPIRED: 'ACTIVE',
      LOCKED_OUT: 'LOCKED_OUT',
      SUSPENDED: 'SUSPENDED',
      DEPROVISIONED: 'DEPROVISIONED',
    });
  });
});

describe('canSignIn', () => {
  it('allows only ACTIVE users', () => {
    expect(USER_STATUSES.filter(canSignIn)).toEqual(['ACTIVE']);
  });
});
