import { describe, expect, it } from 'vitest';
import { emptyClaimDraft } from '../../../src-renderer/state/claim-draft.js';
import { createAppStore } from '../../../src-renderer/state/store.js';
import { memoryTokenStorage } from '../../../src-renderer/state/token-storage.js';
import { FakeApi, claimDto, invalidToken } from './fake-api.js';

function setup() {
  const api = new FakeApi();
  return { api, store: createAppStore({ api, tokenStorage: memoryTokenStorage('tok') }) };
}

const names = (store: ReturnType<typeof setup>['store'], serverId = 'default') =>
  store.getState().serverClaims[serverId]?.items.map((c) => c.name);
const draft = (fields: Partial<ReturnType<typeof emptyClaimDraft>>) => ({ ...emptyClaimDraft(), ...fields });

describe('claims slice', () => {
  it('loads a server’s claims, going through loading to ready', async () => {
    const { store } = setup();
    const loading = store.getState().loadClaims('default');
    expect(store.getState().serverClaims['default']?.load.status).toBe('loading');
    await loading;
    expect(store.getState().serverClaims['default']?.load.status).toBe('ready');
    expect(names(store)).toEqual(['sub']);
  });

  it('keeps the error of a failed load for the Retry banner, and asks for a new token on 401', async () => {
    const { store, api } = setup();
    await store.getState().loadClaims('nope');
    expect(store.getState().serverClaims['nope']?.load).toMatchObject({
      status: 'error',
      error: { status: 404, errorCode: 'E0000007' },
    });
    api.failNext = invalidToken();
    await store.getState().loadClaims('default');
    expect(store.getState().tokenProblem).toBe('Invalid token provided');
  });

  it('creates a claim and lists it last', async () => {
    const { store, api } = setup();
    await store.getState().loadClaims('default');
    const outcome = await store
      .getState()
      .createClaim('default', draft({ name: 'department', value: 'user.department' }));
    expect(outcome).toMatchObject({
      ok: true,
      claim: { name: 'department', claimType: 'RESOURCE', valueType: 'EXPRESSION' },
    });
    expect(names(store)).toEqual(['sub', 'department']);
    expect(api.claims.get('default')?.map((c) => c.name)).toEqual(['sub', 'department']);
  });

  it('maps the validation causes onto the form fields and adds nothing', async () => {
    const { store, api } = setup();
    await store.getState().loadClaims('default');
    const outcome = await store
      .getState()
      .createClaim('default', draft({ name: 'sub', claimType: 'IDENTITY', value: 'user.login' }));
    expect(outcome).toEqual({ ok: false, fieldErrors: { name: "'sub' is a reserved claim name" }, formError: null });
    expect(names(store)).toEqual(['sub']);
    expect(api.claims.get('default')).toHaveLength(1);
  });

  it('replaces a claim in place with every field (PUT)', async () => {
    const { store, api } = setup();
    api.claims.set('default', [claimDto('ocl1', { name: 'a' }), claimDto('ocl2', { name: 'b' })]);
    await store.getState().loadClaims('default');
    const outcome = await store
      .getState()
      .saveClaim('default', 'ocl1', draft({ name: 'a2', value: 'app.clientId', disabled: true }));
    expect(outcome.ok).toBe(true);
    expect(api.calls).toContain('replaceClaim default ocl1');
    expect(names(store)).toEqual(['a2', 'b']);
    expect(store.getState().serverClaims['default']?.items[0]).toMatchObject({
      status: 'INACTIVE',
      value: 'app.clientId',
    });
  });

  it('deletes a claim, and reports a failed delete without changing the list', async () => {
    const { store, api } = setup();
    api.claims.set('default', [claimDto('ocl1', { name: 'a' }), claimDto('ocl2', { name: 'b' })]);
    await store.getState().loadClaims('default');
    expect(await store.getState().deleteClaim('default', 'ocl1')).toEqual({ ok: true });
    expect(names(store)).toEqual(['b']);
    expect(await store.getState().deleteClaim('default', 'ocl1')).toMatchObject({ ok: false, error: { status: 404 } });
    expect(names(store)).toEqual(['b']);
  });

  it('loads the scopes a claim condition can name', async () => {
    const { store } = setup();
    await store.getState().loadScopes('default');
    expect(store.getState().serverScopes['default']?.items.map((s) => s.name)).toEqual(['openid', 'profile']);
  });

  it('drops an answer that arrives after the admin token changed, and forgets everything with the token', async () => {
    const { store } = setup();
    const loading = store.getState().loadClaims('default');
    store.getState().saveToken('other');
    await loading;
    expect(store.getState().serverClaims).toEqual({});
    await store.getState().loadClaims('default');
    store.getState().forgetToken();
    expect(store.getState().serverClaims).toEqual({});
  });
});
