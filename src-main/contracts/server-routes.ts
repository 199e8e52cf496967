/**
 * The management API's routes for authorization servers and what hangs off them: keys, scopes,
 * claims, access policies and their rules (Okta Authorization Servers API). Part of `routes.ts`.
 */
import { authorizationServerInput } from './authorization-server.js';
import type { AuthorizationServerDto, SigningKeyDto } from './authorization-server.js';
import { claimInput } from './claim.js';
import type { ClaimDto } from './claim.js';
import { policyInput } from './policy.js';
import type { PolicyDto } from './policy.js';
import { shape } from './route-def.js';
import type { RouteDef } from './route-def.js';
import { ruleInput } from './rule.js';
import type { RuleDto } from './rule.js';
import { scopeInput } from './scope.js';
import type { ScopeDto } from './scope.js';

/** Okta paging parameters (`limit` is capped at the route's largest page). */
export interface PageQuery {
  limit?: number;
  after?: string;
}

const none = shape<void>();

export const serverRoutes = {
  listServers: {
    method: 'GET',
    path: '/api/v1/authorizationServers',
    query: shape<PageQuery & { q?: string }>(),
    paging: { defaultLimit: 200, maxLimit: 200 },
    response: shape<AuthorizationServerDto[]>(),
  },
  createServer: {
    method: 'POST',
    path: '/api/v1/authorizationServers',
    body: authorizationServerInput,
    response: shape<AuthorizationServerDto>(),
  },
  getServer: { method: 'GET', path: '/api/v1/authorizationServers/:id', response: shape<AuthorizationServerDto>() },
  replaceServer: {
    method: 'PUT',
    path: '/api/v1/authorizationServers/:id',
    body: authorizationServerInput,
    response: shape<AuthorizationServerDto>(),
  },
  deleteServer: { method: 'DELETE', path: '/api/v1/authorizationServers/:id', response: none },
  activateServer: { method: 'POST', path: '/api/v1/authorizationServers/:id/lifecycle/activate', response: none },
  deactivateServer: { method: 'POST', path: '/api/v1/authorizationServers/:id/lifecycle/deactivate', response: none },
  listKeys: {
    method: 'GET',
    path: '/api/v1/authorizationServers/:id/credentials/keys',
    response: shape<SigningKeyDto[]>(),
  },
  getKey: {
    method: 'GET',
    path: '/api/v1/authorizationServers/:id/credentials/keys/:kid',
    response: shape<SigningKeyDto>(),
  },
  rotateKeys: {
    method: 'POST',
    path: '/api/v1/authorizationServers/:id/credentials/lifecycle/keyRotate',
    body: shape<{ use?: 'sig' }>(),
    response: shape<SigningKeyDto[]>(),
  },

  listScopes: {
    method: 'GET',
    path: '/api/v1/authorizationServers/:id/scopes',
    query: shape<PageQuery & { q?: string; filter?: string }>(),
    paging: { defaultLimit: 200, maxLimit: 200 },
    response: shape<ScopeDto[]>(),
  },
  createScope: {
    method: 'POST',
    path: '/api/v1/authorizationServers/:id/scopes',
    body: scopeInput,
    response: shape<ScopeDto>(),
  },
  getScope: { method: 'GET', path: '/api/v1/authorizationServers/:id/scopes/:scopeId', response: shape<ScopeDto>() },
  replaceScope: {
    method: 'PUT',
    path: '/api/v1/authorizationServers/:id/scopes/:scopeId',
    body: scopeInput,
    response: shape<ScopeDto>(),
  },
  deleteScope: { method: 'DELETE', path: '/api/v1/authorizationServers/:id/scopes/:scopeId', response: none },

  // Okta documents no paging of claims; `limit` and `after` work as on every other list.
  listClaims: {
    method: 'GET',
    path: '/api/v1/authorizationServers/:id/claims',
    query: shape<PageQuery>(),
    paging: { defaultLimit: 200, maxLimit: 200 },
    response: shape<ClaimDto[]>(),
  },
  createClaim: {
    method: 'POST',
    path: '/api/v1/authorizationServers/:id/claims',
    body: claimInput,
    response: shape<ClaimDto>(),
  },
  getClaim: { method: 'GET', path: '/api/v1/authorizationServers/:id/claims/:claimId', response: shape<ClaimDto>() },
  replaceClaim: {
    method: 'PUT',
    path: '/api/v1/authorizationServers/:id/claims/:claimId',
    body: claimInput,
    response: shape<ClaimDto>(),
  },
  deleteClaim: { method: 'DELETE', path: '/api/v1/authorizationServers/:id/claims/:claimId', response: none },

  // Policies and rules are not paged: Okta returns them all, in priority order.
  listPolicies: { method: 'GET', path: '/api/v1/authorizationServers/:id/policies', response: shape<PolicyDto[]>() },
  createPolicy: {
    method: 'POST',
    path: '/api/v1/authorizationServers/:id/policies',
    body: policyInput,
    response: shape<PolicyDto>(),
  },
  getPolicy: {
    method: 'GET',
    path: '/api/v1/authorizationServers/:id/policies/:policyId',
    response: shape<PolicyDto>(),
  },
  replacePolicy: {
    method: 'PUT',
    path: '/api/v1/authorizationServers/:id/policies/:policyId',
    body: policyInput,
    response: shape<PolicyDto>(),
  },
  deletePolicy: { method: 'DELETE', path: '/api/v1/authorizationServers/:id/policies/:policyId', response: none },
  activatePolicy: {
    method: 'POST',
    path: '/api/v1/authorizationServers/:id/policies/:policyId/lifecycle/activate',
    response: none,
  },
  deactivatePolicy: {
    method: 'POST',
    path: '/api/v1/authorizationServers/:id/policies/:policyId/lifecycle/deactivate',
    response: none,
  },

  listRules: {
    method: 'GET',
    path: '/api/v1/authorizationServers/:id/policies/:policyId/rules',
    response: shape<RuleDto[]>(),
  },
  createRule: {
    method: 'POST',
    path: '/api/v1/authorizationServers/:id/policies/:policyId/rules',
    body: ruleInput,
    response: shape<RuleDto>(),
  },
  getRule: {
    method: 'GET',
    path: '/api/v1/authorizationServers/:id/policies/:policyId/rules/:ruleId',
    response: shape<RuleDto>(),
  },
  replaceRule: {
    method: 'PUT',
    path: '/api/v1/authorizationServers/:id/policies/:policyId/rules/:ruleId',
    body: ruleInput,
    response: shape<RuleDto>(),
  },
  deleteRule: {
    method: 'DELETE',
    path: '/api/v1/authorizationServers/:id/policies/:policyId/rules/:ruleId',
    response: none,
  },
  activateRule: {
    method: 'POST',
    path: '/api/v1/authorizationServers/:id/policies/:policyId/rules/:ruleId/lifecycle/activate',
    response: none,
  },
  deactivateRule: {
    method: 'POST',
    path: '/api/v1/authorizationServers/:id/policies/:policyId/rules/:ruleId/lifecycle/deactivate',
    response: none,
  },
} as const satisfies Record<string, RouteDef>;
