/**
 * Okta API scopes granted to apps (Okta "Application Grants" API) and what the UI shows of the org
 * authorization server (a sandbox route: Okta's API has no endpoint for the org server itself).
 */
import type { AuthorizationServerDto, SigningKeyDto } from './authorization-server.js';
import type { OktaLink } from './links.js';
import { shape } from './route-def.js';
import type { RouteDef } from './route-def.js';

export interface AppGrantInput {
  /** The org URL (the org server's issuer). */
  issuer: string;
  /** An Okta API scope, e.g. `okta.users.read`. */
  scopeId: string;
}

/** An `OAuth2ScopeConsentGrant` as Okta answers it. */
export interface AppGrantDto {
  id: string;
  status: 'ACTIVE';
  created: string;
  lastUpdated: string;
  issuer: string;
  clientId: string;
  scopeId: string;
  source: 'ADMIN';
  _embedded: { scope: { id: string } };
  _links: Record<string, OktaLink>;
}

/** The org authorization server as the UI lists it: its settings (read-only), keys and scopes. */
export interface OrgServerDto {
  server: AuthorizationServerDto;
  keys: SigningKeyDto[];
  /** The OpenID Connect scopes and Okta's API scopes it offers. */
  scopes: { oidc: string[]; oktaApi: string[] };
}

const none = shape<void>();

export const appGrantRoutes = {
  listAppGrants: { method: 'GET', path: '/api/v1/apps/:appId/grants', response: shape<AppGrantDto[]>() },
  grantAppScope: {
    method: 'POST',
    path: '/api/v1/apps/:appId/grants',
    body: shape<AppGrantInput>(),
    response: shape<AppGrantDto>(),
  },
  getAppGrant: { method: 'GET', path: '/api/v1/apps/:appId/grants/:grantId', response: shape<AppGrantDto>() },
  revokeAppGrant: { method: 'DELETE', path: '/api/v1/apps/:appId/grants/:grantId', response: none },
  getOrgServer: { method: 'GET', path: '/api/sandbox/v1/org-server', response: shape<OrgServerDto>() },
} as const satisfies Record<string, RouteDef>;
