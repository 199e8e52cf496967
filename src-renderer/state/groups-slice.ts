/**
 * Groups (Okta Groups API): the list, each group by id with its members and the apps assigned to
 * it, and what an admin does to them — add, edit, delete, add and remove members.
 */
import type { AppDto } from '../../src-main/contracts/app.js';
import type { GroupDto } from '../../src-main/contracts/group.js';
import { routes } from '../../src-main/contracts/routes.js';
import type { UserDto } from '../../src-main/contracts/user.js';
import type { StateCreator } from 'zustand';
import type { ApiClient } from '../api/api-client.js';
import { groupProblemsOf, toGroupWrite } from './group-draft.js';
import type { GroupDraft, GroupProblems } from './group-draft.js';
import { loadKeyedList, without } from './keyed-lists.js';
import type { OwnedList, SessionNeeds } from './keyed-lists.js';
import { ListFreshness } from './list-freshness.js';
import { IDLE, LOADING, READY } from './load-state.js';
import type { ActionOutcome, LoadState } from './load-state.js';

export type GroupSaveOutcome = { ok: true; group: GroupDto } | ({ ok: false } & GroupProblems);

export interface GroupsSlice {
  /** In the API's order (by name); the objects live in `groupsById`. */
  groupIds: string[];
  groupsById: Record<string, GroupDto>;
  groupList: LoadState;
  groupLoads: Record<string, LoadState>;
  groupMembers: Record<string, OwnedList<UserDto>>;
  groupApps: Record<string, OwnedList<AppDto>>;
  /** The people a search for new members found (Okta's `q` on the Users API). */
  memberCandidates: OwnedList<UserDto> & { query: string };
  loadGroups(): Promise<void>;
  loadGroup(id: string): Promise<void>;
  loadGroupMembers(id: string): Promise<void>;
  loadGroupApps(id: string): Promise<void>;
  createGroup(draft: GroupDraft): Promise<GroupSaveOutcome>;
  saveGroup(id: string, draft: GroupDraft): Promise<GroupSaveOutcome>;
  deleteGroup(id: string): Promise<ActionOutcome>;
  addGroupMember(id: string, userId: string): Promise<ActionOutcome>;
  removeGroupMember(id: string, userId: string): Promise<ActionOutcome>;
  /** Finds the people whose name, username or email starts with `q`; blank clears the results. */
  findMemberCandidates(q: string): Promise<void>;
  resetGroups(): void;
}

const initial = {
  groupIds: [],
  groupsById: {},
  groupList: IDLE,
  groupLoads: {},
  groupMembers: {},
  groupApps: {},
  memberCandidates: { query: '', load: IDLE, items: [] },
} satisfies Partial<GroupsSlice>;

export const createGroupsSlice =
  ({ api }: { api: ApiClient }): StateCreator<GroupsSlice & SessionNeeds, [], [], GroupsSlice> =>
  (set, get) => {
    const stale = (token: string | null) => get().token !== token;
    const freshness = new ListFreshness();

    const save = async (call: () => Promise<GroupDto>): Promise<GroupSaveOutcome> => {
      const token = get().token;
      try {
        const group = await call();
        if (!stale(token)) {
          freshness.touched(group.id);
          set((state) => ({
            groupsById: { ...state.groupsById, [group.id]: group },
            groupLoads: { ...state.groupLoads, [group.id]: READY },
          }));
          // The list is sorted by name: read it again rather than guess the place.
          await get().loadGroups();
        }
        return { ok: true, group };
      } catch (error) {
        return { ok: false, ...groupProblemsOf(get().reportFailure(error)) };
      }
    };

    /** A membership change, then the members read back (each write refreshes what it changed). */
    const changeMembers = async (id: string, call: () => Promise<void>): Promise<ActionOutcome> => {
      try {
        await call();
      } catch (error) {
        return { ok: false, error: get().reportFailure(error) };
      }
      await get().loadGroupMembers(id);
      return { ok: true };
    };

    return {
      ...initial,
      async loadGroups() {
        const token = get().token;
        set({ groupList: LOADING });
        const since = freshness.started();
        try {
          const groups = await api.list(routes.listGroups, {});
          if (stale(token)) return;
          set((state) => {
            const { ids, byId } = freshness.merge(since, groups, state.groupsById);
            return { groupIds: ids, groupsById: { ...state.groupsById, ...byId }, groupList: READY };
          });
        } catch (error) {
          const apiError = get().reportFailure(error);
          if (!stale(token)) set({ groupList: { status: 'error', error: apiError } });
        }
      },
      async loadGroup(id) {
        const token = get().token;
        set((state) => ({ groupLoads: { ...state.groupLoads, [id]: LOADING } }));
        try {
          const group = await api.call(routes.getGroup, { id });
          if (!stale(token)) {
            freshness.touched(group.id);
            set((state) => ({
              groupsById: { ...state.groupsById, [group.id]: group },
              groupLoads: { ...state.groupLoads, [id]: READY },
            }));
          }
        } catch (error) {
          const apiError = get().reportFailure(error);
          if (!stale(token)) {
            if (apiError.status === 404) freshness.deleted(id);
            set((state) => ({
              groupLoads: { ...state.groupLoads, [id]: { status: 'error', error: apiError } },
              // Deleted elsewhere (another window, a script): stop showing what is gone.
              ...(apiError.status === 404 ? { groupsById: without(state.groupsById, id) } : {}),
            }));
          }
        }
      },
      loadGroupMembers: (id) =>
        loadKeyedList(
          get,
          () => get().groupMembers,
          (groupMembers) => set({ groupMembers }),
          id,
          () => api.list(routes.listGroupUsers, { id }),
        ),
      // Okta's Apps API lists the apps assigned to a group with `filter=group.id eq "…"`.
      loadGroupApps: (id) =>
        loadKeyedList(
          get,
          () => get().groupApps,
          (groupApps) => set({ groupApps }),
          id,
          () => api.list(routes.listApps, {}, { filter: `group.id eq "${id}"` }),
        ),
      createGroup: (draft) => save(() => api.call(routes.createGroup, {}, toGroupWrite(draft))),
      saveGroup: (id, draft) => save(() => api.call(routes.replaceGroup, { id }, toGroupWrite(draft))),
      async deleteGroup(id) {
        const token = get().token;
        try {
          await api.call(routes.deleteGroup, { id });
        } catch (error) {
          return { ok: false, error: get().reportFailure(error) };
        }
        if (!stale(token)) {
          freshness.deleted(id);
          set((state) => ({
            groupsById: without(state.groupsById, id),
            groupIds: state.groupIds.filter((g) => g !== id),
          }));
        }
        return { ok: true };
      },
      addGroupMember: (id, userId) => changeMembers(id, () => api.call(routes.addUserToGroup, { id, userId })),
      removeGroupMember: (id, userId) => changeMembers(id, () => api.call(routes.removeUserFromGroup, { id, userId })),
      async findMemberCandidates(q) {
        const query = q.trim();
        if (query === '') {
          set({ memberCandidates: initial.memberCandidates });
          return;
        }
        const token = get().token;
        set((state) => ({ memberCandidates: { ...state.memberCandidates, query: q, load: LOADING } }));
        try {
          const items = await api.list(routes.listUsers, {}, { q: query });
          // Only the answer to what is typed now counts.
          if (!stale(token) && get().memberCandidates.query === q)
            set({ memberCandidates: { query: q, load: READY, items } });
        } catch (error) {
          const apiError = get().reportFailure(error);
          if (!stale(token) && get().memberCandidates.query === q)
            set((state) => ({
              memberCandidates: { ...state.memberCandidates, load: { status: 'error', error: apiError } },
            }));
        }
      },
      resetGroups: () => set(initial),
    };
  };

/** The loaded groups in list order (use with useShallow: it builds a new array). */
export const selectGroups = (state: GroupsSlice): GroupDto[] =>
  state.groupIds.flatMap((id) => state.groupsById[id] ?? []);
