/**
 * Evaluates the server's access policies for the request (reference §1.4, §5): the first ACTIVE
 * policy naming the client, its first matching rule, the scopes granted and the token lifetimes.
 * The decision trace is kept for the event log whatever the outcome.
 */
import type { AppRecord } from '../../app-records.js';
import { evaluatePolicies } from '../evaluate.js';
import type { EvaluationResult } from '../policy-evaluation.js';
import type { GrantSubject, TokenGrantDeps, TokenProgress, TokenRequest } from './types.js';

export type Granted = Extract<EvaluationResult, { ok: true }>;

/** The `scope` parameter split on spaces (RFC 6749 §3.3); null when the request sent none. */
export function requestedScopes(scope: string | undefined): string[] | null {
  return scope === undefined ? null : scope.split(' ').filter((name) => name !== '');
}

export function evaluatePolicy(deps: TokenGrantDeps, request: TokenRequest, client: AppRecord, grantType: string, subject: GrantSubject, progress: TokenProgress): Granted {
  const { user } = subject;
  const result = evaluatePolicies({
    grantType,
    clientId: client.clientId,
    user: user ? { id: user.id, groupIds: deps.users.groupsOf(user.id).map((g) => g.id) } : null,
    requestedScopes: requestedScopes(request.params['scope']),
    policies: deps.policies.policiesForEvaluation(request.server.id),
    serverScopes: deps.scopes.listByServer(request.server.id).map((s) => ({ name: s.name, isDefault: s.isDefault })),
  });
  progress.trace = result.trace;
  if (!result.ok) throw result.error;
  return result;
}
