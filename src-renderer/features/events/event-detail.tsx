/**
 * One event: what was asked and what happened, the OAuth error the client saw, the private reason
 * behind it; the exchange as it went over the wire beside how the policies decided; and links to
 * the Flow Runner run that sent it and to the event whose decision it redeemed.
 */
import type { ProtocolEventDto } from '../../api/event-dto.js';
import type { RedeemedDecision } from '../../../src-main/contracts/trace.js';
import { hrefOf } from '../../app/routes.js';
import type { EventRouteFilter } from '../../app/routes.js';
import { useAppStore } from '../../state/store-context.js';
import { DecisionTrace } from './decision-trace.js';
import { EventExchangeView } from './event-exchange.js';
import { EventTime } from './event-time.js';
import { minutes } from './lifetime-trace.js';
import { OAuthErrorFacts } from './oauth-error-facts.js';
import { OutcomeBadge } from './outcome-badge.js';

export function EventDetail({ event, filter }: { event: ProtocolEventDto; filter?: EventRouteFilter }) {
  return (
    <section className="card event-detail" aria-label="Event details">
      <div className="card__header">
        <div>
          <h2>
            {event.endpoint} <OutcomeBadge outcome={event.outcome} />
          </h2>
          <p className="card__lede">
            <EventTime iso={event.time} withDate /> · <span className="mono">{event.id}</span>
          </p>
        </div>
        <a
          className="button button--ghost"
          href={hrefOf({ page: 'events', id: null, filter })}
          aria-label="Close event details"
        >
          Close
        </a>
      </div>
      <EventFacts event={event} />
      {event.outcome === 'failure' && (
        <OAuthErrorFacts error={event.error} description={event.errorDescription} detail={event.detail} />
      )}
      <div className="event-detail__body">
        <div>
          <h3>Exchange</h3>
          {event.exchange ? (
            <EventExchangeView eventId={event.id} exchange={event.exchange} />
          ) : (
            <p className="empty">This event was recorded before exchanges were kept.</p>
          )}
        </div>
        <div>
          <h3>Decision trace</h3>
          {event.trace?.redeemed && <RedeemedFacts redeemed={event.trace.redeemed} />}
          {event.trace ? (
            <DecisionTrace trace={event.trace} />
          ) : (
            <p className="empty">This request ended before any policy was evaluated.</p>
          )}
        </div>
      </div>
    </section>
  );
}

/** A name with its id under it, or the id alone once the app or user is gone. */
function Named({ name, id }: { name: string | null | undefined; id: string | null }) {
  if (id === null) return <>—</>;
  if (!name) return <span className="mono">{id}</span>;
  return (
    <>
      {name} <span className="table__secondary mono">{id}</span>
    </>
  );
}

function EventFacts({ event }: { event: ProtocolEventDto }) {
  const serverName = useAppStore((s) => (event.serverId === null ? undefined : s.serversById[event.serverId]?.name));
  return (
    <dl className="trace-facts">
      <dt>Server</dt>
      <dd>
        <Named name={serverName} id={event.serverId} />
      </dd>
      <dt>App</dt>
      <dd>
        <Named name={event.appName} id={event.clientId} />
      </dd>
      <dt>User</dt>
      <dd>
        <Named name={event.userLogin} id={event.userId} />
      </dd>
      <dt>Grant type</dt>
      <dd>{event.grantType ?? '—'}</dd>
      {event.runId && (
        <>
          <dt>Sent by</dt>
          <dd>
            <a href={hrefOf({ page: 'flow-runner', runId: event.runId })}>Flow Runner run {event.runId}</a>
          </dd>
        </>
      )}
    </dl>
  );
}

/** A code exchange, a refresh or a device code evaluates no policy: the decision it redeemed, and where it was made. */
function RedeemedFacts({ redeemed }: { redeemed: RedeemedDecision }) {
  return (
    <dl className="trace-facts event-redeemed" aria-label="Redeemed decision">
      <dt>Redeemed</dt>
      <dd>
        {redeemed.eventId ? (
          <a href={hrefOf({ page: 'events', id: redeemed.eventId })}>
            the decision of {redeemed.endpoint ?? 'its'} event {redeemed.eventId}
          </a>
        ) : (
          <>the decision of token family {redeemed.familyId} (no longer in the event log)</>
        )}
      </dd>
      <dt>Scopes</dt>
      <dd className="mono">{redeemed.scopes.join(' ') || '—'}</dd>
      <dt>Access token</dt>
      <dd>{minutes(redeemed.lifetimes.accessToken)}</dd>
    </dl>
  );
}
