/**
 * The org authorization server (Okta "Authorization servers": org vs custom). Every Okta org has
 * one; its issuer is the org URL itself and its endpoints sit under `/oauth2/v1/`. It signs users
 * in to OIDC apps (ID tokens with no custom claims, no access policies: who is assigned to the app
 * may sign in) and mints access tokens for Okta's own API scopes (`okta.users.read`, …), which only
 * Okta's API accepts.
 *
 * Authbox keeps it as a built-in server record with a reserved id, so the protocol endpoints, the
 * grants and minting serve it as they serve custom servers; the management API never shows it.
 */
import { ORG_SERVER_ID } from '../contracts/authorization-server.js';
import type { AuthorizationServerRecord } from './ports/authorization-servers.js';

export { ORG_SERVER_ID };

export const isOrgServer = (server: Pick<AuthorizationServerRecord, 'id'>): boolean => server.id === ORG_SERVER_ID;

/** The org server's record as first stored; it is never edited. */
export function orgServerRecord(now: Date): AuthorizationServerRecord {
  return {
    id: ORG_SERVER_ID,
    name: 'Org Authorization Server',
    description: "The org's own authorization server: sign-in to OIDC apps and tokens for Okta's API scopes",
    // The audience of its access tokens is the org URL, which depends on the request (`orgAudience`).
    audiences: [],
    issuerMode: 'ORG_URL',
    status: 'ACTIVE',
    isDefault: false,
    rotationMode: 'AUTO',
    lastRotated: now,
    nextRotation: null,
    created: now,
    lastUpdated: now,
  };
}

/**
 * The path under which a server's protocol endpoints sit: `/oauth2` for the org server (its
 * endpoints are `/oauth2/v1/…`), `/oauth2/<id>` for a custom server.
 */
export function protocolPath(serverId: string): string {
  return serverId === ORG_SERVER_ID ? '/oauth2' : `/oauth2/${encodeURIComponent(serverId)}`;
}

/** The path a server's cookies are scoped to: its protocol path, `/oauth2/v1` for the org server (no custom server's path). */
export function cookiePath(serverId: string): string {
  return serverId === ORG_SERVER_ID ? '/oauth2/v1' : protocolPath(serverId);
}

/** `<issuer>/v1` of a custom server; `<org URL>/oauth2/v1` of the org server (whose issuer is the org URL). */
export function endpointBase(server: Pick<AuthorizationServerRecord, 'id'>, issuer: string): string {
  return isOrgServer(server) ? `${issuer}/oauth2/v1` : `${issuer}/v1`;
}

/**
 * The OpenID Connect scopes the org server grants to any app (Okta "Authorization servers"), and
 * `groups` for the groups claim of its ID tokens (`protocol/org-groups-claim.ts`).
 */
export const ORG_OIDC_SCOPES = ['openid', 'profile', 'email', 'address', 'phone', 'offline_access', 'groups'] as const;

/**
 * Okta's API scopes for the parts of Okta's API Authbox serves (Okta "OAuth 2.0 Scopes" for the
 * management API): each resource has `.read` and `.manage`, and `.manage` includes `.read`.
 */
export const OKTA_API_RESOURCES = ['apps', 'appGrants', 'authorizationServers', 'groups', 'users'] as const;
export type OktaApiResource = (typeof OKTA_API_RESOURCES)[number];

export const OKTA_API_SCOPES: readonly string[] = OKTA_API_RESOURCES.flatMap((resource) => [
  `okta.${resource}.manage`,
  `okta.${resource}.read`,
]);

export const isOktaApiScope = (scope: string): boolean => OKTA_API_SCOPES.includes(scope);

/** Whether `scopes` allow reading (`GET`) or changing a resource of Okta's API. */
export function scopesAllow(scopes: readonly string[], resource: OktaApiResource, write: boolean): boolean {
  return scopes.includes(`okta.${resource}.manage`) || (!write && scopes.includes(`okta.${resource}.read`));
}
