/**
 * An event as the sandbox API shows it: every field, `time` in ISO 8601, the private `detail`
 * (this API serves the developer and the UI, never an OAuth client), and the app's label and the
 * user's login as they are now, and the Flow Runner run that sent the request.
 */
import type { ProtocolEvent } from '../../core/ports/events.js';
import type { EventExchange, ProtocolEventDto } from '../../contracts/events.js';

/** Looks up the names an event shows next to its ids (undefined once the app or user is gone). */
export interface EventNames {
  appName(clientId: string): string | undefined;
  userLogin(userId: string): string | undefined;
  /** The Flow Runner run that sent the request, while the run is kept. */
  runId(eventId: string): string | undefined;
}

export const NO_NAMES: EventNames = { appName: () => undefined, userLogin: () => undefined, runId: () => undefined };

/** The exchange without the issued JWTs unless `reveal`: a list or the stream never carries them. */
function exchangeOf(exchange: EventExchange | null, reveal: boolean): EventExchange | null {
  if (exchange === null || reveal || exchange.response.tokens === undefined) return exchange;
  const { tokens: _whole, ...response } = exchange.response;
  return { ...exchange, response };
}

export function presentEvent(event: ProtocolEvent, names: EventNames = NO_NAMES, reveal = false): ProtocolEventDto {
  return {
    id: event.id,
    time: event.time.toISOString(),
    endpoint: event.endpoint,
    serverId: event.serverId,
    clientId: event.clientId,
    userId: event.userId,
    grantType: event.grantType,
    outcome: event.outcome,
    error: event.error,
    errorDescription: event.errorDescription,
    detail: event.detail,
    trace: event.trace,
    appName: event.clientId === null ? null : (names.appName(event.clientId) ?? null),
    userLogin: event.userId === null ? null : (names.userLogin(event.userId) ?? null),
    exchange: exchangeOf(event.exchange, reveal),
    jtis: event.jtis,
    familyId: event.familyId,
    runId: names.runId(event.id) ?? null,
  };
}
