/**
 * Evaluates the server's access policies for one app's request, reading the user's groups, the
 * policies and the server's scopes from the ports (the rules Okta follows are in `decide.ts`). The
 * token, authorize and device endpoints and the previews all call it.
 */
import type { AppRecord } from '../../ports/apps.js';
import type { UserRecord } from '../../ports/users.js';
import type { TokenGrantDeps } from '../token-grants/types.js';
import { evaluatePolicies } from './decide.js';
import type { EvaluationResult } from './decision.js';
import { ORG_SERVER_ID } from '../../org-server.js';
import { ORG_POLICY, orgScopes } from './org-decision.js';

/** The org server's one policy, one array for every request: the policy engine keeps its traces per array (`PolicyTraceCache`). */
const ORG_POLICIES = [ORG_POLICY];

export type Granted = Extract<EvaluationResult, { ok: true }>;

/** The `scope` parameter split on spaces (RFC 6749 §3.3); null when the request sent none. */
export function requestedScopes(scope: string | undefined): string[] | null {
  return scope === undefined ? null : scope.split(' ').filter((name) => name !== '');
}

export type PolicyDeps = Pick<TokenGrantDeps, 'users' | 'policies' | 'scopes' | 'appGrants'>;

/** The evaluation for one server, client, grant type, user and `scope` parameter; the org server's is `org-decision.ts`. */
export function decideForApp(
  deps: PolicyDeps,
  serverId: string,
  client: AppRecord,
  grantType: string,
  user: UserRecord | null,
  scope: string | undefined,
): EvaluationResult {
  return evaluatePolicies({
    grantType,
    clientId: client.clientId,
    user: user ? { id: user.id, groupIds: deps.users.groupsOfUser(user).map((g) => g.id) } : null,
    requestedScopes: requestedScopes(scope),
    policies: serverId === ORG_SERVER_ID ? ORG_POLICIES : deps.policies.policiesForEvaluation(serverId),
    serverScopes: offeredScopes(deps, serverId, client),
    ...(deps.policies.traces ? { traces: deps.policies.traces } : {}),
  });
}

/** The scopes a server offers the app: a custom server's own, the org server's OIDC and granted Okta API scopes. */
export function offeredScopes(
  deps: Pick<PolicyDeps, 'scopes' | 'appGrants'>,
  serverId: string,
  client: AppRecord,
): { name: string; isDefault: boolean }[] {
  if (serverId === ORG_SERVER_ID) return orgScopes(deps.appGrants.grantedScopes(client.id));
  return deps.scopes.listByServer(serverId).map((s) => ({ name: s.name, isDefault: s.isDefault }));
}
