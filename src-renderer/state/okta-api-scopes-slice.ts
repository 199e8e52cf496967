/**
 * The org authorization server (read-only: its settings, keys and scopes) and the Okta API scopes
 * granted to each app (Okta "Application Grants" API), for the app's Okta API Scopes tab.
 */
import type { AppGrantDto, OrgServerDto } from '../../src-main/contracts/app-grant-routes.js';
import { routes } from '../../src-main/contracts/routes.js';
import type { AppState, SliceCreator } from './app-state.js';
import { IDLE, LOADING, READY } from './load-state.js';
import type { ActionOutcome, LoadState } from './load-state.js';

export interface AppGrants {
  load: LoadState;
  grants: AppGrantDto[];
}

export interface OktaApiScopesSlice {
  orgServer: OrgServerDto | null;
  orgServerLoad: LoadState;
  appGrants: Record<string, AppGrants>;
  loadOrgServer(): Promise<void>;
  loadAppGrants(appId: string): Promise<void>;
  /** Grants `scopeId` to the app for the org server's issuer. */
  grantOktaScope(appId: string, scopeId: string): Promise<ActionOutcome>;
  revokeOktaScope(appId: string, grantId: string): Promise<ActionOutcome>;
}

export const createOktaApiScopesSlice: SliceCreator<OktaApiScopesSlice> =
  ({ api }) =>
  (set, get) => {
    const put = (appId: string, change: Partial<AppGrants>) =>
      set((state: AppState) => {
        const current = state.appGrants[appId] ?? { load: IDLE, grants: [] };
        return { appGrants: { ...state.appGrants, [appId]: { ...current, ...change } } };
      });
    const act = async (appId: string, work: () => Promise<unknown>): Promise<ActionOutcome> => {
      try {
        await work();
      } catch (error) {
        return { ok: false, error: get().reportFailure(error) };
      }
      await get().loadAppGrants(appId);
      return { ok: true };
    };

    return {
      orgServer: null,
      orgServerLoad: IDLE,
      appGrants: {},
      async loadOrgServer() {
        set({ orgServerLoad: LOADING });
        try {
          set({ orgServer: await api.call(routes.getOrgServer, {}), orgServerLoad: READY });
        } catch (error) {
          set({ orgServerLoad: { status: 'error', error: get().reportFailure(error) } });
        }
      },
      async loadAppGrants(appId) {
        const token = get().token;
        put(appId, { load: LOADING });
        try {
          const grants = await api.call(routes.listAppGrants, { appId });
          if (get().token === token) put(appId, { load: READY, grants });
        } catch (error) {
          const apiError = get().reportFailure(error);
          if (get().token === token) put(appId, { load: { status: 'error', error: apiError } });
        }
      },
      grantOktaScope: (appId, scopeId) =>
        act(appId, async () => {
          if (!get().orgServer) await get().loadOrgServer();
          const issuer = get().orgServer?.server.issuer;
          if (!issuer) throw new Error('The org authorization server could not be loaded.');
          await api.call(routes.grantAppScope, { appId }, { issuer, scopeId });
        }),
      revokeOktaScope: (appId, grantId) => act(appId, () => api.call(routes.revokeAppGrant, { appId, grantId })),
    };
  };
