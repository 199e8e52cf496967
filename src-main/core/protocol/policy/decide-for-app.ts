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

export type Granted = Extract<EvaluationResult, { ok: true }>;

/** The `scope` parameter split on spaces (RFC 6749 §3.3); null when the request sent none. */
export function requestedScopes(scope: string | undefined): string[] | null {
  return scope === undefined ? null : scope.split(' ').filter((name) => name !== '');
}

export type PolicyDeps = Pick<TokenGrantDeps, 'users' | 'policies' | 'scopes'>;

/** The evaluation for one server, client, grant type, user and `scope` parameter. */
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
    user: user ? { id: user.id, groupIds: deps.users.groupsOf(user.id).map((g) => g.id) } : null,
    requestedScopes: requestedScopes(scope),
    policies: deps.policies.policiesForEvaluation(serverId),
    serverScopes: deps.scopes.listByServer(serverId).map((s) => ({ name: s.name, isDefault: s.isDefault })),
  });
}
