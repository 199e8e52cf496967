/** The Okta API Scopes tab's slice: the org server read once, grants listed, granted for its issuer, revoked. */
import { describe, expect, it } from 'vitest';
import type { AppGrantDto, OrgServerDto } from '../../../src-main/contracts/app-grant-routes.js';
import type { RouteDef } from '../../../src-main/contracts/routes.js';
import { ApiError } from '../../../src-renderer/api/api-error.js';
import type { ApiClient } from '../../../src-renderer/api/api-client.js';
import { createAppStore } from '../../../src-renderer/state/store.js';
import { memoryTokenStorage } from '../../../src-renderer/state/token-storage.js';

const ORG = 'http://127.0.0.1:8080';

/** Just the four routes of the tab, over grants kept in memory. */
function fakeApi() {
  const grants: AppGrantDto[] = [];
  const bodies: unknown[] = [];
  const org = {
    server: { issuer: ORG },
    keys: [],
    scopes: { oidc: ['openid'], oktaApi: ['okta.users.manage', 'okta.users.read'] },
  } as unknown as OrgServerDto;
  const call = async (route: RouteDef, params: Record<string, string>, body?: unknown): Promise<unknown> => {
    if (route.path === '/api/sandbox/v1/org-server') return org;
    if (params['appId'] !== '0oa1') throw new ApiError(404, 'E0000007', 'Not found: Resource not found: app');
    if (route.method === 'GET') return grants;
    if (route.method === 'POST') {
      bodies.push(body);
      const { scopeId } = body as { scopeId: string };
      grants.push({ id: `oag${grants.length}`, scopeId } as AppGrantDto);
      return grants.at(-1);
    }
    grants.splice(
      grants.findIndex((g) => g.id === params['grantId']),
      1,
    );
    return undefined;
  };
  return { api: { call } as unknown as ApiClient, bodies };
}

describe('okta API scopes slice', () => {
  it('grants a scope for the org server’s issuer, lists it, and revokes it', async () => {
    const { api, bodies } = fakeApi();
    const store = createAppStore({ api, tokenStorage: memoryTokenStorage('tok') });
    await store.getState().loadAppGrants('0oa1');
    expect(store.getState().appGrants['0oa1']).toMatchObject({ load: { status: 'ready' }, grants: [] });

    expect(await store.getState().grantOktaScope('0oa1', 'okta.users.read')).toEqual({ ok: true });
    expect(bodies).toEqual([{ issuer: ORG, scopeId: 'okta.users.read' }]);
    expect(store.getState().orgServer?.scopes.oktaApi).toEqual(['okta.users.manage', 'okta.users.read']);
    const [grant] = store.getState().appGrants['0oa1']?.grants ?? [];
    expect(grant?.scopeId).toBe('okta.users.read');

    expect(await store.getState().revokeOktaScope('0oa1', grant!.id)).toEqual({ ok: true });
    expect(store.getState().appGrants['0oa1']?.grants).toEqual([]);
  });

  it('reports a failed load and a failed grant', async () => {
    const { api } = fakeApi();
    const store = createAppStore({ api, tokenStorage: memoryTokenStorage('tok') });
    await store.getState().loadAppGrants('0oanope');
    expect(store.getState().appGrants['0oanope']?.load).toMatchObject({ status: 'error', error: { status: 404 } });
    expect(await store.getState().grantOktaScope('0oanope', 'okta.users.read')).toMatchObject({
      ok: false,
      error: { status: 404 },
    });
  });
});
