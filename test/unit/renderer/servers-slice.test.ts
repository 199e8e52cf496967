import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../../src-renderer/state/server-draft.js';
import { selectServers } from '../../../src-renderer/state/servers-slice.js';
import { createAppStore } from '../../../src-renderer/state/store.js';
import { memoryTokenStorage } from '../../../src-renderer/state/token-storage.js';
import { FakeApi, serverDto } from './fake-api.js';

function setup() {
  const api = new FakeApi();
  const store = createAppStore({ api, tokenStorage: memoryTokenStorage('tok') });
  return { api, store };
}

const draft = (fields: Partial<ReturnType<typeof emptyDraft>>) => ({ ...emptyDraft(), ...fields });

describe('servers slice', () => {
  it('loads the list, going through loading to ready', async () => {
    const { store, api } = setup();
    api.servers.set('aus1', serverDto('aus1', { name: 'Orders' }));
    const loading = store.getState().loadServers();
    expect(store.getState().serverList.status).toBe('loading');
    await loading;
    expect(store.getState().serverList.status).toBe('ready');
    expect(selectServers(store.getState()).map((s) => s.name)).toEqual(['default', 'Orders']);
  });

  it('keeps the error of a failed load for the Retry banner', async () => {
    const { store, api } = setup();
    api.failNext = new TypeError('Failed to fetch');
    await store.getState().loadServers();
    const list = store.getState().serverList;
    expect(list.status).toBe('error');
    await store.getState().loadServers();
    expect(store.getState().serverList.status).toBe('ready');
  });

  it('creates a server and adds it to the list', async () => {
    const { store } = setup();
    await store.getState().loadServers();
    const outcome = await store
      .getState()
      .createServer(draft({ name: 'Orders', audience: 'api://orders', description: 'Orders API' }));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.server.audiences).toEqual(['api://orders']);
    expect(store.getState().serverIds).toEqual(['default', outcome.server.id]);
    expect(store.getState().serverLoads[outcome.server.id]?.status).toBe('ready');
  });

  it('keeps a server created while an older list request was out (the first /api request can take seconds)', async () => {
    const { store, api } = setup();
    let release!: () => void;
    api.hold.listServers = () => new Promise<void>((resolve) => (release = resolve));
    const listing = store.getState().loadServers();
    const outcome = await store
      .getState()
      .createServer(draft({ name: 'Orders', audience: 'api://orders', description: 'Orders API' }));
    if (!outcome.ok) throw new Error('not created');
    // The list was read before the create: it does not have the new server.
    const created = api.servers.get(outcome.server.id)!;
    api.servers.delete(outcome.server.id);
    release();
    await listing;
    api.servers.set(created.id, created);
    expect(store.getState().serverIds).toEqual(['default', outcome.server.id]);
    expect(store.getState().serversById[outcome.server.id]?.name).toBe('Orders');
  });

  it('maps the server validation causes onto the form fields and creates nothing', async () => {
    const { store, api } = setup();
    await store.getState().loadServers();
    const outcome = await store.getState().createServer(draft({ name: 'Half done', audience: '', description: '' }));
    expect(outcome).toEqual({
      ok: false,
      fieldErrors: { description: 'The field cannot be left blank', audience: 'an audience cannot be blank' },
      formError: null,
    });
    expect(api.servers.size).toBe(1);
    expect(store.getState().serverIds).toEqual(['default']);
  });

  it('sends the full replacement on save and keeps the saved server', async () => {
    const { store, api } = setup();
    await store.getState().loadServers();
    const outcome = await store.getState().saveServer(
      'default',
      draft({
        name: 'Renamed',
        audience: 'api://default',
        description: 'd',
        issuerMode: 'DYNAMIC',
        rotationMode: 'MANUAL',
      }),
    );
    expect(outcome.ok).toBe(true);
    expect(api.calls).toContain('replaceServer default');
    expect(store.getState().serversById['default']).toMatchObject({ name: 'Renamed', issuerMode: 'DYNAMIC' });
  });

  it('shows a failure without field causes as a form error', async () => {
    const { store } = setup();
    const outcome = await store.getState().saveServer('missing', draft({ name: 'x', audience: 'a', description: 'd' }));
    expect(outcome).toEqual({
      ok: false,
      fieldErrors: {},
      formError: 'Not found: Resource not found: missing (AuthorizationServer)',
    });
  });

  it('loads one server by id (a deep link) and records a 404', async () => {
    const { store } = setup();
    await store.getState().loadServer('default');
    expect(store.getState().serversById['default']?.name).toBe('default');
    await store.getState().loadServer('nope');
    expect(store.getState().serverLoads['nope']).toMatchObject({
      status: 'error',
      error: { status: 404, errorCode: 'E0000007' },
    });
  });

  it('deactivates and activates, reading the server back for its status', async () => {
    const { store, api } = setup();
    await store.getState().loadServers();
    expect(await store.getState().setServerStatus('default', 'INACTIVE')).toEqual({ ok: true });
    expect(store.getState().serversById['default']?.status).toBe('INACTIVE');
    expect(api.calls.slice(-2)).toEqual(['deactivateServer default', 'getServer default']);
    await store.getState().setServerStatus('default', 'ACTIVE');
    expect(store.getState().serversById['default']?.status).toBe('ACTIVE');
  });

  it('returns the error of a failed lifecycle call', async () => {
    const { store } = setup();
    const outcome = await store.getState().setServerStatus('nope', 'ACTIVE');
    expect(outcome).toMatchObject({ ok: false, error: { errorCode: 'E0000007' } });
  });
});
