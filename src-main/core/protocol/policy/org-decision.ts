/**
 * The org authorization server's decision (Okta "Authorization servers": the org server has no
 * access policies, no custom scopes and no custom claims). It is put to the same engine as a custom
 * server's (`decide.ts`) as one built-in policy for every app with one rule for every user and grant
 * type and every scope the server offers the app: the OpenID Connect scopes, and the Okta API scopes
 * granted to the app (Okta "Application Grants" API). Any other scope is unknown to it
 * (`invalid_scope`, "One or more scopes are not configured for the authorization server resource.").
 */
import { RULE_GRANT_TYPES } from '../../../contracts/rule.js';
import { EVERYONE_GROUP_ID } from '../../../contracts/group.js';
import { ORG_OIDC_SCOPES, ORG_SERVER_ID } from '../../org-server.js';
import type { EvaluatedPolicy, EvaluationInput } from './decision.js';

/** Okta's org server issues 1-hour access tokens; its refresh tokens do not expire by time. */
const ORG_LIFETIMES = { accessTokenMinutes: 60, refreshTokenMinutes: 0, refreshWindowMinutes: 10080 };

const EPOCH = new Date(0);

/** The built-in policy of the org server, with its one rule. */
export const ORG_POLICY: EvaluatedPolicy = {
  id: 'org-built-in',
  serverId: ORG_SERVER_ID,
  name: 'Org authorization server',
  description: 'The org server has no access policies: every assigned user and every app may use its scopes',
  status: 'ACTIVE',
  priority: 1,
  system: true,
  allClients: true,
  clientIds: [],
  created: EPOCH,
  lastUpdated: EPOCH,
  rules: [
    {
      id: 'org-built-in-rule',
      policyId: 'org-built-in',
      name: 'Org authorization server',
      status: 'ACTIVE',
      priority: 1,
      system: true,
      userIds: { include: [], exclude: [] },
      groupIds: { include: [EVERYONE_GROUP_ID], exclude: [] },
      grantTypes: [...RULE_GRANT_TYPES],
      scopes: ['*'],
      ...ORG_LIFETIMES,
      inlineHookId: null,
      created: EPOCH,
      lastUpdated: EPOCH,
    },
  ],
};

/** The scopes the org server offers one app (none is a default: a request must name its scopes). */
export function orgScopes(grantedOktaScopes: string[]): EvaluationInput['serverScopes'] {
  return [...ORG_OIDC_SCOPES, ...grantedOktaScopes].map((name) => ({ name, isDefault: false }));
}
