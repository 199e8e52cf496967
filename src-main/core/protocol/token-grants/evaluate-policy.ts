/**
 * Evaluates the server's access policies for the request (reference §1.4, §5): the first ACTIVE
 * policy naming the client, its first matching rule, the scopes granted and the token lifetimes.
 * The decision trace is kept for the event log whatever the outcome.
 */
import type { AppRecord } from '../../ports/apps.js';
import type { UserRecord } from '../../ports/users.js';
import { evaluatePolicies } from '../evaluate.js';
import type { EvaluationResult } from '../policy-evaluation.js';
import type { GrantSubject, TokenGrantDeps, TokenProgress, TokenRequest } from './types.js';

export type Granted = Extract<EvaluationResult, { ok: true }>;

/** The `scope` parameter split on spaces (RFC 6749 §3.3); null when the request sent none. */
export function requestedScopes(scope: string | undefined): string[] | null {
  return scope === undefined ? null : scope.split(' ').filter((name) => name !== '');
}

export type PolicyDeps = Pick<TokenGrantDeps, 'users' | 'policies' | 'scopes'>;

/** The evaluation for one server, client, grant type, user and `scope` parameter; /authorize calls it too. */
export function evaluateFor(
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

export function evaluatePolicy(
  deps: TokenGrantDeps,
  request: TokenRequest,
  client: AppRecord,
  grantType: string,
  subject: GrantSubject,
  progress: TokenProgress,
): Granted {
  const result = evaluateFor(deps, request.server.id, client, grantType, subject.user, request.params['scope']);
  progress.trace = result.trace;
  if (!result.ok) throw result.error;
  return result;
}
