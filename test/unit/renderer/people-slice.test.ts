import { describe, expect, it } from 'vitest';
import { actionsOf } from '../../../src-renderer/state/people-slice.js';
import { emptyPersonDraft, profileDraftOf } from '../../../src-renderer/state/person-draft.js';
import type { ProfileDraft } from '../../../src-renderer/state/person-draft.js';
import { createAppStore } from '../../../src-renderer/state/store.js';
import { memoryTokenStorage } from '../../../src-renderer/state/token-storage.js';
import { FakeApi, invalidToken, userDto } from './fake-api.js';

function setup() {
  const api = new FakeApi();
  api.users = [
    {
      ...userDto('00uADA', 'ada@example.com'),
      profile: { login: 'ada@example.com', email: 'ada@example.com', firstName: 'Ada' },
    },
    {
      ...userDto('00uJOHN', 'john@example.com'),
      profile: {
        login: 'john@example.com',
        email: 'john@example.com',
        firstName: 'John',
        honorific: 'Commodore',
        rank: 3,
      },
    },
  ];
  api.users = api.users.map((u) => ({ ...u, credentials: { ...u.credentials, password: {} } }));
  return { api, store: createAppStore({ api, tokenStorage: memoryTokenStorage('tok') }) };
}

const john = { firstName: 'John', lastName: 'Smith', login: 'john.smith@example.com', email: 'john.smith@example.com' };
const logins = (store: ReturnType<typeof setup>['store']) =>
  store.getState().personIds.map((id) => store.getState().peopleById[id]?.profile.login);

describe('people slice', () => {
  it('lists everyone, then those a search (q) finds; a late answer to an older search is dropped', async () => {
    const { store, api } = setup();
    await store.getState().loadPeople();
    expect(logins(store)).toEqual(['ada@example.com', 'john@example.com']);

    let release = () => {};
    api.hold.listUsers = () => new Promise<void>((resolve) => (release = resolve));
    const older = store.getState().loadPeople('a');
    delete api.hold.listUsers;
    await store.getState().loadPeople('jo');
    release();
    await older;
    expect(store.getState().peopleQuery).toBe('jo');
    expect(logins(store)).toEqual(['john@example.com']);
    expect(api.calls).toContain('listUsers {"q":"jo"}');
  });

  it('adds a person with a password, activated now, and lists them once saved', async () => {
    const { store, api } = setup();
    await store.getState().loadPeople();
    const outcome = await store
      .getState()
      .createPerson({ ...emptyPersonDraft(), ...john, password: 'Sandbox-Passw0rd!' });
    expect(outcome).toMatchObject({ ok: true, user: { status: 'ACTIVE', profile: john } });
    expect(api.sent.find((c) => c.route === 'createUser')).toMatchObject({
      body: { profile: john, credentials: { password: { value: 'Sandbox-Passw0rd!' } } },
      query: { activate: true },
    });
    expect(logins(store)).toContain('john.smith@example.com');
  });

  it('keeps a person added while an older list request was out, when that list answers last', async () => {
    const { store, api } = setup();
    let release!: () => void;
    let first = true;
    api.hold.listUsers = () => {
      if (!first) return Promise.resolve();
      first = false;
      return new Promise<void>((resolve) => (release = resolve));
    };
    const listing = store.getState().loadPeople();
    const outcome = await store
      .getState()
      .createPerson({ ...emptyPersonDraft(), ...john, password: 'Sandbox-Passw0rd!' });
    if (!outcome.ok) throw new Error('not created');
    expect(logins(store)).toEqual(['ada@example.com', 'john@example.com', 'john.smith@example.com']);
    // The older list was read before the create: it does not have the new person.
    const now = api.users;
    api.users = now.filter((u) => u.id !== outcome.user.id);
    release();
    await listing;
    api.users = now;
    expect(logins(store)).toEqual(['ada@example.com', 'john@example.com', 'john.smith@example.com']);
    expect(store.getState().peopleList.status).toBe('ready');
  });

  it('adds a person Staged when Activate now is off, and leaves blank names out', async () => {
    const { store, api } = setup();
    const outcome = await store
      .getState()
      .createPerson({ ...emptyPersonDraft(), login: 'x@example.com', email: 'x@example.com', activate: false });
    expect(outcome).toMatchObject({ ok: true, user: { status: 'STAGED' } });
    expect(api.sent.find((c) => c.route === 'createUser')?.body).toEqual({
      profile: { login: 'x@example.com', email: 'x@example.com' },
    });
  });

  it('puts the server’s causes under Username, Primary email and Password', async () => {
    const { store } = setup();
    const outcome = await store
      .getState()
      .createPerson({ ...emptyPersonDraft(), login: '', email: 'nope', password: 'short' });
    expect(outcome).toEqual({
      ok: false,
      formError: null,
      fieldErrors: {
        login: 'The field cannot be left blank',
        email: 'must be a valid email address',
        password: 'Password requirements were not met. Password requirements: at least 8 characters.',
      },
    });
    const taken = await store
      .getState()
      .createPerson({ ...emptyPersonDraft(), login: 'ada@example.com', email: 'ada@example.com' });
    expect(taken).toMatchObject({
      ok: false,
      fieldErrors: { login: 'An object with this field already exists in the current organization' },
    });
  });

  it('reads custom attributes as rows (non-text values as JSON) and saves added, edited and removed ones', async () => {
    const { store, api } = setup();
    await store.getState().loadPerson('00uJOHN');
    const person = store.getState().peopleById['00uJOHN']!;
    const draft = profileDraftOf(person);
    expect(draft.attributes).toEqual([
      { key: 0, name: 'honorific', value: 'Commodore', json: false },
      { key: 1, name: 'rank', value: '3', json: true },
    ]);
    const edited: ProfileDraft = {
      ...draft,
      lastName: 'Smith',
      attributes: [
        { key: 1, name: 'rank', value: '4', json: true },
        { key: 2, name: 'team', value: 'blue', json: false },
      ],
    };
    const outcome = await store.getState().savePersonProfile('00uJOHN', edited);
    expect(outcome.ok).toBe(true);
    expect(api.sent.find((c) => c.route === 'updateUser')?.body).toEqual({
      profile: {
        firstName: 'John',
        lastName: 'Smith',
        login: 'john@example.com',
        email: 'john@example.com',
        rank: 4,
        team: 'blue',
        honorific: null,
      },
    });
    expect(store.getState().peopleById['00uJOHN']?.profile).toEqual({
      login: 'john@example.com',
      email: 'john@example.com',
      firstName: 'John',
      lastName: 'Smith',
      rank: 4,
      team: 'blue',
    });
  });

  it('sets a password, and shows the server’s rule for a short one', async () => {
    const { store } = setup();
    expect(await store.getState().setPersonPassword('00uADA', 'short')).toMatchObject({
      ok: false,
      fieldErrors: { password: expect.stringMatching(/^Password requirements were not met/) },
    });
    expect(await store.getState().setPersonPassword('00uADA', 'Long-enough-1')).toMatchObject({ ok: true });
  });

  it('offers the actions the status allows, runs them and reads the person back', async () => {
    const { store, api } = setup();
    await store.getState().loadPerson('00uADA');
    const ada = () => store.getState().peopleById['00uADA']!;
    expect(actionsOf(ada())).toEqual({ lifecycle: ['suspend', 'expire_password', 'deactivate'], canDelete: false });

    expect(await store.getState().runPersonAction('00uADA', 'suspend')).toEqual({ ok: true });
    expect(ada().status).toBe('SUSPENDED');
    expect(actionsOf(ada()).lifecycle).toEqual(['unsuspend', 'deactivate']);
    expect(api.calls).toContain('suspendUser 00uADA');

    const refused = await store.getState().runPersonAction('00uADA', 'suspend');
    expect(refused).toMatchObject({ ok: false, error: { errorCode: 'E0000001' } });

    await store.getState().runPersonAction('00uADA', 'deactivate');
    expect(actionsOf(ada())).toEqual({ lifecycle: ['activate'], canDelete: true });
  });

  it('offers Unlock to a locked-out person and nothing else but Deactivate', () => {
    const locked = { ...userDto('00uL', 'l@example.com'), status: 'LOCKED_OUT' as const };
    locked._links = { unlock: { href: 'u' }, deactivate: { href: 'd' }, resetPassword: { href: 'r' } };
    expect(actionsOf(locked)).toEqual({ lifecycle: ['unlock', 'deactivate'], canDelete: false });
  });

  it('deletes a deactivated person and drops them from the list', async () => {
    const { store, api } = setup();
    await store.getState().loadPeople();
    await store.getState().runPersonAction('00uADA', 'deactivate');
    expect(await store.getState().deletePerson('00uADA')).toEqual({ ok: true });
    expect(logins(store)).toEqual(['john@example.com']);
    expect(store.getState().peopleById['00uADA']).toBeUndefined();
    expect(api.users.map((u) => u.id)).toEqual(['00uJOHN']);
  });

  it('loads a person’s groups and their apps (filter user.id), and asks for a new token on 401', async () => {
    const { store, api } = setup();
    await store.getState().loadPersonGroups('00uADA');
    expect(store.getState().personGroups['00uADA']?.items.map((g) => g.profile.name)).toEqual(['Everyone']);
    await store.getState().loadPersonApps('00uADA');
    expect(api.calls).toContain('listApps {"filter":"user.id eq \\"00uADA\\""}');
    expect(store.getState().personApps['00uADA']?.load.status).toBe('ready');

    api.failNext = invalidToken();
    await store.getState().loadPerson('00uJOHN');
    expect(store.getState().personLoads['00uJOHN']).toMatchObject({ status: 'error', error: { status: 401 } });
    expect(store.getState().tokenProblem).toBe('Invalid token provided');
  });

  it('stops showing a person deleted elsewhere once they are read again', async () => {
    const { store, api } = setup();
    await store.getState().loadPerson('00uADA');
    api.users = api.users.filter((u) => u.id !== '00uADA');
    await store.getState().loadPerson('00uADA');
    expect(store.getState().peopleById['00uADA']).toBeUndefined();
    expect(store.getState().personLoads['00uADA']).toMatchObject({ status: 'error', error: { status: 404 } });
  });

  it('forgets every person when the admin token changes', async () => {
    const { store } = setup();
    await store.getState().loadPeople();
    store.getState().saveToken('other');
    expect(store.getState().personIds).toEqual([]);
    expect(store.getState().peopleList.status).toBe('idle');
  });
});
