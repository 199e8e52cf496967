/**
 * People (Okta Users API): the list for the current search (`q`), each person by id with the groups
 * and apps they have, and what an admin does to them — add, edit the profile and its custom
 * attributes, set a password, the lifecycle actions, delete.
 */
import type { AppDto } from '../../src-main/contracts/app.js';
import type { GroupDto } from '../../src-main/contracts/group.js';
import { routes } from '../../src-main/contracts/routes.js';
import type { UserDto } from '../../src-main/contracts/user.js';
import type { StateCreator } from 'zustand';
import type { ApiClient } from '../api/api-client.js';
import { loadKeyedList, without } from './keyed-lists.js';
import type { OwnedList, SessionNeeds } from './keyed-lists.js';
import { IDLE, LOADING, READY } from './load-state.js';
import type { ActionOutcome, LoadState } from './load-state.js';
import {
  newPersonProblemsOf,
  passwordProblemsOf,
  profileProblemsOf,
  toCreateUser,
  toPasswordUpdate,
  toProfileUpdate,
} from './person-draft.js';
import type { NewPersonDraft, NewPersonProblems, ProfileDraft, ProfileProblems } from './person-draft.js';
import type { FormProblemsOf } from './form-problems.js';

export type PersonSaveOutcome<Problems> = { ok: true; user: UserDto } | ({ ok: false } & Problems);

/** The lifecycle actions a person's page offers, by their `/lifecycle/{action}` path segment. */
export const PERSON_ACTIONS = ['activate', 'unlock', 'unsuspend', 'suspend', 'expire_password', 'deactivate'] as const;
export type PersonAction = (typeof PERSON_ACTIONS)[number];

/** Okta's `_links` name of each action: a user carries a link for each action its status allows. */
const LINK_OF: Record<PersonAction, string> = {
  activate: 'activate',
  unlock: 'unlock',
  unsuspend: 'unsuspend',
  suspend: 'suspend',
  expire_password: 'expirePassword',
  deactivate: 'deactivate',
};

/** What the person's status allows, as the server says through `_links`; Delete once deactivated (DELETE on anyone else only deactivates). */
export function actionsOf(user: UserDto): { lifecycle: PersonAction[]; canDelete: boolean } {
  return {
    lifecycle: PERSON_ACTIONS.filter((action) => LINK_OF[action] in user._links),
    canDelete: user.status === 'DEPROVISIONED',
  };
}

const ACTION_ROUTES = {
  activate: routes.activateUser,
  unlock: routes.unlockUser,
  unsuspend: routes.unsuspendUser,
  suspend: routes.suspendUser,
  deactivate: routes.deactivateUser,
} as const;

export interface PeopleSlice {
  /** The list for `peopleQuery`, in the API's order; the objects live in `peopleById`. */
  personIds: string[];
  peopleQuery: string;
  peopleList: LoadState;
  peopleById: Record<string, UserDto>;
  personLoads: Record<string, LoadState>;
  personGroups: Record<string, OwnedList<GroupDto>>;
  personApps: Record<string, OwnedList<AppDto>>;
  /** Lists the people whose name, username or email starts with `q` (Okta's `q`); blank lists everyone. */
  loadPeople(q?: string): Promise<void>;
  loadPerson(id: string): Promise<void>;
  loadPersonGroups(id: string): Promise<void>;
  loadPersonApps(id: string): Promise<void>;
  createPerson(draft: NewPersonDraft): Promise<PersonSaveOutcome<NewPersonProblems>>;
  savePersonProfile(id: string, draft: ProfileDraft): Promise<PersonSaveOutcome<ProfileProblems>>;
  setPersonPassword(id: string, password: string): Promise<PersonSaveOutcome<FormProblemsOf<'password'>>>;
  runPersonAction(id: string, action: PersonAction): Promise<ActionOutcome>;
  deletePerson(id: string): Promise<ActionOutcome>;
  resetPeople(): void;
}

const initial = {
  personIds: [],
  peopleQuery: '',
  peopleList: IDLE,
  peopleById: {},
  personLoads: {},
  personGroups: {},
  personApps: {},
} satisfies Partial<PeopleSlice>;

type State = PeopleSlice & SessionNeeds;

function upsert(state: State, user: UserDto): Partial<PeopleSlice> {
  return {
    peopleById: { ...state.peopleById, [user.id]: user },
    personLoads: { ...state.personLoads, [user.id]: READY },
  };
}

export const createPeopleSlice =
  ({ api }: { api: ApiClient }): StateCreator<State, [], [], PeopleSlice> =>
  (set, get) => {
    const stale = (token: string | null) => get().token !== token;
    /** Counts list requests: only the latest one's answer is shown (see `loadPeople`). */
    let listRequests = 0;

    /** Runs a write that answers the user; on success it is stored and the list reloaded (it may now sort or match differently). */
    const save = async <Problems>(
      call: () => Promise<UserDto>,
      problemsOf: (error: ReturnType<SessionNeeds['reportFailure']>) => Problems,
    ): Promise<PersonSaveOutcome<Problems>> => {
      const token = get().token;
      try {
        const user = await call();
        if (!stale(token)) {
          set((state) => upsert(state, user));
          await get().loadPeople(get().peopleQuery);
        }
        return { ok: true, user };
      } catch (error) {
        return { ok: false, ...problemsOf(get().reportFailure(error)) };
      }
    };

    return {
      ...initial,
      async loadPeople(q = '') {
        const token = get().token;
        const request = ++listRequests;
        set({ peopleQuery: q, peopleList: LOADING });
        try {
          const query = q.trim() === '' ? {} : { q: q.trim() };
          const users = await api.list(routes.listUsers, {}, query);
          // A newer list request went out while this one was: a newer search, or the same one again
          // after a save. Its answer is the one to show; this older one may miss what was saved since.
          if (stale(token) || request !== listRequests) return;
          set((state) => ({
            personIds: users.map((u) => u.id),
            peopleById: { ...state.peopleById, ...Object.fromEntries(users.map((u) => [u.id, u])) },
            peopleList: READY,
          }));
        } catch (error) {
          const apiError = get().reportFailure(error);
          if (!stale(token) && request === listRequests) set({ peopleList: { status: 'error', error: apiError } });
        }
      },
      async loadPerson(id) {
        const token = get().token;
        set((state) => ({ personLoads: { ...state.personLoads, [id]: LOADING } }));
        try {
          const user = await api.call(routes.getUser, { id });
          if (!stale(token)) set((state) => upsert(state, user));
        } catch (error) {
          const apiError = get().reportFailure(error);
          if (!stale(token))
            set((state) => ({
              personLoads: { ...state.personLoads, [id]: { status: 'error', error: apiError } },
              // Deleted elsewhere (another window, a script): stop showing what is gone.
              ...(apiError.status === 404 ? { peopleById: without(state.peopleById, id) } : {}),
            }));
        }
      },
      loadPersonGroups: (id) =>
        loadKeyedList(
          get,
          () => get().personGroups,
          (personGroups) => set({ personGroups }),
          id,
          () => api.call(routes.listUserGroups, { id }),
        ),
      // Okta's Apps API lists a user's apps (assigned directly or through a group) with `filter=user.id eq "…"`.
      loadPersonApps: (id) =>
        loadKeyedList(
          get,
          () => get().personApps,
          (personApps) => set({ personApps }),
          id,
          () => api.list(routes.listApps, {}, { filter: `user.id eq "${id}"` }),
        ),
      createPerson(draft) {
        const { body, activate } = toCreateUser(draft);
        return save(() => api.call(routes.createUser, {}, body, { activate }), newPersonProblemsOf);
      },
      savePersonProfile(id, draft) {
        const user = get().peopleById[id];
        if (!user) return Promise.resolve({ ok: false, fieldErrors: {}, formError: 'This person is not loaded.' });
        return save(
          () => api.call(routes.updateUser, { id }, toProfileUpdate(draft, user)),
          (error) => profileProblemsOf(error, draft),
        );
      },
      setPersonPassword: (id, password) =>
        save(() => api.call(routes.updateUser, { id }, toPasswordUpdate(password)), passwordProblemsOf),
      async runPersonAction(id, action) {
        try {
          if (action === 'expire_password') await api.call(routes.expirePassword, { id });
          else await api.call(ACTION_ROUTES[action], { id });
        } catch (error) {
          return { ok: false, error: get().reportFailure(error) };
        }
        // The lifecycle calls answer `{}`: read the person back for the new status and actions.
        await Promise.all([get().loadPerson(id), get().loadPeople(get().peopleQuery)]);
        return { ok: true };
      },
      async deletePerson(id) {
        const token = get().token;
        try {
          await api.call(routes.deleteUser, { id });
        } catch (error) {
          return { ok: false, error: get().reportFailure(error) };
        }
        if (!stale(token))
          set((state) => ({
            peopleById: without(state.peopleById, id),
            personIds: state.personIds.filter((p) => p !== id),
          }));
        return { ok: true };
      },
      resetPeople: () => set(initial),
    };
  };

/** The listed people in the API's order (use with useShallow: it builds a new array). */
export const selectPeople = (state: PeopleSlice): UserDto[] =>
  state.personIds.flatMap((id) => state.peopleById[id] ?? []);
