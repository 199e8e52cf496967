/**
 * The management API's routes for apps and their assignments, users and groups (Okta Apps, Users
 * and Groups APIs). Part of `routes.ts`.
 */
import { appInput } from './app.js';
import type { AppDto, AppGroupDto, AppUserDto } from './app.js';
import { groupInput } from './group.js';
import type { GroupDto } from './group.js';
import { shape } from './route-def.js';
import type { RouteDef } from './route-def.js';
import type { PageQuery } from './server-routes.js';
import { createUserInput, replaceUserInput, updateUserInput } from './user.js';
import type { UserDto } from './user.js';

/** Okta's directory search: `q` (a prefix), `filter` and `search` (expressions), and the sort of `search`. */
export interface DirectoryQuery extends PageQuery {
  q?: string;
  filter?: string;
  search?: string;
  sortBy?: string;
  sortOrder?: string;
}

/** What an app user assignment may carry (`id` on create only). */
export interface AppUserInput {
  id?: string;
  scope?: 'USER';
  credentials?: { userName?: string };
  profile?: Record<string, unknown>;
}

export interface AppGroupInput {
  priority?: number;
  profile?: Record<string, unknown>;
}

/** Okta answers the app and user lifecycle calls with `{}`. */
type Empty = Record<string, never>;
const none = shape<void>();
const lifecycle = { query: shape<{ sendEmail?: boolean }>(), response: shape<Empty>() };

export const directoryRoutes = {
  listApps: {
    method: 'GET',
    path: '/api/v1/apps',
    query: shape<PageQuery & { q?: string; filter?: string }>(),
    paging: { defaultLimit: 20, maxLimit: 200 },
    response: shape<AppDto[]>(),
  },
  createApp: {
    method: 'POST',
    path: '/api/v1/apps',
    body: appInput,
    query: shape<{ activate?: boolean }>(),
    response: shape<AppDto>(),
  },
  getApp: { method: 'GET', path: '/api/v1/apps/:id', response: shape<AppDto>() },
  replaceApp: { method: 'PUT', path: '/api/v1/apps/:id', body: appInput, response: shape<AppDto>() },
  deleteApp: { method: 'DELETE', path: '/api/v1/apps/:id', response: none },
  activateApp: { method: 'POST', path: '/api/v1/apps/:id/lifecycle/activate', response: shape<Empty>() },
  deactivateApp: { method: 'POST', path: '/api/v1/apps/:id/lifecycle/deactivate', response: shape<Empty>() },

  listAppUsers: {
    method: 'GET',
    path: '/api/v1/apps/:appId/users',
    query: shape<PageQuery & { q?: string; expand?: 'user' }>(),
    paging: { defaultLimit: 50, maxLimit: 500 },
    response: shape<AppUserDto[]>(),
  },
  assignUserToApp: {
    method: 'POST',
    path: '/api/v1/apps/:appId/users',
    body: shape<AppUserInput & { id: string }>(),
    response: shape<AppUserDto>(),
  },
  getAppUser: {
    method: 'GET',
    path: '/api/v1/apps/:appId/users/:userId',
    query: shape<{ expand?: 'user' }>(),
    response: shape<AppUserDto>(),
  },
  updateAppUser: {
    method: 'POST',
    path: '/api/v1/apps/:appId/users/:userId',
    body: shape<AppUserInput>(),
    response: shape<AppUserDto>(),
  },
  unassignUserFromApp: { method: 'DELETE', path: '/api/v1/apps/:appId/users/:userId', response: none },
  listAppGroups: {
    method: 'GET',
    path: '/api/v1/apps/:appId/groups',
    query: shape<PageQuery>(),
    paging: { defaultLimit: 20, maxLimit: 200 },
    response: shape<AppGroupDto[]>(),
  },
  getAppGroup: { method: 'GET', path: '/api/v1/apps/:appId/groups/:groupId', response: shape<AppGroupDto>() },
  assignGroupToApp: {
    method: 'PUT',
    path: '/api/v1/apps/:appId/groups/:groupId',
    body: shape<AppGroupInput | undefined>(),
    response: shape<AppGroupDto>(),
  },
  unassignGroupFromApp: { method: 'DELETE', path: '/api/v1/apps/:appId/groups/:groupId', response: none },

  // Okta: 200 users a page by default, 10 when `q` is given.
  listUsers: {
    method: 'GET',
    path: '/api/v1/users',
    query: shape<DirectoryQuery>(),
    paging: { defaultLimit: 200, maxLimit: 200 },
    response: shape<UserDto[]>(),
  },
  createUser: {
    method: 'POST',
    path: '/api/v1/users',
    body: createUserInput,
    query: shape<{ activate?: boolean; provider?: boolean; nextLogin?: 'changePassword' }>(),
    response: shape<UserDto>(),
  },
  getUser: { method: 'GET', path: '/api/v1/users/:id', response: shape<UserDto>() },
  updateUser: { method: 'POST', path: '/api/v1/users/:id', body: updateUserInput, response: shape<UserDto>() },
  replaceUser: { method: 'PUT', path: '/api/v1/users/:id', body: replaceUserInput, response: shape<UserDto>() },
  deleteUser: { method: 'DELETE', path: '/api/v1/users/:id', response: none },
  activateUser: { method: 'POST', path: '/api/v1/users/:id/lifecycle/activate', ...lifecycle },
  reactivateUser: { method: 'POST', path: '/api/v1/users/:id/lifecycle/reactivate', ...lifecycle },
  deactivateUser: { method: 'POST', path: '/api/v1/users/:id/lifecycle/deactivate', ...lifecycle },
  suspendUser: { method: 'POST', path: '/api/v1/users/:id/lifecycle/suspend', ...lifecycle },
  unsuspendUser: { method: 'POST', path: '/api/v1/users/:id/lifecycle/unsuspend', ...lifecycle },
  unlockUser: { method: 'POST', path: '/api/v1/users/:id/lifecycle/unlock', ...lifecycle },
  expirePassword: {
    method: 'POST',
    path: '/api/v1/users/:id/lifecycle/expire_password',
    query: shape<{ sendEmail?: boolean; tempPassword?: false }>(),
    response: shape<UserDto>(),
  },
  resetPassword: { method: 'POST', path: '/api/v1/users/:id/lifecycle/reset_password', ...lifecycle },
  listUserGroups: { method: 'GET', path: '/api/v1/users/:id/groups', response: shape<GroupDto[]>() },

  // Okta's default and largest page of groups is 10000.
  listGroups: {
    method: 'GET',
    path: '/api/v1/groups',
    query: shape<DirectoryQuery>(),
    paging: { defaultLimit: 10000, maxLimit: 10000 },
    response: shape<GroupDto[]>(),
  },
  createGroup: { method: 'POST', path: '/api/v1/groups', body: groupInput, response: shape<GroupDto>() },
  getGroup: { method: 'GET', path: '/api/v1/groups/:id', response: shape<GroupDto>() },
  replaceGroup: { method: 'PUT', path: '/api/v1/groups/:id', body: groupInput, response: shape<GroupDto>() },
  deleteGroup: { method: 'DELETE', path: '/api/v1/groups/:id', response: none },
  listGroupUsers: {
    method: 'GET',
    path: '/api/v1/groups/:id/users',
    query: shape<PageQuery>(),
    paging: { defaultLimit: 1000, maxLimit: 10000 },
    response: shape<UserDto[]>(),
  },
  addUserToGroup: { method: 'PUT', path: '/api/v1/groups/:id/users/:userId', response: none },
  removeUserFromGroup: { method: 'DELETE', path: '/api/v1/groups/:id/users/:userId', response: none },
} as const satisfies Record<string, RouteDef>;

/** The user lifecycle routes by the action in their path (`/users/{id}/lifecycle/{action}`). */
export const userLifecycleRoutes = {
  activate: directoryRoutes.activateUser,
  reactivate: directoryRoutes.reactivateUser,
  deactivate: directoryRoutes.deactivateUser,
  suspend: directoryRoutes.suspendUser,
  unsuspend: directoryRoutes.unsuspendUser,
  unlock: directoryRoutes.unlockUser,
  expire_password: directoryRoutes.expirePassword,
  reset_password: directoryRoutes.resetPassword,
} as const;
