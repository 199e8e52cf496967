/** One event per authorize, sign-in or consent request (issue 4 §7), with the private detail and the decision trace. */
import type { AuthorizeProgress } from '../../core/protocol/authorize/types.js';
import type { OAuthError } from '../../core/protocol/oauth-errors.js';
import type { HttpContext } from '../context.js';

export function recordAuthorizeEvent(
  ctx: HttpContext,
  serverId: string,
  progress: AuthorizeProgress,
  error: OAuthError | undefined,
  params: Record<string, string> = {},
  note?: string,
): void {
  ctx.services.events.record({
    endpoint: 'authorize',
    serverId,
    clientId: progress.client?.clientId ?? params['client_id'] ?? null,
    userId: progress.user?.id ?? null,
    grantType: progress.responseType ?? params['response_type'] ?? null,
    outcome: error ? 'failure' : 'success',
    error: error?.error ?? null,
    errorDescription: error?.description ?? null,
    detail: error?.detail ?? note ?? null,
    trace: progress.trace ?? null,
  });
}
