/** The events, newest first: Time (opens the event), Endpoint, Server, Client, User, Grant type, Outcome. */
import type { ProtocolEventDto } from '../../api/event-dto.js';
import { hrefOf } from '../../app/routes.js';
import { useAppStore } from '../../state/store-context.js';
import { EventTime } from './event-time.js';
import { OutcomeBadge } from './outcome-badge.js';

export function EventTable({ events, selectedId }: { events: ProtocolEventDto[]; selectedId: string | null }) {
  return (
    <div className="table-scroll">
      <table className="table table--compact event-table" aria-label="Events">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Endpoint</th>
            <th scope="col">Server</th>
            <th scope="col">Client</th>
            <th scope="col">User</th>
            <th scope="col">Grant type</th>
            <th scope="col" className="shrink">
              Outcome
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <EventRow key={event.id} event={event} selected={event.id === selectedId} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EventRow({ event, selected }: { event: ProtocolEventDto; selected: boolean }) {
  const serverName = useAppStore((s) => (event.serverId === null ? undefined : s.serversById[event.serverId]?.name));
  return (
    <tr className={selected ? 'is-selected' : undefined} aria-current={selected || undefined}>
      <td className="nowrap">
        <a
          className="table__primary"
          href={hrefOf({ page: 'events', id: event.id })}
          aria-label={`Open ${event.endpoint} event ${event.id}`}
        >
          <EventTime iso={event.time} />
        </a>
      </td>
      <td>{event.endpoint}</td>
      <td>{serverName ?? event.serverId ?? '—'}</td>
      <td className="mono">{event.clientId ?? '—'}</td>
      <td className="mono">{event.userId ?? '—'}</td>
      <td>{event.grantType ?? '—'}</td>
      <td className="shrink">
        <OutcomeBadge outcome={event.outcome} />
      </td>
    </tr>
  );
}
