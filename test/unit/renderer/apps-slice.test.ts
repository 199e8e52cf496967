import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-renderer/api/api-error.js';
import { emptyAppDraft } from '../../../src-renderer/state/app-draft.js';
import type { AppDraft } from '../../../src-renderer/state/app-draft.js';
import { NO_GROUP_CHOSEN, matchesAppSearch, selectApps } from '../../../src-renderer/state/apps-slice.js';
import { createAppStore } from '../../../src-renderer/state/store.js';
import { memoryTokenStorage } from '../../../src-renderer/state/token-storage.js';
import { FakeApi, userDto } from './fake-api.js';
import { groupDto } from './fake-groups.js';

function setup() {
  const api = new FakeApi();
  api.apps = [];
  const store = createAppStore({ api, tokenStorage: memoryTokenStorage('tok') });
  return { api, store };
}

const web = (fields: Partial<AppDraft> = {}): AppDraft => ({
  ...emptyAppDraft('web'),
  label: 'Pets portal',
  ...fields,
});

async function created(store: ReturnType<typeof setup>['store'], draft: AppDraft) {
  const outcome = await store.getState().createApp(draft);
  if (!outcome.ok) throw new Error(`not created: ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('apps slice', () => {
  it('loads the list, going through loading to ready, and keeps a failed load for Retry', async () => {
    const { store, api } = setup();
    await created(store, web());
    store.getState().resetApps();
    api.failNext = new TypeError('Failed to fetch');
    await store.getState().loadApps();
    expect(store.getState().appList.status).toBe('error');
    const loading = store.getState().loadApps();
    expect(store.getState().appList.status).toBe('loading');
    await loading;
    expect(selectApps(store.getState()).map((a) => a.label)).toEqual(['Pets portal']);
  });

  it('keeps an app created, and drops one deleted, while an older list request was out', async () => {
    const { store, api } = setup();
    const { app: old } = await created(store, web({ label: 'Old portal', assignment: 'skip' }));
    await store.getState().setAppStatus(old.id, 'INACTIVE');
    let release!: () => void;
    api.hold.listApps = () => new Promise<void>((resolve) => (release = resolve));
    const listing = store.getState().loadApps();
    const { app } = await created(store, web({ assignment: 'skip' }));
    expect(await store.getState().deleteApp(old.id)).toEqual({ ok: true });
    // The list was read before both: it has the deleted app and not the new one.
    const listedThen = api.apps;
    api.apps = listedThen.filter((a) => a.id !== app.id).concat(store.getState().appsById[old.id] ?? { ...old });
    release();
    await listing;
    api.apps = listedThen;
    expect(store.getState().appIds).toEqual([app.id]);
    expect(store.getState().appsById[old.id]).toBeUndefined();
  });

  it('creates an app assigned to Everyone, the built-in group, and lists it', async () => {
    const { store, api } = setup();
    api.appData.groups.push(groupDto('00gENG', 'Everything else'));
    const { app, assignmentError } = await created(store, web());
    expect(assignmentError).toBeNull();
    expect(app.settings.oauthClient.redirect_uris).toEqual(['http://localhost:8080/authorization-code/callback']);
    expect(store.getState().appIds).toEqual([app.id]);
    expect(api.appData.groupAssignments.get(app.id)).toEqual(['00gEVERYONE000000000']);
    expect(api.calls).toContain(`assignGroupToApp ${app.id} 00gEVERYONE000000000`);
  });

  it('assigns the selected groups, or none when skipped', async () => {
    const { store, api } = setup();
    api.appData.groups.push(groupDto('00gA', 'Admins'), groupDto('00gB', 'Buyers'));
    const limited = await created(store, web({ assignment: 'groups', assignGroupIds: ['00gA', '00gB'] }));
    expect(api.appData.groupAssignments.get(limited.app.id)).toEqual(['00gA', '00gB']);
    const skipped = await created(store, web({ label: 'Later', assignment: 'skip' }));
    expect(api.appData.groupAssignments.get(skipped.app.id)).toBeUndefined();
  });

  it('refuses "Limit access to selected groups" with no group before creating anything', async () => {
    const { store, api } = setup();
    const outcome = await store.getState().createApp(web({ assignment: 'groups' }));
    expect(outcome).toEqual({ ok: false, fieldErrors: { assignGroupIds: NO_GROUP_CHOSEN }, formError: null });
    expect(api.calls).toEqual([]);
  });

  it('reports a failed assignment with the created app, which stays in the list', async () => {
    const { store, api } = setup();
    api.appData.groups = [];
    const { app, assignmentError } = await created(store, web());
    expect(assignmentError?.summary).toBe('The built-in Everyone group was not found');
    expect(store.getState().appsById[app.id]?.label).toBe('Pets portal');
  });

  it('puts the server’s causes under the fields and creates nothing', async () => {
    const { store, api } = setup();
    const outcome = await store.getState().createApp(web({ label: ' ', redirectUris: ['', 'localhost/cb'] }));
    expect(outcome).toEqual({
      ok: false,
      fieldErrors: {
        label: 'The field cannot be left blank',
        redirectUris: "'localhost/cb' must be an absolute URI",
      },
      formError: null,
    });
    expect(api.apps).toEqual([]);
  });

  it('names a grant this type may not use under Grant type', async () => {
    const { store } = setup();
    const outcome = await store.getState().createApp({
      ...emptyAppDraft('browser'),
      label: 'SPA',
      grantTypes: ['authorization_code', 'client_credentials'],
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.fieldErrors.grantTypes).toBe(
      'client_credentials is not allowed for a browser application (allowed: authorization_code, implicit, refresh_token)',
    );
  });

  it('saves with PUT, keeping the client ID, the secret and what the form does not show', async () => {
    const { store, api } = setup();
    const { app } = await created(store, web({ assignment: 'skip' }));
    api.apps = api.apps.map((a) => (a.id === app.id ? { ...a, profile: { tier: 'gold' } } : a));
    await store.getState().loadApp(app.id);
    const outcome = await store.getState().saveApp(app.id, {
      ...web(),
      label: 'Pets portal 2',
      grantTypes: ['authorization_code', 'refresh_token'],
      rotationType: 'ROTATE',
      leeway: '5',
    });
    expect(outcome.ok).toBe(true);
    const sent = api.sent.find((c) => c.route === 'replaceApp')!.body as Record<string, unknown>;
    expect(sent).toMatchObject({
      label: 'Pets portal 2',
      profile: { tier: 'gold' },
      credentials: { oauthClient: { client_id: app.credentials.oauthClient.client_id } },
      settings: { oauthClient: { refresh_token: { rotation_type: 'ROTATE', leeway: 5 } } },
    });
    expect((sent['credentials'] as { oauthClient: object }).oauthClient).not.toHaveProperty('client_secret');
    const stored = store.getState().appsById[app.id]!;
    expect(stored.label).toBe('Pets portal 2');
    expect(stored.credentials.oauthClient.client_secret).toBe(app.credentials.oauthClient.client_secret);
  });

  it('deactivates and reads the app back; deleting an ACTIVE app is refused as the API says', async () => {
    const { store } = setup();
    const { app } = await created(store, web({ assignment: 'skip' }));
    const refused = await store.getState().deleteApp(app.id);
    expect(refused).toEqual({ ok: false, error: expect.any(ApiError) });
    if (refused.ok) return;
    expect(refused.error.errorCode).toBe('E0000056');
    expect(store.getState().appIds).toEqual([app.id]);

    expect(await store.getState().setAppStatus(app.id, 'INACTIVE')).toEqual({ ok: true });
    expect(store.getState().appsById[app.id]?.status).toBe('INACTIVE');
    expect(await store.getState().deleteApp(app.id)).toEqual({ ok: true });
    expect(store.getState().appIds).toEqual([]);
    expect(store.getState().appsById[app.id]).toBeUndefined();
  });

  it('loads assignments with group names, assigns and removes people and groups', async () => {
    const { store, api } = setup();
    api.users.push(userDto('00uJOHN', 'john@example.com'));
    api.appData.groups.push(groupDto('00gENG', 'Engineering'));
    const { app } = await created(store, web({ assignment: 'skip' }));
    await store.getState().loadAppAssignments(app.id);
    expect(store.getState().appAssignments[app.id]).toMatchObject({ load: { status: 'ready' }, users: [], groups: [] });

    expect(await store.getState().assignUserToApp(app.id, '00uJOHN')).toEqual({ ok: true });
    expect(await store.getState().assignGroupToApp(app.id, '00gENG')).toEqual({ ok: true });
    const after = store.getState().appAssignments[app.id]!;
    expect(after.users.map((u) => u.credentials.userName)).toEqual(['john@example.com']);
    expect(after.groups.map((g) => store.getState().groupNames[g.id])).toEqual(['Engineering']);

    expect(await store.getState().unassignUserFromApp(app.id, '00uJOHN')).toEqual({ ok: true });
    expect(await store.getState().unassignGroupFromApp(app.id, '00gENG')).toEqual({ ok: true });
    expect(store.getState().appAssignments[app.id]).toMatchObject({ users: [], groups: [] });
    const missing = await store.getState().unassignGroupFromApp(app.id, '00gENG');
    expect(missing.ok).toBe(false);
  });

  it('searches people and groups with Okta’s q, and returns a failure as an error', async () => {
    const { store, api } = setup();
    api.users.push(userDto('00uJOHN', 'john@example.com'));
    api.appData.groups.push(groupDto('00gENG', 'Engineering'));
    const people = await store.getState().searchPeople(' jo ');
    expect(people.ok && people.items.map((u) => u.id)).toEqual(['00uJOHN']);
    expect(api.sent.at(-1)).toMatchObject({ route: 'listUsers', query: { q: 'jo' } });
    const groups = await store.getState().searchGroups('eng');
    expect(groups.ok && groups.items.map((g) => g.id)).toEqual(['00gENG']);
    api.failNext = new ApiError(500, 'E0000009', 'Internal Server Error');
    const failed = await store.getState().searchGroups('');
    expect(failed).toEqual({ ok: false, error: expect.objectContaining({ summary: 'Internal Server Error' }) });
  });

  it('drops answers that arrive after the admin token changed', async () => {
    const { store, api } = setup();
    let release = () => {};
    api.hold.listApps = () => new Promise<void>((resolve) => (release = resolve));
    const loading = store.getState().loadApps();
    store.getState().saveToken('other');
    release();
    await loading;
    expect(store.getState().appList.status).toBe('idle');
  });

  it('matches the search against the name or the client ID, any case', async () => {
    const { store } = setup();
    const { app } = await created(store, web({ assignment: 'skip' }));
    expect(matchesAppSearch(app, 'PETS')).toBe(true);
    expect(matchesAppSearch(app, app.credentials.oauthClient.client_id.slice(2))).toBe(true);
    expect(matchesAppSearch(app, '  ')).toBe(true);
    expect(matchesAppSearch(app, 'orders')).toBe(false);
  });
});
