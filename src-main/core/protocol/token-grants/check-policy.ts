/**
 * The token request's policy step: the access policies decide the scopes and lifetimes
 * (`policy/decide.ts`), or the request fails with the decision's error. The decision trace is kept for the
 * event log whatever the outcome.
 */
import type { AppRecord } from '../../ports/apps.js';
import { decideForApp } from '../policy/decide-for-app.js';
import type { Granted } from '../policy/decide-for-app.js';
import type { GrantSubject, TokenGrantDeps, TokenProgress, TokenRequest } from './types.js';

export function checkPolicy(
  deps: TokenGrantDeps,
  request: TokenRequest,
  client: AppRecord,
  grantType: string,
  subject: GrantSubject,
  progress: TokenProgress,
): Granted {
  const result = decideForApp(deps, request.server.id, client, grantType, subject.user, request.params['scope']);
  progress.trace = result.trace;
  if (!result.ok) throw result.error;
  return result;
}
