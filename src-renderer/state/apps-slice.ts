/**
 * Applications (Okta Apps API, reference §1.7): the list, each app by id, its lifecycle, and its
 * user and group assignments (§1.10), with the people and group searches the pickers use.
 */
import type { AppDto, AppGroupDto, AppStatus, AppUserDto } from '../../src-main/contracts/app.js';
import type { GroupDto } from '../../src-main/contracts/group.js';
import { routes } from '../../src-main/contracts/routes.js';
import type { UserDto } from '../../src-main/contracts/user.js';
import { ApiError } from '../api/api-error.js';
import { appProblemsOf, toAppWrite } from './app-draft.js';
import type { AppDraft, AppFormProblems } from './app-draft.js';
import type { AppState, SliceCreator } from './app-state.js';
import { ListFreshness } from './list-freshness.js';
import { IDLE, LOADING, READY } from './load-state.js';
import type { ActionOutcome, LoadState } from './load-state.js';

export type AppSaveOutcome = { ok: true; app: AppDto } | ({ ok: false } & AppFormProblems);
/** A created app, and why its Assignments choice could not be applied (the app exists either way). */
export type AppCreateOutcome =
  { ok: true; app: AppDto; assignmentError: ApiError | null } | ({ ok: false } & AppFormProblems);
export type SearchOutcome<T> = { ok: true; items: T[] } | { ok: false; error: ApiError };

export interface AppAssignments {
  load: LoadState;
  /** With `_embedded.user` (`expand=user`), so the table can show names. */
  users: AppUserDto[];
  groups: AppGroupDto[];
}

export interface AppsSlice {
  /** Ids in the API's order; the objects live in `appsById`. */
  appIds: string[];
  appsById: Record<string, AppDto>;
  appList: LoadState;
  appLoads: Record<string, LoadState>;
  appAssignments: Record<string, AppAssignments>;
  /** Group names by id, learned from group lists, so assigned groups show by name. */
  groupNames: Record<string, string>;
  loadApps(): Promise<void>;
  loadApp(id: string): Promise<void>;
  createApp(draft: AppDraft): Promise<AppCreateOutcome>;
  saveApp(id: string, draft: AppDraft): Promise<AppSaveOutcome>;
  setAppStatus(id: string, status: AppStatus): Promise<ActionOutcome>;
  deleteApp(id: string): Promise<ActionOutcome>;
  loadAppAssignments(appId: string): Promise<void>;
  assignUserToApp(appId: string, userId: string): Promise<ActionOutcome>;
  assignGroupToApp(appId: string, groupId: string): Promise<ActionOutcome>;
  unassignUserFromApp(appId: string, userId: string): Promise<ActionOutcome>;
  unassignGroupFromApp(appId: string, groupId: string): Promise<ActionOutcome>;
  /** People whose name, login or email starts with `q` (Okta's `q`). */
  searchPeople(q: string): Promise<SearchOutcome<UserDto>>;
  /** Groups whose name starts with `q`; every group when `q` is blank. */
  searchGroups(q: string): Promise<SearchOutcome<GroupDto>>;
  resetApps(): void;
}

const initial = {
  appIds: [],
  appsById: {},
  appList: IDLE,
  appLoads: {},
  appAssignments: {},
  groupNames: {},
} satisfies Partial<AppsSlice>;

/** Adds or replaces one app, keeping the list order (new ones go last, as the API lists them). */
function upsert(state: AppState, app: AppDto): Partial<AppState> {
  const known = app.id in state.appsById;
  return {
    appsById: { ...state.appsById, [app.id]: app },
    appIds: known ? state.appIds : [...state.appIds, app.id],
    appLoads: { ...state.appLoads, [app.id]: READY },
  };
}

export const NO_GROUP_CHOSEN = 'Choose at least one group, or Skip group assignment for now';

const namesOf = (groups: GroupDto[]) => Object.fromEntries(groups.map((g) => [g.id, g.profile.name]));

export const createAppsSlice: SliceCreator<AppsSlice> =
  ({ api }) =>
  (set, get) => {
    /** True when the token changed while a call was out: its answer belongs to the old session. */
    const stale = (token: string | null) => get().token !== token;

    const failed = (error: unknown): { ok: false; error: ApiError } => ({
      ok: false,
      error: get().reportFailure(error),
    });

    /** Runs a write; on success `after` brings the store up to date. */
    const act = async (call: () => Promise<unknown>, after: () => Promise<void> | void): Promise<ActionOutcome> => {
      try {
        await call();
      } catch (error) {
        return failed(error);
      }
      await after();
      return { ok: true };
    };

    const learnGroups = (groups: GroupDto[]) =>
      set((state) => ({ groupNames: { ...state.groupNames, ...namesOf(groups) } }));

    /** Okta's Everyone group: the one BUILT_IN group every user is in. */
    const everyoneId = async (): Promise<string> => {
      const groups = await api.list(routes.listGroups, {}, { q: 'Everyone' });
      const everyone = groups.find((g) => g.type === 'BUILT_IN');
      if (!everyone) throw new ApiError(404, null, 'The built-in Everyone group was not found');
      return everyone.id;
    };

    /** Applies the "Assignments" choice of Create App Integration to the new app. */
    const assignAtCreation = async (app: AppDto, draft: AppDraft): Promise<ApiError | null> => {
      try {
        const groupIds =
          draft.assignment === 'everyone'
            ? [await everyoneId()]
            : draft.assignment === 'groups'
              ? draft.assignGroupIds
              : [];
        for (const groupId of groupIds) await api.call(routes.assignGroupToApp, { appId: app.id, groupId }, undefined);
        return null;
      } catch (error) {
        return get().reportFailure(error);
      }
    };

    const freshness = new ListFreshness();
    const learn = (app: AppDto) => {
      freshness.touched(app.id);
      set((state) => upsert(state, app));
    };

    return {
      ...initial,
      async loadApps() {
        const token = get().token;
        set({ appList: LOADING });
        const since = freshness.started();
        try {
          const apps = await api.list(routes.listApps, {});
          if (stale(token)) return;
          const { ids, byId } = freshness.merge(since, apps, get().appsById);
          set({ appIds: ids, appsById: byId, appList: READY });
        } catch (error) {
          const apiError = get().reportFailure(error);
          if (!stale(token)) set({ appList: { status: 'error', error: apiError } });
        }
      },
      async loadApp(id) {
        const token = get().token;
        set((state) => ({ appLoads: { ...state.appLoads, [id]: LOADING } }));
        try {
          const app = await api.call(routes.getApp, { id });
          if (!stale(token)) learn(app);
        } catch (error) {
          const apiError = get().reportFailure(error);
          if (!stale(token))
            set((state) => ({ appLoads: { ...state.appLoads, [id]: { status: 'error', error: apiError } } }));
        }
      },
      async createApp(draft) {
        if (draft.assignment === 'groups' && draft.assignGroupIds.length === 0)
          return { ok: false, fieldErrors: { assignGroupIds: NO_GROUP_CHOSEN }, formError: null };
        const token = get().token;
        let app: AppDto;
        try {
          app = await api.call(routes.createApp, {}, toAppWrite(draft));
        } catch (error) {
          return { ok: false, ...appProblemsOf(get().reportFailure(error)) };
        }
        if (!stale(token)) learn(app);
        const assignmentError = await assignAtCreation(app, draft);
        return { ok: true, app, assignmentError };
      },
      async saveApp(id, draft) {
        const token = get().token;
        const base = get().appsById[id];
        try {
          const app = await api.call(routes.replaceApp, { id }, toAppWrite(draft, base));
          if (!stale(token)) learn(app);
          return { ok: true, app };
        } catch (error) {
          return { ok: false, ...appProblemsOf(get().reportFailure(error)) };
        }
      },
      // The lifecycle calls answer `{}`: read the app back for its new status.
      setAppStatus: (id, status) =>
        act(
          () => api.call(status === 'ACTIVE' ? routes.activateApp : routes.deactivateApp, { id }),
          () => get().loadApp(id),
        ),
      deleteApp: (id) =>
        act(
          () => api.call(routes.deleteApp, { id }),
          () =>
            set((state) => {
              freshness.deleted(id);
              const { [id]: _gone, ...appsById } = state.appsById;
              return { appsById, appIds: state.appIds.filter((appId) => appId !== id) };
            }),
        ),
      async loadAppAssignments(appId) {
        const token = get().token;
        const put = (change: Partial<AppAssignments>) =>
          set((state) => {
            const current = state.appAssignments[appId] ?? { load: IDLE, users: [], groups: [] };
            return { appAssignments: { ...state.appAssignments, [appId]: { ...current, ...change } } };
          });
        put({ load: LOADING });
        try {
          const [users, groups, allGroups] = await Promise.all([
            api.list(routes.listAppUsers, { appId }, { expand: 'user' }),
            api.list(routes.listAppGroups, { appId }),
            api.list(routes.listGroups, {}),
          ]);
          if (stale(token)) return;
          learnGroups(allGroups);
          put({ load: READY, users, groups });
        } catch (error) {
          const apiError = get().reportFailure(error);
          if (!stale(token)) put({ load: { status: 'error', error: apiError } });
        }
      },
      assignUserToApp: (appId, userId) =>
        act(
          () => api.call(routes.assignUserToApp, { appId }, { id: userId, scope: 'USER' }),
          () => get().loadAppAssignments(appId),
        ),
      assignGroupToApp: (appId, groupId) =>
        act(
          () => api.call(routes.assignGroupToApp, { appId, groupId }, undefined),
          () => get().loadAppAssignments(appId),
        ),
      unassignUserFromApp: (appId, userId) =>
        act(
          () => api.call(routes.unassignUserFromApp, { appId, userId }),
          () => get().loadAppAssignments(appId),
        ),
      unassignGroupFromApp: (appId, groupId) =>
        act(
          () => api.call(routes.unassignGroupFromApp, { appId, groupId }),
          () => get().loadAppAssignments(appId),
        ),
      async searchPeople(q) {
        try {
          return { ok: true, items: await api.list(routes.listUsers, {}, { q: q.trim() }) };
        } catch (error) {
          return failed(error);
        }
      },
      async searchGroups(q) {
        try {
          const items = await api.list(routes.listGroups, {}, { q: q.trim() });
          learnGroups(items);
          return { ok: true, items };
        } catch (error) {
          return failed(error);
        }
      },
      resetApps: () => set(initial),
    };
  };

/** The loaded apps in list order (use with useShallow: it builds a new array). */
export const selectApps = (state: AppState): AppDto[] => state.appIds.flatMap((id) => state.appsById[id] ?? []);

/** The list's search: the app integration name or the client ID contains the text, any case. */
export function matchesAppSearch(app: AppDto, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (needle === '') return true;
  return (
    app.label.toLowerCase().includes(needle) || app.credentials.oauthClient.client_id.toLowerCase().includes(needle)
  );
}
