/** The Event Log screen: filters, the live indicator, the events table and the opened event. */
import type { EventRouteFilter } from '../../app/routes.js';
import { isFiltered } from '../../state/events-slice.js';
import { useAppStore } from '../../state/store-context.js';
import { useServerList } from '../servers/use-servers.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { LoadGate } from '../../ui/load-gate.js';
import { Loading } from '../../ui/loading.js';
import { EventDetail } from './event-detail.js';
import { EventFilters } from './event-filters.js';
import { EventTable } from './event-table.js';
import { LiveIndicator } from './live-indicator.js';
import { useEventList, useLiveEvents, useSelectedEvent } from './use-event-log.js';

export function EventLog({ selectedId, filter }: { selectedId: string | null; filter?: EventRouteFilter }) {
  useServerList(); // the Server filter and column show names
  const stream = useLiveEvents();
  return (
    <section className="page" aria-labelledby="events-title">
      <header className="page__header">
        <div>
          <h1 id="events-title">Event Log</h1>
          <p className="page__lede">
            Every protocol request: the exchange as it went over the wire, and how the access policies decided it.
          </p>
        </div>
        <LiveIndicator state={stream} />
      </header>
      <EventFilters selectedId={selectedId} />
      <div className={selectedId ? 'event-log event-log--with-detail' : 'event-log'}>
        <EventList selectedId={selectedId} filter={filter} />
        {selectedId && <SelectedEvent id={selectedId} filter={filter} />}
      </div>
    </section>
  );
}

function EventList({ selectedId, filter }: { selectedId: string | null; filter: EventRouteFilter | undefined }) {
  const { load, events, retry } = useEventList(filter);
  const filtered = useAppStore((s) => isFiltered(s.eventFilter));
  return (
    <LoadGate load={load} empty={events.length === 0} what="events" onRetry={retry}>
      {events.length > 0 ? (
        <EventTable events={events} selectedId={selectedId} filter={filter} />
      ) : filtered ? (
        <p className="empty">No events match these filters.</p>
      ) : (
        <p className="empty">No protocol requests yet. Request a token to see how the policies decided.</p>
      )}
    </LoadGate>
  );
}

function SelectedEvent({ id, filter }: { id: string; filter: EventRouteFilter | undefined }) {
  const { event, load, retry } = useSelectedEvent(id);
  if (event) return <EventDetail event={event} filter={filter} />;
  if (load.status === 'error') {
    return (
      <ErrorBanner title="Could not load this event." onRetry={retry}>
        {load.error.summary}
      </ErrorBanner>
    );
  }
  return <Loading label="Loading event…" />;
}
