/**
 * The Scopes tab's writes (Okta Authorization Servers API: Scopes): create, replace and delete a
 * custom scope. The list itself is the claims slice's `serverScopes` (claim conditions pick from
 * it too); every write reloads it, so it shows what the server answers.
 */
import type { StateCreator } from 'zustand';
import { routes } from '../../src-main/contracts/routes.js';
import type { ScopeDto } from '../../src-main/contracts/scope.js';
import type { ApiClient } from '../api/api-client.js';
import type { SessionNeeds } from './keyed-lists.js';
import type { ActionOutcome } from './load-state.js';
import { scopeProblemsOf, toScopeWrite } from './scope-draft.js';
import type { ScopeDraft, ScopeFormProblems } from './scope-draft.js';

export type ScopeSaveOutcome = { ok: true; scope: ScopeDto } | ({ ok: false } & ScopeFormProblems);

export interface ScopesSlice {
  createScope(serverId: string, draft: ScopeDraft): Promise<ScopeSaveOutcome>;
  saveScope(serverId: string, scope: ScopeDto, draft: ScopeDraft): Promise<ScopeSaveOutcome>;
  /** A scope a rule or claim names is refused; the error's causes list the places. */
  deleteScope(serverId: string, scopeId: string): Promise<ActionOutcome>;
}

/** What the slice reloads after a write: the claims slice's scope list. */
interface ScopeListNeeds extends SessionNeeds {
  loadScopes(serverId: string): Promise<void>;
}

export const createScopesSlice =
  ({ api }: { api: ApiClient }): StateCreator<ScopesSlice & ScopeListNeeds, [], [], ScopesSlice> =>
  (_set, get) => {
    const save = async (serverId: string, call: () => Promise<ScopeDto>): Promise<ScopeSaveOutcome> => {
      try {
        const scope = await call();
        await get().loadScopes(serverId);
        return { ok: true, scope };
      } catch (error) {
        return { ok: false, ...scopeProblemsOf(get().reportFailure(error)) };
      }
    };
    return {
      createScope: (serverId, draft) =>
        save(serverId, () => api.call(routes.createScope, { id: serverId }, toScopeWrite(draft))),
      saveScope: (serverId, scope, draft) =>
        save(serverId, () =>
          api.call(routes.replaceScope, { id: serverId, scopeId: scope.id }, toScopeWrite(draft, scope)),
        ),
      async deleteScope(serverId, scopeId) {
        try {
          await api.call(routes.deleteScope, { id: serverId, scopeId });
        } catch (error) {
          return { ok: false, error: get().reportFailure(error) };
        }
        await get().loadScopes(serverId);
        return { ok: true };
      },
    };
  };
