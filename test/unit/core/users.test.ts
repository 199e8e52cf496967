import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVERYONE_GROUP_ID } from '../../../src-main/contracts/group.js';
import { NotFound, Refused, ValidationFailed } from '../../../src-main/core/errors.js';
import { T0, fixture, later, person, thrown } from './user-group-fixture.js';
import type { Fixture } from './user-group-fixture.js';

let f: Fixture;
beforeEach(() => {
  f = fixture();
});
afterEach(() => {
  f.db.close();
});

const withPassword = (login: string, extra: Record<string, unknown> = {}) => ({
  ...person(login, extra),
  credentials: { password: { value: 'Abcd1234' } },
});
const count = (table: string) => (f.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const issuesOf = (error: unknown) => (error as ValidationFailed).issues.map((i) => `${i.field}: ${i.message}`);

describe('Users.create', () => {
  it('creates an ACTIVE user with a hashed password, stamped dates and the default type', () => {
    const user = f.users.create(withPassword('alice@example.com', { firstName: 'Alice' }));
    expect(user).toMatchObject({
      id: '00u00000000000000001',
      status: 'ACTIVE',
      typeId: 'otyDEFAULT0000000000',
      profile: { login: 'alice@example.com', email: 'alice@example.com', firstName: 'Alice' },
      passwordHash: f.crypto.hashPassword('Abcd1234'),
      created: T0,
      activated: T0,
      statusChanged: T0,
      lastLogin: null,
      passwordChanged: T0,
    });
  });

  it('follows the status rules: PROVISIONED without a password, STAGED without activation', () => {
    expect(f.users.create(person('p@example.com')).status).toBe('PROVISIONED');
    const staged = f.users.create(withPassword('s@example.com'), { activate: false });
    expect(staged).toMatchObject({ status: 'STAGED', activated: null, statusChanged: null });
    expect(f.users.create(withPassword('x@example.com'), { nextLogin: 'changePassword' }).status).toBe(
      'PASSWORD_EXPIRED',
    );
  });

  it('keeps custom attributes as given, drops null ones', () => {
    const user = f.users.create(
      person('c@example.com', { honorific: 'Commodore', roles: ['admin', 'dev'], level: 3, nickName: null }),
    );
    expect(user.profile).toEqual({
      login: 'c@example.com',
      email: 'c@example.com',
      honorific: 'Commodore',
      roles: ['admin', 'dev'],
      level: 3,
    });
    expect(f.users.get(user.id).profile).toEqual(user.profile);
  });

  it('adds the user to Everyone and to the groupIds in the same write, stamping lastMembershipUpdated', () => {
    const eng = f.groups.create({ profile: { name: 'Engineering' } });
    later(f.clock, 60);
    const user = f.users.create({ ...person('m@example.com'), groupIds: [eng.id, eng.id] });
    expect(f.users.groupsOf(user.id).map((g) => g.id)).toEqual([EVERYONE_GROUP_ID, eng.id]);
    expect(f.groups.get(eng.id).lastMembershipUpdated).toEqual(f.clock.now());
    expect(f.groups.get(EVERYONE_GROUP_ID).lastMembershipUpdated).toEqual(f.clock.now());
  });

  it('refuses a login taken in any case, naming login, and writes nothing', () => {
    f.users.create(person('alice@example.com'));
    const error = thrown(() => f.users.create(person('ALICE@Example.com')));
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(issuesOf(error)).toEqual(['login: An object with this field already exists in the current organization']);
    expect(count('users')).toBe(1);
  });

  it('refuses unknown group ids and user types, writing nothing', () => {
    const error = thrown(() =>
      f.users.create({
        ...person('g@example.com'),
        groupIds: ['00gnope', EVERYONE_GROUP_ID],
        type: { id: 'otyOTHER' },
      }),
    );
    expect(issuesOf(error)).toEqual([
      'groupIds: no group has the id 00gnope',
      "type.id: unknown user type 'otyOTHER'; Authbox has one user type, otyDEFAULT0000000000",
    ]);
    expect(count('users')).toBe(0);
    expect(count('group_members')).toBe(0);
  });

  it.each([
    [{}, ['profile: The field cannot be left blank']],
    [{ profile: { email: 'a@example.com' } }, ['login: The field cannot be left blank']],
    [{ profile: { login: 'a' } }, ['email: The field cannot be left blank']],
    [
      { profile: { login: ' ', email: 'not-an-email' } },
      ['login: The field cannot be left blank', 'email: must be a valid email address'],
    ],
    [{ profile: { login: 'a', email: 'a@example.com', firstName: 7 } }, ['firstName: must be a string']],
    [
      { profile: { login: 'a', email: 'a@example.com', secondEmail: 'nope' } },
      ['secondEmail: must be a valid email address'],
    ],
    [
      { ...person('a@example.com'), credentials: { password: { value: 'short' } } },
      ['password: Password requirements were not met. Password requirements: at least 8 characters.'],
    ],
    [
      { ...person('a@example.com'), credentials: { password: { hash: { algorithm: 'BCRYPT' } } } },
      ['password.hash: importing password hashes is not supported; send the password as value'],
    ],
    [
      { ...person('a@example.com'), credentials: { recovery_question: { question: 'Pet?', answer: 'cat' } } },
      ['recovery_question.answer: The security question answer must be at least 4 characters in length'],
    ],
    [{ ...person('a@example.com'), groupIds: 'x' }, ['groupIds: must be an array of group ids']],
    ['nope', ['body: must be a JSON object']],
  ])('refuses %j', (body, issues) => {
    expect(issuesOf(thrown(() => f.users.create(body)))).toEqual(issues);
  });
});

describe('Users.get', () => {
  it('finds a user by id or by login in any case', () => {
    const user = f.users.create(person('alice@example.com'));
    expect(f.users.get(user.id).id).toBe(user.id);
    expect(f.users.get('Alice@Example.COM').id).toBe(user.id);
  });

  it('throws NotFound naming the id', () => {
    const error = thrown(() => f.users.get('00unope'));
    expect(error).toBeInstanceOf(NotFound);
    expect(error.message).toBe('Resource not found: 00unope (User)');
  });
});

describe('Users.update and replace', () => {
  it('sets given attributes, removes null ones, keeps the rest', () => {
    const user = f.users.create(person('u@example.com', { firstName: 'U', title: 'Dev', honorific: 'Dr' }));
    later(f.clock, 5);
    const updated = f.users.update(user.id, { profile: { firstName: 'V', title: null, roles: ['x'] } });
    expect(updated.profile).toEqual({
      login: 'u@example.com',
      email: 'u@example.com',
      firstName: 'V',
      honorific: 'Dr',
      roles: ['x'],
    });
    expect(updated.lastUpdated).toEqual(f.clock.now());
  });

  it('replaces the whole profile on PUT', () => {
    const user = f.users.create(person('r@example.com', { honorific: 'Dr', firstName: 'R' }));
    const replaced = f.users.replace(user.id, { profile: { login: 'r2@example.com', email: 'r2@example.com' } });
    expect(replaced.profile).toEqual({ login: 'r2@example.com', email: 'r2@example.com' });
    expect(f.users.findByLogin('r2@example.com')?.id).toBe(user.id);
  });

  it('refuses taking another user’s login, but allows changing the case of one’s own', () => {
    f.users.create(person('a@example.com'));
    const b = f.users.create(person('b@example.com'));
    expect(issuesOf(thrown(() => f.users.update(b.id, { profile: { login: 'A@example.com' } })))).toEqual([
      'login: An object with this field already exists in the current organization',
    ]);
    expect(f.users.update(b.id, { profile: { login: 'B@example.com' } }).profile.login).toBe('B@example.com');
  });

  it('refuses removing login or email', () => {
    const user = f.users.create(person('n@example.com'));
    expect(issuesOf(thrown(() => f.users.update(user.id, { profile: { email: null } })))).toEqual([
      'email: The field cannot be left blank',
    ]);
  });

  it('an admin-set password activates a PROVISIONED user and ends RECOVERY', async () => {
    const user = f.users.create(person('p@example.com'));
    later(f.clock, 10);
    const activated = f.users.update(user.id, { credentials: { password: { value: 'Abcd1234' } } });
    expect(activated).toMatchObject({
      status: 'ACTIVE',
      activated: f.clock.now(),
      statusChanged: f.clock.now(),
      passwordChanged: f.clock.now(),
    });
    f.users.lifecycle(user.id, 'reset_password');
    expect(f.users.get(user.id).status).toBe('RECOVERY');
    expect(
      f.users.replace(user.id, { profile: activated.profile, credentials: { password: { value: 'New-pass-1' } } })
        .status,
    ).toBe('ACTIVE');
    expect((await f.users.checkPassword('p@example.com', 'New-pass-1')).ok).toBe(true);
  });

  it('treats credentials echoed from a GET (password {} and a question without answer) as unchanged', () => {
    const user = f.users.create({
      ...withPassword('e@example.com'),
      credentials: { password: { value: 'Abcd1234' }, recovery_question: { question: 'Pet?', answer: 'kitty' } },
    });
    const same = f.users.replace(user.id, {
      profile: user.profile,
      credentials: {
        password: {},
        recovery_question: { question: 'Other?' },
        provider: { type: 'OKTA', name: 'OKTA' },
      },
    });
    expect(same.passwordHash).toBe(user.passwordHash);
    expect(same.recoveryQuestion).toEqual({ question: 'Pet?', answerHash: f.crypto.hashPassword('kitty') });
  });
});

describe('Users.lifecycle', () => {
  it('moves through suspend, unsuspend and deactivate, stamping statusChanged', () => {
    const user = f.users.create(withPassword('l@example.com'));
    later(f.clock, 1);
    expect(f.users.lifecycle(user.id, 'suspend')).toMatchObject({
      status: 'SUSPENDED',
      statusChanged: f.clock.now(),
      activated: T0,
    });
    later(f.clock, 2);
    expect(f.users.lifecycle(user.id, 'unsuspend')).toMatchObject({
      status: 'ACTIVE',
      statusChanged: f.clock.now(),
      activated: T0,
    });
    expect(f.users.lifecycle(user.id, 'deactivate').status).toBe('DEPROVISIONED');
    later(f.clock, 3);
    expect(f.users.lifecycle(user.id, 'activate')).toMatchObject({ status: 'ACTIVE', activated: f.clock.now() });
  });

  it('refuses a transition from the wrong status with Okta’s code and a clear summary, changing nothing', () => {
    const user = f.users.create(withPassword('w@example.com'));
    const error = thrown(() => f.users.lifecycle(user.id, 'unsuspend'));
    expect(error).toBeInstanceOf(Refused);
    expect(error).toMatchObject({
      oktaCode: 'E0000001',
      message: 'Cannot unsuspend a user that is not SUSPENDED (its status is ACTIVE)',
    });
    expect(thrown(() => f.users.lifecycle(user.id, 'activate'))).toMatchObject({ oktaCode: 'E0000016' });
    expect(f.users.get(user.id)).toEqual(user);
  });

  it('unlocks a LOCKED_OUT user', () => {
    const user = f.users.create(withPassword('k@example.com'));
    f.userStore.update({ ...user, status: 'LOCKED_OUT' });
    expect(f.users.lifecycle(user.id, 'unlock').status).toBe('ACTIVE');
  });
});

describe('Users.delete', () => {
  it('deactivates first, deletes on the second call with the memberships', () => {
    const eng = f.groups.create({ profile: { name: 'Eng' } });
    const user = f.users.create({ ...person('d@example.com'), groupIds: [eng.id] });
    expect(f.users.delete(user.id)).toBe('deactivated');
    expect(f.users.get(user.id).status).toBe('DEPROVISIONED');
    later(f.clock, 30);
    expect(f.users.delete(user.id)).toBe('deleted');
    expect(f.users.find(user.id)).toBeUndefined();
    expect(count('group_members')).toBe(0);
    expect(f.groups.get(eng.id).lastMembershipUpdated).toEqual(f.clock.now());
  });

  it('refuses to delete a user an access policy rule names, naming the rule', () => {
    const user = f.users.create(person('ref@example.com'));
    f.users.lifecycle(user.id, 'deactivate');
    f.referenced.set(user.id, [
      { serverId: 'default', policyId: '00p1', policyName: 'Default Policy', ruleName: 'Admins' },
    ]);
    const error = thrown(() => f.users.delete(user.id));
    expect(error).toMatchObject({
      oktaCode: 'E0000001',
      message: `Api validation failed: user ${user.id} is still used by an access policy`,
    });
    expect((error as unknown as Refused).issues[0]?.message).toBe(
      `user ${user.id} is used by rule 'Admins' in policy 'Default Policy' of authorization server default; remove it there first`,
    );
    expect(f.users.find(user.id)).toBeDefined();
  });
});

describe('Users.checkPassword and recordLogin', () => {
  it('accepts the right password of an ACTIVE user and says why otherwise', async () => {
    const user = f.users.create(withPassword('s@example.com'));
    expect(await f.users.checkPassword('S@example.com', 'Abcd1234')).toMatchObject({ ok: true, user: { id: user.id } });
    expect(await f.users.checkPassword('s@example.com', 'wrong-one')).toMatchObject({
      ok: false,
      reason: 'wrong_password',
    });
    expect(await f.users.checkPassword('nobody@example.com', 'Abcd1234')).toEqual({
      ok: false,
      reason: 'unknown_user',
    });
    f.users.lifecycle(user.id, 'suspend');
    expect(await f.users.checkPassword('s@example.com', 'Abcd1234')).toMatchObject({
      ok: false,
      reason: 'not_allowed',
    });
    expect(await f.users.checkPassword('p@example.com', 'x')).toMatchObject({ ok: false });
  });

  it('stamps lastLogin only', () => {
    const user = f.users.create(withPassword('t@example.com'));
    later(f.clock, 9);
    const logged = f.users.recordLogin(user.id);
    expect(logged.lastLogin).toEqual(f.clock.now());
    expect(logged.lastUpdated).toEqual(T0);
  });
});

describe('Users.list', () => {
  beforeEach(() => {
    f.users.create(
      withPassword('alice@example.com', {
        firstName: 'Alice',
        lastName: 'Smith',
        department: 'Engineering',
        roles: ['admin'],
      }),
    );
    f.users.create(person('bob@example.com', { firstName: 'Bob', lastName: 'Alison' }), { activate: false });
    const carol = f.users.create(withPassword('carol@example.com', { firstName: 'Carol', lastName: 'Ali' }));
    f.users.lifecycle(carol.id, 'deactivate');
  });
  const logins = (criteria: Record<string, string>, limit = 200, after?: string) =>
    f.users.list(criteria, { limit, after }).map((u) => u.profile.login);

  it('q matches name or email prefixes and leaves DEPROVISIONED users out', () => {
    expect(logins({ q: 'ali' })).toEqual(['alice@example.com', 'bob@example.com']);
    expect(logins({ q: 'BOB@' })).toEqual(['bob@example.com']);
  });

  it('filter supports its attributes, case-sensitive values', () => {
    expect(logins({ filter: 'status eq "ACTIVE"' })).toEqual(['alice@example.com']);
    expect(logins({ filter: 'status eq "active"' })).toEqual([]);
    expect(logins({ filter: 'status eq "STAGED" or status eq "DEPROVISIONED"' })).toEqual([
      'bob@example.com',
      'carol@example.com',
    ]);
    expect(logins({ filter: 'lastUpdated ge "2024-05-01T10:00:00.000Z" and profile.firstName eq "Bob"' })).toEqual([
      'bob@example.com',
    ]);
  });

  it('filter refuses attributes and operators that only search has', () => {
    expect(thrown(() => logins({ filter: 'profile.department eq "Engineering"' }))).toMatchObject({
      oktaCode: 'E0000031',
    });
    expect(thrown(() => logins({ filter: 'status sw "A"' }))).toMatchObject({ oktaCode: 'E0000031' });
  });

  it('search reaches any profile attribute, arrays and dates, case-insensitively, and sorts', () => {
    expect(logins({ search: 'profile.department eq "engineering"' })).toEqual(['alice@example.com']);
    expect(logins({ search: 'profile.roles eq "admin"' })).toEqual(['alice@example.com']);
    expect(
      logins({ search: 'profile.lastName co "li" and (status eq "STAGED" or status eq "DEPROVISIONED")' }),
    ).toEqual(['bob@example.com', 'carol@example.com']);
    expect(logins({ search: 'created lt "2030-01-01"', sortBy: 'profile.firstName', sortOrder: 'desc' })).toEqual([
      'carol@example.com',
      'bob@example.com',
      'alice@example.com',
    ]);
  });

  it('pages with limit and after', () => {
    const [first] = f.users.list({}, { limit: 1 });
    expect(logins({}, 1)).toEqual(['alice@example.com']);
    expect(logins({}, 5, first!.id)).toEqual(['bob@example.com', 'carol@example.com']);
  });
});
