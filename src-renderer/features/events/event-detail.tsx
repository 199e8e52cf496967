/**
 * One event: what was asked and what happened, the OAuth error the client saw, the private reason
 * behind it, and how the policies decided.
 */
import type { ProtocolEventDto } from '../../api/event-dto.js';
import { hrefOf } from '../../app/routes.js';
import { DecisionTrace } from './decision-trace.js';
import { EventTime } from './event-time.js';
import { OAuthErrorFacts } from './oauth-error-facts.js';
import { OutcomeBadge } from './outcome-badge.js';

export function EventDetail({ event }: { event: ProtocolEventDto }) {
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
          href={hrefOf({ page: 'events', id: null })}
          aria-label="Close event details"
        >
          Close
        </a>
      </div>
      <EventFacts event={event} />
      {event.outcome === 'failure' && (
        <OAuthErrorFacts error={event.error} description={event.errorDescription} detail={event.detail} />
      )}
      <h3>Decision trace</h3>
      {event.trace ? (
        <DecisionTrace trace={event.trace} />
      ) : (
        <p className="empty">This request ended before any policy was evaluated.</p>
      )}
    </section>
  );
}

function EventFacts({ event }: { event: ProtocolEventDto }) {
  return (
    <dl className="trace-facts">
      <dt>Server</dt>
      <dd className="mono">{event.serverId ?? '—'}</dd>
      <dt>Client</dt>
      <dd className="mono">{event.clientId ?? '—'}</dd>
      <dt>User</dt>
      <dd className="mono">{event.userId ?? '—'}</dd>
      <dt>Grant type</dt>
      <dd>{event.grantType ?? '—'}</dd>
    </dl>
  );
}
