/**
 * Each authorization server's custom claims (Okta "Authorization Server Claims" API) and the scopes their conditions can
 * name (Okta "Authorization Server Scopes" API): loaded per server, and the claim changes a user makes (create, full replace, delete).
 */
import type { ClaimDto } from '../../src-main/contracts/claim.js';
import { routes } from '../../src-main/contracts/routes.js';
import type { ScopeDto } from '../../src-main/contracts/scope.js';
import type { AppState, SliceCreator } from './app-state.js';
import { claimProblemsOf, toClaimWrite } from './claim-draft.js';
import type { ClaimDraft, ClaimFormProblems } from './claim-draft.js';
import { IDLE, LOADING, READY } from './load-state.js';
import type { ActionOutcome, LoadState } from './load-state.js';

export type ClaimSaveOutcome = { ok: true; claim: ClaimDto } | ({ ok: false } & ClaimFormProblems);

/** One server's list of something, and where its loading is. */
export interface ServerList<T> {
  load: LoadState;
  items: T[];
}

export interface ClaimsSlice {
  /** Per server id, in the API's (creation) order. */
  serverClaims: Record<string, ServerList<ClaimDto>>;
  serverScopes: Record<string, ServerList<ScopeDto>>;
  loadClaims(serverId: string): Promise<void>;
  loadScopes(serverId: string): Promise<void>;
  createClaim(serverId: string, draft: ClaimDraft): Promise<ClaimSaveOutcome>;
  saveClaim(serverId: string, claimId: string, draft: ClaimDraft): Promise<ClaimSaveOutcome>;
  deleteClaim(serverId: string, claimId: string): Promise<ActionOutcome>;
  resetClaims(): void;
}

type ListKey = 'serverClaims' | 'serverScopes';
type ItemOf<K extends ListKey> = AppState[K][string]['items'][number];

const initial = { serverClaims: {}, serverScopes: {} } satisfies Partial<ClaimsSlice>;

/** `claim` in place of the one with its id, or last (new claims list last, as the API lists them). */
function upsertClaim(claims: ClaimDto[], claim: ClaimDto): ClaimDto[] {
  return claims.some((c) => c.id === claim.id)
    ? claims.map((c) => (c.id === claim.id ? claim : c))
    : [...claims, claim];
}

export const createClaimsSlice: SliceCreator<ClaimsSlice> =
  ({ api }) =>
  (set, get) => {
    const stale = (token: string | null) => get().token !== token;

    const put = <K extends ListKey>(key: K, serverId: string, change: Partial<ServerList<ItemOf<K>>>) =>
      set((state) => {
        const lists = state[key] as Record<string, ServerList<ItemOf<K>>>;
        const current = lists[serverId] ?? { load: IDLE, items: [] };
        return { [key]: { ...lists, [serverId]: { ...current, ...change } } } as Partial<AppState>;
      });

    const load = async <K extends ListKey>(key: K, serverId: string, fetch: () => Promise<ItemOf<K>[]>) => {
      const token = get().token;
      put(key, serverId, { load: LOADING });
      try {
        const items = await fetch();
        if (!stale(token)) put(key, serverId, { load: READY, items });
      } catch (error) {
        const apiError = get().reportFailure(error);
        if (!stale(token)) put(key, serverId, { load: { status: 'error', error: apiError } });
      }
    };

    const save = async (serverId: string, call: () => Promise<ClaimDto>): Promise<ClaimSaveOutcome> => {
      const token = get().token;
      try {
        const claim = await call();
        if (!stale(token))
          put('serverClaims', serverId, { items: upsertClaim(get().serverClaims[serverId]?.items ?? [], claim) });
        return { ok: true, claim };
      } catch (error) {
        return { ok: false, ...claimProblemsOf(get().reportFailure(error)) };
      }
    };

    return {
      ...initial,
      loadClaims: (serverId) => load('serverClaims', serverId, () => api.list(routes.listClaims, { id: serverId })),
      loadScopes: (serverId) => load('serverScopes', serverId, () => api.list(routes.listScopes, { id: serverId })),
      createClaim: (serverId, draft) =>
        save(serverId, () => api.call(routes.createClaim, { id: serverId }, toClaimWrite(draft))),
      saveClaim: (serverId, claimId, draft) =>
        save(serverId, () => api.call(routes.replaceClaim, { id: serverId, claimId }, toClaimWrite(draft))),
      async deleteClaim(serverId, claimId) {
        const token = get().token;
        try {
          await api.call(routes.deleteClaim, { id: serverId, claimId });
        } catch (error) {
          return { ok: false, error: get().reportFailure(error) };
        }
        if (!stale(token))
          put('serverClaims', serverId, {
            items: (get().serverClaims[serverId]?.items ?? []).filter((c) => c.id !== claimId),
          });
        return { ok: true };
      },
      resetClaims: () => set(initial),
    };
  };
