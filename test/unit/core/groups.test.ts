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

const group = (name: string, description?: string | null) => ({
  profile: { name, ...(description !== undefined ? { description } : {}) },
});

describe('Groups.create and replace', () => {
  it('creates an OKTA_GROUP with all three dates', () => {
    expect(f.groups.create(group('Engineering', 'Builders'))).toEqual({
      id: '00g00000000000000001',
      type: 'OKTA_GROUP',
      name: 'Engineering',
      description: 'Builders',
      created: T0,
      lastUpdated: T0,
      lastMembershipUpdated: T0,
    });
  });

  it('refuses a blank name naming profile.name, and drops unknown profile members', () => {
    const error = thrown(() => f.groups.create(group('  ')));
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as unknown as ValidationFailed).issues).toEqual([
      { field: 'profile.name', message: 'The field cannot be left blank' },
    ]);
    expect((thrown(() => f.groups.create({})) as unknown as ValidationFailed).issues).toEqual([
      { field: 'profile', message: 'The field cannot be left blank' },
    ]);
    expect(f.groups.create({ profile: { name: 'X', color: 'red' } }).description).toBeNull();
  });

  it('refuses a taken name in any case with 409 E0000055, Everyone included', () => {
    f.groups.create(group('Engineering'));
    for (const name of ['engineering', 'EVERYONE']) {
      const error = thrown(() => f.groups.create(group(name)));
      expect(error).toBeInstanceOf(Refused);
      expect(error).toMatchObject({ oktaCode: 'E0000055' });
    }
    expect(f.groups.list({}, { limit: 100 })).toHaveLength(2);
  });

  it('replaces name and description, allowing the group to keep its own name', () => {
    const eng = f.groups.create(group('Engineering', 'old'));
    later(f.clock, 4);
    const replaced = f.groups.replace(eng.id, group('engineering'));
    expect(replaced).toMatchObject({ name: 'engineering', description: null, lastUpdated: f.clock.now(), created: T0 });
  });
});

describe('the Everyone group', () => {
  it('is built in and holds every user', () => {
    const a = f.users.create(person('a@example.com'));
    const b = f.users.create(person('b@example.com'));
    expect(f.groups.get(EVERYONE_GROUP_ID)).toMatchObject({ type: 'BUILT_IN', name: 'Everyone' });
    expect(f.groups.members(EVERYONE_GROUP_ID, { limit: 10 }).map((u) => u.id)).toEqual([a.id, b.id]);
  });

  it.each([
    ['rename or edit', () => f.groups.replace(EVERYONE_GROUP_ID, group('All'))],
    ['delete', () => f.groups.delete(EVERYONE_GROUP_ID)],
    ['add members to', () => f.groups.addMember(EVERYONE_GROUP_ID, f.users.create(person('x@example.com')).id)],
    ['remove members from', () => f.groups.removeMember(EVERYONE_GROUP_ID, f.users.create(person('y@example.com')).id)],
  ])('refuses to %s it (403 E0000006)', (verb, action) => {
    const error = thrown(action);
    expect(error).toMatchObject({
      oktaCode: 'E0000006',
      message: `The built-in Everyone group always holds every user, so you cannot ${verb} it`,
    });
  });
});

describe('memberships', () => {
  it('adds once, stamps lastMembershipUpdated only on a change, and removes', () => {
    const eng = f.groups.create(group('Engineering'));
    const user = f.users.create(person('m@example.com'));
    later(f.clock, 10);
    f.groups.addMember(eng.id, user.id);
    const stamped = f.clock.now();
    later(f.clock, 20);
    f.groups.addMember(eng.id, 'M@example.com');
    expect(f.groups.get(eng.id).lastMembershipUpdated).toEqual(stamped);
    expect(f.groups.members(eng.id, { limit: 10 }).map((u) => u.id)).toEqual([user.id]);
    f.groups.removeMember(eng.id, user.id);
    expect(f.groups.get(eng.id).lastMembershipUpdated).toEqual(f.clock.now());
    expect(f.users.groupsOf(user.id).map((g) => g.id)).toEqual([EVERYONE_GROUP_ID]);
  });

  it('answers NotFound for an unknown user or group', () => {
    const eng = f.groups.create(group('Engineering'));
    expect(thrown(() => f.groups.addMember(eng.id, '00unope'))).toMatchObject({
      message: 'Resource not found: 00unope (User)',
    });
    expect(thrown(() => f.groups.addMember('00gnope', '00unope'))).toBeInstanceOf(NotFound);
    expect(thrown(() => f.groups.members('00gnope', { limit: 1 }))).toMatchObject({
      message: 'Resource not found: 00gnope (Group)',
    });
  });
});

describe('Groups.delete', () => {
  it('deletes a group with its memberships', () => {
    const eng = f.groups.create(group('Engineering'));
    const user = f.users.create({ ...person('d@example.com'), groupIds: [eng.id] });
    f.groups.delete(eng.id);
    expect(thrown(() => f.groups.get(eng.id))).toBeInstanceOf(NotFound);
    expect(f.users.groupsOf(user.id).map((g) => g.id)).toEqual([EVERYONE_GROUP_ID]);
  });

  it('refuses to delete a group an access policy rule names', () => {
    const eng = f.groups.create(group('Engineering'));
    f.referenced.set(eng.id, [{ serverId: 'default', policyId: '00p1', policyName: 'P', ruleName: 'R' }]);
    expect(thrown(() => f.groups.delete(eng.id))).toMatchObject({ oktaCode: 'E0000001' });
    expect(f.groups.get(eng.id).id).toBe(eng.id);
  });
});

describe('Groups.list', () => {
  beforeEach(() => {
    f.groups.create(group('Engineering', 'Builders'));
    later(f.clock, 60);
    f.groups.create(group('Eng-Admins'));
    f.groups.create(group('West Coast'));
  });
  const names = (criteria: Record<string, string>) => f.groups.list(criteria, { limit: 100 }).map((g) => g.name);

  it('q is a case-insensitive name prefix', () => {
    expect(names({ q: 'eng' })).toEqual(['Engineering', 'Eng-Admins']);
  });

  it('filters by type, id and dates', () => {
    expect(names({ filter: 'type eq "BUILT_IN"' })).toEqual(['Everyone']);
    expect(names({ filter: 'type eq "OKTA_GROUP" and lastUpdated gt "2024-05-01T10:00:30.000Z"' })).toEqual([
      'Eng-Admins',
      'West Coast',
    ]);
    expect(thrown(() => names({ filter: 'profile.name eq "x"' }))).toMatchObject({ oktaCode: 'E0000031' });
  });

  it('searches profile attributes and sorts', () => {
    expect(
      names({ search: 'profile.name sw "eng" or profile.description co "build"', sortBy: 'profile.name' }),
    ).toEqual(['Eng-Admins', 'Engineering']);
  });
});
