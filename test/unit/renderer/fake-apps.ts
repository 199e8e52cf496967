/**
 * The Apps API part of the FakeApi (Okta "Applications" API): apps validated with the same contract
 * the server uses (`validateApp`), Okta's refusal to delete an ACTIVE app, user and group
 * assignments, and the `q` searches of people and groups the pickers use.
 */
import { ApiError } from '../../../src-renderer/api/api-error.js';
import { validateApp } from '../../../src-main/contracts/app-rules.js';
import type { AppDto, AppGroupDto, AppUserDto } from '../../../src-main/contracts/app.js';
import type { GroupDto } from '../../../src-main/contracts/group.js';
import type { UserDto } from '../../../src-main/contracts/user.js';
import type { AppWrite } from '../../../src-renderer/api/api-client.js';
import { everyone } from './fake-groups.js';

const STAMP = '2026-01-01T00:00:00.000Z';

const notFound = (id: string, what: string) =>
  new ApiError(404, 'E0000007', `Not found: Resource not found: ${id} (${what})`);

const invalid = (issues: { field: string; message: string }[]) =>
  new ApiError(
    400,
    'E0000001',
    `Api validation failed: ${issues.map((i) => i.field).join(', ')}`,
    issues.map((i) => ({ field: i.field, message: i.message })),
  );

/** What the fake keeps besides `FakeApi.apps` and `FakeApi.users`. */
export class FakeAppData {
  groups: GroupDto[] = [everyone()];
  userAssignments = new Map<string, string[]>();
  groupAssignments = new Map<string, string[]>();
  private nextId = 1;

  /** A whole AppDto from a validated body; `existing` keeps its id, status, client ID and secret. */
  appFrom(body: AppWrite, existing?: AppDto): AppDto {
    const result = validateApp(
      body,
      existing && {
        applicationType: existing.settings.oauthClient.application_type,
        clientId: existing.credentials.oauthClient.client_id,
      },
    );
    if (!result.ok) throw invalid(result.issues);
    const { input, oauth, authMethod, pkceRequired } = result.value;
    const id = existing?.id ?? `0oa${String(this.nextId++).padStart(17, '0')}`;
    const secret = ['client_secret_basic', 'client_secret_post', 'client_secret_jwt'].includes(authMethod)
      ? (existing?.credentials.oauthClient.client_secret ?? `secret-${id}-0123456789abcdef`)
      : undefined;
    return {
      id,
      name: 'oidc_client',
      label: input.label,
      status: existing?.status ?? 'ACTIVE',
      signOnMode: 'OPENID_CONNECT',
      created: STAMP,
      lastUpdated: STAMP,
      profile: input.profile,
      visibility: input.visibility ?? {},
      accessibility: input.accessibility ?? {},
      features: input.features,
      credentials: {
        userNameTemplate: input.credentials.userNameTemplate ?? { template: '${source.login}', type: 'BUILT_IN' },
        signing: {},
        oauthClient: {
          autoKeyRotation: input.credentials.oauthClient.autoKeyRotation,
          client_id: existing?.credentials.oauthClient.client_id ?? input.credentials.oauthClient.client_id ?? id,
          ...(secret === undefined ? {} : { client_secret: secret }),
          token_endpoint_auth_method: authMethod,
          pkce_required: pkceRequired,
        },
      },
      settings: { app: {}, notifications: {}, oauthClient: oauth },
      _links: {},
    };
  }

  appUsers(appId: string, users: UserDto[]): AppUserDto[] {
    return (this.userAssignments.get(appId) ?? []).map((userId) => {
      const user = users.find((u) => u.id === userId);
      if (!user) throw notFound(userId, 'User');
      return {
        id: userId,
        externalId: null,
        created: STAMP,
        lastUpdated: STAMP,
        scope: 'USER',
        status: 'ACTIVE',
        statusChanged: STAMP,
        passwordChanged: null,
        syncState: 'DISABLED',
        credentials: { userName: String(user.profile.login) },
        profile: {},
        _embedded: { user: { id: user.id, profile: user.profile } },
        _links: {},
      };
    });
  }

  appGroups(appId: string): AppGroupDto[] {
    return (this.groupAssignments.get(appId) ?? []).map((id, index) => ({
      id,
      priority: index,
      lastUpdated: STAMP,
      profile: {},
      _links: {},
    }));
  }

  assign(map: Map<string, string[]>, appId: string, id: string): void {
    const ids = map.get(appId) ?? [];
    if (!ids.includes(id)) map.set(appId, [...ids, id]);
  }

  unassign(map: Map<string, string[]>, appId: string, id: string, what: string): void {
    const ids = map.get(appId) ?? [];
    if (!ids.includes(id)) throw notFound(id, what);
    map.set(
      appId,
      ids.filter((other) => other !== id),
    );
  }

  group(id: string): GroupDto {
    const group = this.groups.find((g) => g.id === id);
    if (!group) throw notFound(id, 'UserGroup');
    return group;
  }
}

/** Okta's `q`: a case-insensitive prefix of a person's first name, last name, login or email. */
export function peopleMatching(users: UserDto[], q: string | undefined): UserDto[] {
  const prefix = (q ?? '').toLowerCase();
  return users.filter((u) =>
    [u.profile.firstName, u.profile.lastName, u.profile.login, u.profile.email].some(
      (value) => typeof value === 'string' && value.toLowerCase().startsWith(prefix),
    ),
  );
}

export const groupsMatching = (groups: GroupDto[], q: string | undefined): GroupDto[] =>
  groups.filter((g) => g.profile.name.toLowerCase().startsWith((q ?? '').toLowerCase()));

export const appNotFound = (id: string) => notFound(id, 'Application');

/** Okta refuses to delete an ACTIVE app (403 E0000056). */
export const activeAppRefusal = (id: string) =>
  new ApiError(403, 'E0000056', `Delete application forbidden: the app ${id} is ACTIVE; deactivate it first.`, [
    {
      field: 'status',
      message: 'an ACTIVE app cannot be deleted; POST /api/v1/apps/{appId}/lifecycle/deactivate first',
    },
  ]);
