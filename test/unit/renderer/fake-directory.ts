/**
 * The FakeApi's people and groups: an in-memory directory answering the Users and Groups routes the
 * slices call, validating with the server's own contracts and moving statuses with the server's
 * lifecycle table, so refusals carry the causes and codes the real API sends.
 */
import { ApiError } from '../../../src-renderer/api/api-error.js';
import { EVERYONE_GROUP_ID } from '../../../src-main/contracts/group.js';
import type { GroupDto } from '../../../src-main/contracts/group.js';
import { validateGroup } from '../../../src-main/contracts/group.js';
import type { UserDto } from '../../../src-main/contracts/user.js';
import { validateCreateUser, validateUpdateUser } from '../../../src-main/contracts/user.js';
import { availableActions, initialStatus, transition } from '../../../src-main/core/user-lifecycle.js';
import type { LifecycleAction } from '../../../src-main/core/user-lifecycle.js';
import type { Handlers } from './fake-api.js';
import { groupDto } from './fake-groups.js';

const ORIGIN = 'http://127.0.0.1:7420';
const TAKEN = 'An object with this field already exists in the current organization';

/** What the directory fake keeps: the FakeApi's users, its groups and who is in which. */
export interface DirectoryState {
  users: UserDto[];
  groups: GroupDto[];
  /** Group id → member ids (Everyone is implicit: every user). */
  members: Map<string, Set<string>>;
  newId(prefix: string): string;
}

const notFound = (id: string, what: string) =>
  new ApiError(404, 'E0000007', `Not found: Resource not found: ${id} (${what})`);

const invalid = (issues: { field: string; message: string }[]) =>
  new ApiError(400, 'E0000001', `Api validation failed: ${issues.map((i) => i.field).join(', ')}`, issues);

/** The user as the server shows it: a `_links` entry per lifecycle action its status allows. */
function withLinks(user: UserDto): UserDto {
  const hasPassword = user.credentials.password !== undefined;
  const names: Record<LifecycleAction, string> = {
    activate: 'activate',
    reactivate: 'reactivate',
    deactivate: 'deactivate',
    suspend: 'suspend',
    unsuspend: 'unsuspend',
    unlock: 'unlock',
    expire_password: 'expirePassword',
    reset_password: 'resetPassword',
  };
  const self = `${ORIGIN}/api/v1/users/${user.id}`;
  const links = Object.fromEntries(
    availableActions({ status: user.status, hasPassword }).map((a) => [names[a], { href: `${self}/lifecycle/${a}` }]),
  );
  return { ...user, _links: { ...links, self: { href: self } } };
}

const startsWith = (value: unknown, q: string) =>
  typeof value === 'string' && value.toLowerCase().startsWith(q.toLowerCase());

export function directoryHandlers(state: DirectoryState): Handlers {
  const user = (id: string) => {
    const found = state.users.find((u) => u.id === id || u.profile.login === id);
    if (!found) throw notFound(id, 'User');
    return found;
  };
  const put = (next: UserDto) => {
    const shown = withLinks({ ...next, lastUpdated: new Date(Date.parse(next.lastUpdated) + 1000).toISOString() });
    state.users = state.users.map((u) => (u.id === next.id ? shown : u));
    return shown;
  };
  const group = (id: string) => {
    const found = state.groups.find((g) => g.id === id);
    if (!found) throw notFound(id, 'UserGroup');
    return found;
  };
  const uniqueName = (name: string, except?: string) => {
    if (state.groups.some((g) => g.profile.name.toLowerCase() === name.toLowerCase() && g.id !== except))
      throw new ApiError(409, 'E0000055', `Duplicate Group: a group named '${name}' already exists`, [
        { field: 'profile.name', message: TAKEN },
      ]);
  };
  const editable = (id: string) => {
    const found = group(id);
    if (found.type === 'BUILT_IN')
      throw new ApiError(403, 'E0000006', 'The built-in Everyone group always holds every user');
    return found;
  };
  const lifecycle = (id: string, action: LifecycleAction) => {
    const current = user(id);
    const result = transition(
      { status: current.status, hasPassword: current.credentials.password !== undefined },
      action,
    );
    if (!result.ok)
      throw new ApiError(403, result.code, result.summary, [{ field: 'status', message: result.summary }]);
    return put({ ...current, status: result.status });
  };
  const membersOf = (id: string) =>
    id === EVERYONE_GROUP_ID ? state.users : state.users.filter((u) => state.members.get(id)?.has(u.id));

  return {
    listUsers: (_params, _body, query) =>
      state.users
        .filter((u) => {
          const q = query?.q;
          if (!q) return true;
          const p = u.profile;
          return [p['firstName'], p['lastName'], p.login, p.email].some((v) => startsWith(v, q));
        })
        .map(withLinks),
    getUser: ({ id }) => withLinks(user(id)),
    createUser: (_params, body, query) => {
      const result = validateCreateUser(body);
      if (!result.ok) throw invalid(result.issues);
      if (state.users.some((u) => u.profile.login === result.value.profile.login))
        throw invalid([{ field: 'login', message: TAKEN }]);
      const hasPassword = result.value.password !== undefined;
      const created = withLinks({
        id: state.newId('00u'),
        status: initialStatus(query?.activate ?? true, hasPassword),
        transitioningToStatus: null,
        created: '2026-01-01T00:00:00.000Z',
        activated: null,
        statusChanged: null,
        lastLogin: null,
        lastUpdated: '2026-01-01T00:00:00.000Z',
        passwordChanged: null,
        type: { id: 'otyDEFAULT0000000000' },
        profile: result.value.profile,
        credentials: { ...(hasPassword ? { password: {} } : {}), provider: { type: 'OKTA', name: 'OKTA' } },
        _links: {},
      });
      state.users = [...state.users, created];
      return created;
    },
    updateUser: ({ id }, body) => {
      const current = user(id);
      const result = validateUpdateUser(body);
      if (!result.ok) throw invalid(result.issues);
      const profile = { ...current.profile, ...result.value.profile };
      for (const [name, value] of Object.entries(profile)) if (value === null) delete profile[name];
      return put({
        ...current,
        profile,
        ...(result.value.password !== undefined
          ? { credentials: { ...current.credentials, password: {} }, status: 'ACTIVE' as const }
          : {}),
      });
    },
    deleteUser: ({ id }) => {
      const current = user(id);
      if (current.status !== 'DEPROVISIONED') {
        lifecycle(id, 'deactivate');
        return;
      }
      state.users = state.users.filter((u) => u.id !== current.id);
    },
    activateUser: ({ id }) => (lifecycle(id, 'activate'), {}),
    deactivateUser: ({ id }) => (lifecycle(id, 'deactivate'), {}),
    suspendUser: ({ id }) => (lifecycle(id, 'suspend'), {}),
    unsuspendUser: ({ id }) => (lifecycle(id, 'unsuspend'), {}),
    unlockUser: ({ id }) => (lifecycle(id, 'unlock'), {}),
    expirePassword: ({ id }) => lifecycle(id, 'expire_password'),
    listUserGroups: ({ id }) => {
      const current = user(id);
      return state.groups.filter((g) => g.id === EVERYONE_GROUP_ID || state.members.get(g.id)?.has(current.id));
    },
    listGroups: () => [...state.groups].sort((a, b) => a.profile.name.localeCompare(b.profile.name)),
    getGroup: ({ id }) => group(id),
    createGroup: (_params, body) => {
      const result = validateGroup(body);
      if (!result.ok) throw invalid(result.issues);
      uniqueName(result.value.name);
      const created = groupDto(state.newId('00g'), result.value.name, { profile: result.value });
      state.groups = [...state.groups, created];
      return created;
    },
    replaceGroup: ({ id }, body) => {
      editable(id);
      const result = validateGroup(body);
      if (!result.ok) throw invalid(result.issues);
      uniqueName(result.value.name, id);
      const replaced = { ...group(id), profile: result.value };
      state.groups = state.groups.map((g) => (g.id === id ? replaced : g));
      return replaced;
    },
    deleteGroup: ({ id }) => {
      editable(id);
      state.groups = state.groups.filter((g) => g.id !== id);
      state.members.delete(id);
    },
    listGroupUsers: ({ id }) => membersOf(group(id).id).map(withLinks),
    addUserToGroup: ({ id, userId }) => {
      editable(id);
      const member = user(userId);
      state.members.set(id, new Set([...(state.members.get(id) ?? []), member.id]));
    },
    removeUserFromGroup: ({ id, userId }) => {
      editable(id);
      state.members.get(id)?.delete(userId);
    },
  };
}
