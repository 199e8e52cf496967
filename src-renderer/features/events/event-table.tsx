/**
 * The events, newest first: Time (opens the event), Endpoint, App, User and Outcome; Server and
 * Grant type too while no event is open, so the columns stay readable beside an open event at 1280 px.
 */
import type { ProtocolEventDto } from '../../api/event-dto.js';
import { hrefOf } from '../../app/routes.js';
import type { EventRouteFilter } from '../../app/routes.js';
import { useAppStore } from '../../state/store-context.js';
import { EventTime } from './event-time.js';
import { OutcomeBadge } from './outcome-badge.js';

interface EventTableProps {
  events: ProtocolEventDto[];
  selectedId: string | null;
  filter?: EventRouteFilter;
}

export function EventTable({ events, selectedId, filter }: EventTableProps) {
  const wide = selectedId === null;
  return (
    <div className="table-scroll">
      <table className="table table--compact event-table" aria-label="Events">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Endpoint</th>
            {wide && <th scope="col">Server</th>}
            <th scope="col">App</th>
            <th scope="col">User</th>
            {wide && <th scope="col">Grant type</th>}
            <th scope="col" className="shrink">
              Outcome
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <EventRow key={event.id} event={event} selected={event.id === selectedId} wide={wide} filter={filter} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface EventRowProps {
  event: ProtocolEventDto;
  selected: boolean;
  wide: boolean;
  filter: EventRouteFilter | undefined;
}

function EventRow({ event, selected, wide, filter }: EventRowProps) {
  const serverName = useAppStore((s) => (event.serverId === null ? undefined : s.serversById[event.serverId]?.name));
  return (
    <tr className={selected ? 'is-selected' : undefined} aria-current={selected || undefined}>
      <td className="nowrap">
        <a
          className="table__primary"
          href={hrefOf({ page: 'events', id: event.id, filter })}
          aria-label={`Open ${event.endpoint} event ${event.id}`}
        >
          <EventTime iso={event.time} />
        </a>
      </td>
      <td className="nowrap">{event.endpoint}</td>
      {wide && <td>{serverName ?? event.serverId ?? '—'}</td>}
      <td className="event-table__name" title={event.clientId ?? undefined}>
        {event.appName ?? <span className="mono">{event.clientId ?? '—'}</span>}
      </td>
      <td className="event-table__name" title={event.userId ?? undefined}>
        {event.userLogin ?? <span className="mono">{event.userId ?? '—'}</span>}
      </td>
      {wide && <td>{event.grantType ?? '—'}</td>}
      <td className="shrink">
        <OutcomeBadge outcome={event.outcome} />
      </td>
    </tr>
  );
}
