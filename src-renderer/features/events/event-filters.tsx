/**
 * The filters above the event table — Server, App, User, Endpoint, Outcome and a search by token
 * `jti` — kept in the address (`#/events?endpoint=token&jti=…`), so reload and Back show the same list.
 * Apps and users are offered by name, as the events seen so far name them.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EVENT_ENDPOINTS } from '../../../src-main/contracts/events.js';
import type { ProtocolEventDto } from '../../api/event-dto.js';
import { hrefOf } from '../../app/routes.js';
import { isFiltered, routeOfFilter } from '../../state/events-slice.js';
import type { EventLogFilter } from '../../state/events-slice.js';
import { selectServers } from '../../state/servers-slice.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { SelectField, TextField } from '../../ui/field.js';
import type { SelectOption } from '../../ui/field.js';

const ANY: SelectOption = { value: '', label: 'All' };
const ENDPOINT_OPTIONS = [ANY, ...EVENT_ENDPOINTS.map((e) => ({ value: e, label: e }))];
const OUTCOME_OPTIONS = [ANY, { value: 'success', label: 'Success' }, { value: 'failure', label: 'Failure' }];

/** "All", then each id the events name with its name (the id itself when the name is gone), and `current`. */
function optionsOf(
  events: Record<string, ProtocolEventDto>,
  idOf: (e: ProtocolEventDto) => string | null,
  nameOf: (e: ProtocolEventDto) => string | null,
  current: string,
): SelectOption[] {
  const names = new Map<string, string>();
  for (const event of Object.values(events)) {
    const id = idOf(event);
    if (id !== null && !names.get(id)) names.set(id, nameOf(event) ?? id);
  }
  if (current && !names.has(current)) names.set(current, current);
  const options = [...names].map(([value, label]) => ({ value, label }));
  return [ANY, ...options.sort((a, b) => a.label.localeCompare(b.label))];
}

/** Shows the Event Log for `filter`, keeping the open event. */
function go(selectedId: string | null, filter: EventLogFilter): void {
  window.location.hash = hrefOf({ page: 'events', id: selectedId, filter: routeOfFilter(filter) });
}

export function EventFilters({ selectedId }: { selectedId: string | null }) {
  const filter = useAppStore((s) => s.eventFilter);
  const events = useAppStore((s) => s.eventsById);
  const servers = useAppStore(useShallow(selectServers));
  const serverOptions = [ANY, ...servers.map((s) => ({ value: s.id, label: s.name }))];
  const appOptions = useMemo(
    () =>
      optionsOf(
        events,
        (e) => e.clientId,
        (e) => e.appName,
        filter.clientId,
      ),
    [events, filter.clientId],
  );
  const userOptions = useMemo(
    () =>
      optionsOf(
        events,
        (e) => e.userId,
        (e) => e.userLogin,
        filter.userId,
      ),
    [events, filter.userId],
  );
  const change = (field: keyof EventLogFilter) => (e: { target: { value: string } }) =>
    go(selectedId, { ...filter, [field]: e.target.value });
  return (
    <div className="event-filters">
      <SelectField label="Server" options={serverOptions} value={filter.serverId} onChange={change('serverId')} />
      <SelectField label="App" options={appOptions} value={filter.clientId} onChange={change('clientId')} />
      <SelectField label="User" options={userOptions} value={filter.userId} onChange={change('userId')} />
      <SelectField label="Endpoint" options={ENDPOINT_OPTIONS} value={filter.endpoint} onChange={change('endpoint')} />
      <SelectField label="Outcome" options={OUTCOME_OPTIONS} value={filter.outcome} onChange={change('outcome')} />
      {/* Keyed by the address's jti, so Back or a cleared filter shows what the list is searched by. */}
      <JtiSearch key={filter.jti} jti={filter.jti} onSearch={(jti) => go(selectedId, { ...filter, jti })} />
      {isFiltered(filter) && (
        <a className="button button--ghost event-filters__clear" href={hrefOf({ page: 'events', id: selectedId })}>
          Clear filters
        </a>
      )}
    </div>
  );
}

/** The search by token `jti`: the events that issued or presented that JWT. */
function JtiSearch({ jti, onSearch }: { jti: string; onSearch(jti: string): void }) {
  const [typed, setTyped] = useState(jti);
  return (
    <form
      className="event-filters__search"
      role="search"
      aria-label="Search by token jti"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(typed.trim());
      }}
    >
      <TextField
        label="Token jti"
        className="mono"
        value={typed}
        placeholder="AT.… or ID.…"
        onChange={(e) => setTyped(e.target.value)}
      />
      <Button type="submit">Search</Button>
    </form>
  );
}
