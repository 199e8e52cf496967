/** What an authorize, sign-in or consent request's event says: the client, the user, the response type and the decision trace. */
import type { AuthorizeProgress } from '../../core/protocol/authorize/types.js';
import type { EventDraft } from './protocol-endpoint.js';

/** Fills the event from what the core steps learnt, or else from the request's own parameters. */
export function describeAuthorize(
  event: EventDraft,
  progress: AuthorizeProgress,
  params: Record<string, string>,
): void {
  event.clientId = progress.client?.clientId ?? params['client_id'] ?? null;
  event.userId = progress.user?.id ?? null;
  event.grantType = progress.responseType ?? params['response_type'] ?? null;
  event.trace = progress.trace ?? null;
  event.familyId = progress.familyId;
}
