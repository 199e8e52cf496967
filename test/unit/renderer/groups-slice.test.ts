import { describe, expect, it } from 'vitest';
import { EVERYONE_GROUP_ID } from '../../../src-main/contracts/group.js';
import { emptyGroupDraft, isBuiltIn } from '../../../src-renderer/state/group-draft.js';
import { selectGroups } from '../../../src-renderer/state/groups-slice.js';
import { createAppStore } from '../../../src-renderer/state/store.js';
import { memoryTokenStorage } from '../../../src-renderer/state/token-storage.js';
import { FakeApi, invalidToken, userDto } from './fake-api.js';
import { groupDto } from './fake-groups.js';

function setup() {
  const api = new FakeApi();
  api.users = [userDto('00uADA', 'ada@example.com'), userDto('00uJOHN', 'john@example.com')];
  api.groups = [...api.groups, groupDto('00gPILOTS', 'Pilots')];
  return { api, store: createAppStore({ api, tokenStorage: memoryTokenStorage('tok') }) };
}

const names = (store: ReturnType<typeof setup>['store']) => selectGroups(store.getState()).map((g) => g.profile.name);
const memberLogins = (store: ReturnType<typeof setup>['store'], id: string) =>
  store.getState().groupMembers[id]?.items.map((u) => u.profile.login);

describe('groups slice', () => {
  it('lists the groups with Everyone built in', async () => {
    const { store } = setup();
    const loading = store.getState().loadGroups();
    expect(store.getState().groupList.status).toBe('loading');
    await loading;
    expect(names(store)).toEqual(['Everyone', 'Pilots']);
    expect(selectGroups(store.getState()).map(isBuiltIn)).toEqual([true, false]);
  });

  it('adds a group, sends a blank description as none, and lists it in the server’s order', async () => {
    const { store, api } = setup();
    const outcome = await store.getState().createGroup({ name: 'Captains', description: ' ' });
    expect(outcome).toMatchObject({ ok: true, group: { profile: { name: 'Captains', description: null } } });
    expect(api.sent.find((c) => c.route === 'createGroup')?.body).toEqual({
      profile: { name: 'Captains', description: null },
    });
    expect(names(store)).toEqual(['Captains', 'Everyone', 'Pilots']);
  });

  it('keeps a group added while an older list request was out, when that list answers last', async () => {
    const { store, api } = setup();
    let release!: () => void;
    let first = true;
    api.hold.listGroups = () => {
      if (!first) return Promise.resolve();
      first = false;
      return new Promise<void>((resolve) => (release = resolve));
    };
    const listing = store.getState().loadGroups();
    const outcome = await store.getState().createGroup({ name: 'Captains', description: '' });
    if (!outcome.ok) throw new Error('not created');
    expect(names(store)).toEqual(['Captains', 'Everyone', 'Pilots']);
    // The older list was read before the create: it does not have the new group.
    const now = api.groups;
    api.groups = now.filter((g) => g.id !== outcome.group.id);
    release();
    await listing;
    api.groups = now;
    expect(names(store)).toEqual(['Everyone', 'Pilots', 'Captains']);
    expect(store.getState().groupsById[outcome.group.id]?.profile.name).toBe('Captains');
  });

  it('puts the server’s causes under Name: blank, and taken (409 E0000055)', async () => {
    const { store } = setup();
    expect(await store.getState().createGroup(emptyGroupDraft())).toEqual({
      ok: false,
      fieldErrors: { name: 'The field cannot be left blank' },
      formError: null,
    });
    expect(await store.getState().createGroup({ name: 'pilots', description: '' })).toEqual({
      ok: false,
      fieldErrors: { name: 'An object with this field already exists in the current organization' },
      formError: null,
    });
  });

  it('renames a group and deletes it; Everyone refuses both', async () => {
    const { store } = setup();
    await store.getState().loadGroups();
    expect(await store.getState().saveGroup('00gPILOTS', { name: 'Aviators', description: 'Fly' })).toMatchObject({
      ok: true,
    });
    expect(store.getState().groupsById['00gPILOTS']?.profile).toEqual({ name: 'Aviators', description: 'Fly' });
    expect(await store.getState().saveGroup(EVERYONE_GROUP_ID, { name: 'All', description: '' })).toMatchObject({
      ok: false,
      formError: 'The built-in Everyone group always holds every user',
    });
    expect(await store.getState().deleteGroup(EVERYONE_GROUP_ID)).toMatchObject({
      ok: false,
      error: { status: 403, errorCode: 'E0000006' },
    });
    expect(await store.getState().deleteGroup('00gPILOTS')).toEqual({ ok: true });
    expect(names(store)).toEqual(['Everyone']);
  });

  it('adds and removes members, reading the members back after each change', async () => {
    const { store, api } = setup();
    await store.getState().loadGroupMembers('00gPILOTS');
    expect(memberLogins(store, '00gPILOTS')).toEqual([]);
    expect(await store.getState().addGroupMember('00gPILOTS', '00uJOHN')).toEqual({ ok: true });
    expect(memberLogins(store, '00gPILOTS')).toEqual(['john@example.com']);
    expect(await store.getState().removeGroupMember('00gPILOTS', '00uJOHN')).toEqual({ ok: true });
    expect(memberLogins(store, '00gPILOTS')).toEqual([]);
    expect(api.calls.filter((c) => c.includes('Group'))).toEqual([
      'listGroupUsers 00gPILOTS',
      'addUserToGroup 00gPILOTS 00uJOHN',
      'listGroupUsers 00gPILOTS',
      'removeUserFromGroup 00gPILOTS 00uJOHN',
      'listGroupUsers 00gPILOTS',
    ]);
    await store.getState().loadGroupMembers(EVERYONE_GROUP_ID);
    expect(memberLogins(store, EVERYONE_GROUP_ID)).toEqual(['ada@example.com', 'john@example.com']);
  });

  it('finds people to add by q, keeping only the answer to what is typed now; blank clears', async () => {
    const { store, api } = setup();
    let release = () => {};
    api.hold.listUsers = () => new Promise<void>((resolve) => (release = resolve));
    const older = store.getState().findMemberCandidates('a');
    delete api.hold.listUsers;
    await store.getState().findMemberCandidates('jo');
    release();
    await older;
    expect(store.getState().memberCandidates).toMatchObject({ query: 'jo', load: { status: 'ready' } });
    expect(store.getState().memberCandidates.items.map((u) => u.profile.login)).toEqual(['john@example.com']);
    await store.getState().findMemberCandidates('  ');
    expect(store.getState().memberCandidates).toEqual({ query: '', load: { status: 'idle' }, items: [] });
  });

  it('loads a group’s apps with filter group.id, and reports a failed load', async () => {
    const { store, api } = setup();
    await store.getState().loadGroupApps('00gPILOTS');
    expect(api.calls).toContain('listApps {"filter":"group.id eq \\"00gPILOTS\\""}');
    api.failNext = invalidToken();
    await store.getState().loadGroup('00gPILOTS');
    expect(store.getState().groupLoads['00gPILOTS']).toMatchObject({ status: 'error', error: { status: 401 } });
    await store.getState().loadGroup('00gNOPE');
    expect(store.getState().groupLoads['00gNOPE']).toMatchObject({ status: 'error', error: { status: 404 } });
  });

  it('stops showing a group deleted elsewhere once it is read again', async () => {
    const { store, api } = setup();
    await store.getState().loadGroup('00gPILOTS');
    api.groups = api.groups.filter((g) => g.id !== '00gPILOTS');
    await store.getState().loadGroup('00gPILOTS');
    expect(store.getState().groupsById['00gPILOTS']).toBeUndefined();
    expect(store.getState().groupLoads['00gPILOTS']).toMatchObject({ status: 'error', error: { status: 404 } });
  });
});
