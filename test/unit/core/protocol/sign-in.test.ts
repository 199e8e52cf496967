/** The password sign-in of the authorize and device pages: one generic refusal, the reason kept for the event log; a session on success. */
import { describe, expect, it } from 'vitest';
import { AccessDenied } from '../../../../src-main/core/protocol/oauth-errors.js';
import type { SessionRecord } from '../../../../src-main/core/ports/sessions.js';
import type { UserRecord } from '../../../../src-main/core/ports/users.js';
import { SIGN_IN_FAILED, signInWithPassword } from '../../../../src-main/core/protocol/sign-in.js';
import type { SignInDeps } from '../../../../src-main/core/protocol/sign-in.js';
import type { PasswordCheck } from '../../../../src-main/core/users.js';

const alice = { id: '00uAlice', status: 'ACTIVE', profile: { login: 'alice@example.com' } } as UserRecord;
const suspended = { ...alice, id: '00uSusan', status: 'SUSPENDED' } as UserRecord;

function world(check: PasswordCheck) {
  const logins: string[] = [];
  const opened: { serverId: string; userId: string; amr: string[] }[] = [];
  /** What was written, and in which transaction (its number; 0 outside one). */
  const writes: string[] = [];
  let transactions = 0;
  let inTransaction = 0;
  const deps: SignInDeps = {
    users: {
      checkPassword: async () => check,
      recordLogin: (userId: string) => (logins.push(userId), writes.push(`login in ${inTransaction}`), alice),
    },
    sessions: {
      open: (serverId: string, userId: string, amr: string[]) => {
        opened.push({ serverId, userId, amr });
        writes.push(`session in ${inTransaction}`);
        return { token: 'session-token', session: { serverId, userId, amr } as unknown as SessionRecord };
      },
    },
    tx: {
      run: <T>(work: () => T): T => {
        inTransaction = ++transactions;
        try {
          return work();
        } finally {
          inTransaction = 0;
        }
      },
    },
  };
  return { deps, logins, opened, writes };
}

describe('signInWithPassword', () => {
  it('records the login and opens a password session on the server', async () => {
    const { deps, logins, opened } = world({ ok: true, user: alice });
    const outcome = await signInWithPassword(deps, 'default', 'alice@example.com', 'secret');
    expect(outcome).toMatchObject({ ok: true, user: alice, token: 'session-token' });
    expect(logins).toEqual([alice.id]);
    expect(opened).toEqual([{ serverId: 'default', userId: alice.id, amr: ['pwd'] }]);
  });

  it('stamps the last login and opens the session in one transaction', async () => {
    const { deps, writes } = world({ ok: true, user: alice });
    await signInWithPassword(deps, 'default', 'alice@example.com', 'secret');
    expect(writes).toEqual(['login in 1', 'session in 1']);
  });

  it.each([
    [{ ok: false, reason: 'unknown_user' } as const, "sign-in refused, unknown_user: 'who@example.com'"],
    [
      { ok: false, reason: 'wrong_password', user: alice } as const,
      "sign-in refused, wrong_password: 'who@example.com' (00uAlice, ACTIVE)",
    ],
    [
      { ok: false, reason: 'not_allowed', user: suspended } as const,
      "sign-in refused, not_allowed: 'who@example.com' (00uSusan, SUSPENDED)",
    ],
  ])('refuses %o with the one generic message and opens nothing', async (check, detail) => {
    const { deps, logins, opened } = world(check);
    const outcome = await signInWithPassword(deps, 'default', 'who@example.com', 'secret');
    if (outcome.ok) throw new Error('signed in');
    expect(outcome.error).toBeInstanceOf(AccessDenied);
    expect(outcome.error.description).toBe(SIGN_IN_FAILED);
    expect(outcome.error.detail).toBe(detail);
    expect(logins).toEqual([]);
    expect(opened).toEqual([]);
  });
});
