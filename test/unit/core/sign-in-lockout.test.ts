/** Okta's lockout count: a good password clears it, and writes nothing when there was nothing to clear. */
import { describe, expect, it } from 'vitest';
import type { SignInFailureRepository, SignInFailures } from '../../../src-main/core/ports/sign-in-failures.js';
import { SignInLockout } from '../../../src-main/core/sign-in-lockout.js';

function lockoutWith(stored: Record<string, SignInFailures>) {
  const writes: string[] = [];
  const failures: SignInFailureRepository = {
    get: (userId) => stored[userId],
    set: (userId, value) => {
      writes.push(`set ${userId}`);
      stored[userId] = value;
    },
    clear: (userId) => {
      writes.push(`clear ${userId}`);
      delete stored[userId];
    },
  };
  return { lockout: new SignInLockout({ failures, threshold: () => 10 }), writes, stored };
}

describe('SignInLockout.recordSuccess', () => {
  it('clears the count of a user with failed sign-ins', () => {
    const { lockout, writes, stored } = lockoutWith({ '00uAlice': { count: 3, lastFailed: new Date(0) } });
    lockout.recordSuccess('00uAlice');
    expect(writes).toEqual(['clear 00uAlice']);
    expect(stored).toEqual({});
  });

  it('writes nothing for a user without failed sign-ins', () => {
    const { lockout, writes } = lockoutWith({});
    lockout.recordSuccess('00uAlice');
    expect(writes).toEqual([]);
  });
});
