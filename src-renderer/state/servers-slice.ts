/**
 * Authorization servers: the list, each server by id, and the changes a user makes to them
 * (create, full replace, activate/deactivate; Okta "Authorization Servers" API).
 */
import type { AuthorizationServerDto, LifecycleStatus } from '../../src-main/contracts/index.js';
import { routes } from '../../src-main/contracts/routes.js';
import type { AppState, SliceCreator } from './app-state.js';
import { ListFreshness } from './list-freshness.js';
import { IDLE, LOADING, READY } from './load-state.js';
import type { ActionOutcome, LoadState } from './load-state.js';
import { formProblemsOf, toWrite } from './server-draft.js';
import type { FormProblems, ServerDraft } from './server-draft.js';

export type SaveOutcome = { ok: true; server: AuthorizationServerDto } | ({ ok: false } & FormProblems);

export interface ServersSlice {
  /** Ids in the server's order; the objects live in `serversById`. */
  serverIds: string[];
  serversById: Record<string, AuthorizationServerDto>;
  serverList: LoadState;
  /** Per id: the state of fetching that one server (a deep link, or a refresh after a change). */
  serverLoads: Record<string, LoadState>;
  loadServers(): Promise<void>;
  loadServer(id: string): Promise<void>;
  createServer(draft: ServerDraft): Promise<SaveOutcome>;
  saveServer(id: string, draft: ServerDraft): Promise<SaveOutcome>;
  setServerStatus(id: string, status: LifecycleStatus): Promise<ActionOutcome>;
  resetServers(): void;
}

const initial = { serverIds: [], serversById: {}, serverList: IDLE, serverLoads: {} } satisfies Partial<ServersSlice>;

/** Adds or replaces one server, keeping the list order (new ones go last, as the API lists them). */
function upsert(state: AppState, server: AuthorizationServerDto): Partial<AppState> {
  const known = server.id in state.serversById;
  return {
    serversById: { ...state.serversById, [server.id]: server },
    serverIds: known ? state.serverIds : [...state.serverIds, server.id],
    serverLoads: { ...state.serverLoads, [server.id]: READY },
  };
}

export const createServersSlice: SliceCreator<ServersSlice> =
  ({ api }) =>
  (set, get) => {
    /** True when the token changed while a call was out: its answer belongs to the old session. */
    const stale = (token: string | null) => get().token !== token;
    const freshness = new ListFreshness();
    const learn = (server: AuthorizationServerDto) => {
      freshness.touched(server.id);
      set((state) => upsert(state, server));
    };

    const save = async (call: () => Promise<AuthorizationServerDto>): Promise<SaveOutcome> => {
      const token = get().token;
      try {
        const server = await call();
        if (!stale(token)) learn(server);
        return { ok: true, server };
      } catch (error) {
        return { ok: false, ...formProblemsOf(get().reportFailure(error)) };
      }
    };

    return {
      ...initial,
      async loadServers() {
        const token = get().token;
        set({ serverList: LOADING });
        const since = freshness.started();
        try {
          const servers = await api.list(routes.listServers, {});
          if (stale(token)) return;
          const { ids, byId } = freshness.merge(since, servers, get().serversById);
          set({ serverIds: ids, serversById: byId, serverList: READY });
        } catch (error) {
          const apiError = get().reportFailure(error);
          if (!stale(token)) set({ serverList: { status: 'error', error: apiError } });
        }
      },
      async loadServer(id) {
        const token = get().token;
        set((state) => ({ serverLoads: { ...state.serverLoads, [id]: LOADING } }));
        try {
          const server = await api.call(routes.getServer, { id });
          if (!stale(token)) learn(server);
        } catch (error) {
          const apiError = get().reportFailure(error);
          if (!stale(token))
            set((state) => ({ serverLoads: { ...state.serverLoads, [id]: { status: 'error', error: apiError } } }));
        }
      },
      createServer: (draft) => save(() => api.call(routes.createServer, {}, toWrite(draft))),
      saveServer: (id, draft) => save(() => api.call(routes.replaceServer, { id }, toWrite(draft))),
      async setServerStatus(id, status) {
        try {
          await api.call(status === 'ACTIVE' ? routes.activateServer : routes.deactivateServer, { id });
        } catch (error) {
          return { ok: false, error: get().reportFailure(error) };
        }
        // The lifecycle calls answer 204 without a body: read the server back for its new status.
        await get().loadServer(id);
        return { ok: true };
      },
      resetServers: () => set(initial),
    };
  };

/** The loaded servers in list order (use with useShallow: it builds a new array). */
export const selectServers = (state: AppState): AuthorizationServerDto[] =>
  state.serverIds.flatMap((id) => state.serversById[id] ?? []);
