/** Who an authorize request is for: the session's user unless prompt=login, max_age or the user's status says otherwise. */
import { describe, expect, it } from 'vitest';
import { authenticate } from '../../../../../src-main/core/protocol/authorize/authenticate.js';
import type { AuthorizeRequest, CheckedRequest } from '../../../../../src-main/core/protocol/authorize/types.js';
import type { OAuthError } from '../../../../../src-main/core/protocol/oauth-errors.js';
import type { SessionRecord } from '../../../../../src-main/core/ports/sessions.js';
import type { UserRecord } from '../../../../../src-main/core/ports/users.js';
import { FakeClock } from '../../fakes.js';

const NOW = new Date('2026-01-01T12:00:00Z');
const alice = {
  id: '00uAlice',
  status: 'ACTIVE',
  profile: { login: 'alice@example.com', email: 'alice@example.com' },
} as UserRecord;
const session: SessionRecord = {
  serverId: 'default',
  userId: alice.id,
  authTime: new Date(NOW.getTime() - 120_000),
  amr: ['pwd'],
  expiresAt: new Date(NOW.getTime() + 3_600_000),
};

function run(
  options: {
    session?: SessionRecord;
    prompt?: string[];
    maxAge?: number;
    signedIn?: boolean;
    user?: UserRecord | undefined;
  } = {},
) {
  const user = 'user' in options ? options.user : alice;
  const deps = { users: { find: () => user } as never, clock: new FakeClock(NOW) };
  const request = {
    params: {},
    session: 'session' in options ? options.session : session,
    ...(options.signedIn ? { interaction: { signedIn: true } } : {}),
  } as unknown as AuthorizeRequest;
  const checked = { prompt: new Set(options.prompt ?? []), maxAge: options.maxAge } as CheckedRequest;
  try {
    const result = authenticate(deps, request, checked);
    return 'signIn' in result ? 'sign-in' : result.user.id;
  } catch (error) {
    return `${(error as OAuthError).error}: ${(error as OAuthError).detail}`;
  }
}

describe('authenticate', () => {
  it('uses the session', () => expect(run()).toBe(alice.id));
  it('asks for a sign-in without a session, or login_required with prompt=none', () => {
    expect(run({ session: undefined })).toBe('sign-in');
    expect(run({ session: undefined, prompt: ['none'] })).toBe(
      'login_required: prompt=none, but there is no session for this authorization server',
    );
  });
  it('asks again for prompt=login, unless the user just signed in on this request', () => {
    expect(run({ prompt: ['login'] })).toBe('sign-in');
    expect(run({ prompt: ['login'], signedIn: true })).toBe(alice.id);
  });
  it('asks again when the session is older than max_age', () => {
    expect(run({ maxAge: 119 })).toBe('sign-in');
    expect(run({ maxAge: 120 })).toBe(alice.id);
    expect(run({ maxAge: 0, prompt: ['none'] })).toMatch(
      /^login_required: prompt=none, but the session is 120 s old, more than max_age 0$/,
    );
  });
  it('does not let a suspended or deleted user through on an old session', () => {
    expect(run({ user: { ...alice, status: 'SUSPENDED' } })).toBe('sign-in');
    expect(run({ user: undefined })).toBe('sign-in');
  });
});
