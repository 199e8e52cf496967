/** Records → Okta JSON for apps, app users and app group assignments (Okta "Applications" API, "Application Users" and "Application Groups" APIs). */
import type { AppDto, AppGroupDto, AppUserDto } from '../../contracts/app.js';
import type { AppGroupRecord, AppUserRecord } from '../../core/ports/app-assignments.js';
import type { AppRecord } from '../../core/ports/apps.js';
import { link } from './presenters.js';

export function presentApp(app: AppRecord, origin: string): AppDto {
  const self = `${origin}/api/v1/apps/${app.id}`;
  const doc = app.document;
  const lifecycle = app.status === 'ACTIVE' ? 'deactivate' : 'activate';
  return {
    id: app.id,
    name: 'oidc_client',
    label: app.label,
    status: app.status,
    lastUpdated: app.lastUpdated.toISOString(),
    created: app.created.toISOString(),
    accessibility: doc.accessibility,
    visibility: doc.visibility,
    features: doc.features,
    signOnMode: 'OPENID_CONNECT',
    credentials: {
      userNameTemplate: doc.userNameTemplate,
      signing: {},
      oauthClient: {
        autoKeyRotation: doc.autoKeyRotation,
        client_id: app.clientId,
        ...(app.clientSecret === null ? {} : { client_secret: app.clientSecret }),
        token_endpoint_auth_method: app.authMethod,
        pkce_required: doc.pkceRequired,
      },
    },
    settings: { app: {}, notifications: {}, oauthClient: { ...doc.oauth, application_type: app.applicationType } },
    profile: doc.profile,
    _links: {
      appLinks: [],
      logo: [],
      users: link(`${self}/users`, ['GET']),
      groups: link(`${self}/groups`, ['GET']),
      self: link(self, ['GET', 'PUT', 'DELETE']),
      [lifecycle]: link(`${self}/lifecycle/${lifecycle}`, ['POST']),
    },
  };
}

export function presentAppUser(a: AppUserRecord, origin: string, embeddedUser?: Record<string, unknown>): AppUserDto {
  const app = `${origin}/api/v1/apps/${a.appId}`;
  return {
    id: a.userId,
    externalId: null,
    created: a.created.toISOString(),
    lastUpdated: a.lastUpdated.toISOString(),
    scope: a.scope,
    status: 'ACTIVE',
    statusChanged: a.statusChanged.toISOString(),
    passwordChanged: null,
    syncState: 'DISABLED',
    credentials: { userName: a.userName ?? a.login },
    profile: a.profile,
    ...(embeddedUser ? { _embedded: { user: embeddedUser } } : {}),
    _links: {
      app: link(app, ['GET']),
      user: link(`${origin}/api/v1/users/${a.userId}`, ['GET']),
    },
  };
}

export function presentAppGroup(a: AppGroupRecord, origin: string): AppGroupDto {
  const app = `${origin}/api/v1/apps/${a.appId}`;
  return {
    id: a.groupId,
    priority: a.priority,
    lastUpdated: a.lastUpdated.toISOString(),
    profile: a.profile,
    _links: {
      app: link(app, ['GET']),
      self: link(`${app}/groups/${a.groupId}`, ['GET', 'PUT', 'DELETE']),
      group: link(`${origin}/api/v1/groups/${a.groupId}`, ['GET']),
    },
  };
}

/** A user as `expand=user` embeds it, from the stored row (the users feature owns the full presenter). */
export function presentEmbeddedUser(row: Record<string, unknown>, origin: string): Record<string, unknown> {
  const { typeId, ...user } = row;
  return {
    ...user,
    type: typeId === null || typeId === undefined ? null : { id: typeId },
    credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
    _links: { self: link(`${origin}/api/v1/users/${String(row['id'])}`, ['GET']) },
  };
}
