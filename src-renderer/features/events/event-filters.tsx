/** The Server, Endpoint and Outcome selects above the event table; each change reloads the list. */
import { useShallow } from 'zustand/react/shallow';
import { selectServers } from '../../state/servers-slice.js';
import type { EventLogFilter } from '../../state/events-slice.js';
import { useAppStore } from '../../state/store-context.js';
import { SelectField } from '../../ui/field.js';
import type { SelectOption } from '../../ui/field.js';

/** The protocol endpoints that record events (each answers through `http/oauth/protocol-endpoint.ts`). */
const ENDPOINTS = ['authorize', 'token', 'introspect', 'revoke', 'userinfo', 'logout', 'device/authorize', 'device'];

const ANY: SelectOption = { value: '', label: 'All' };
const ENDPOINT_OPTIONS = [ANY, ...ENDPOINTS.map((e) => ({ value: e, label: e }))];
const OUTCOME_OPTIONS = [ANY, { value: 'success', label: 'Success' }, { value: 'failure', label: 'Failure' }];

export function EventFilters() {
  const filter = useAppStore((s) => s.eventFilter);
  const setEventFilter = useAppStore((s) => s.setEventFilter);
  const servers = useAppStore(useShallow(selectServers));
  const serverOptions = [ANY, ...servers.map((s) => ({ value: s.id, label: s.name }))];
  const change = (field: keyof EventLogFilter) => (e: { target: { value: string } }) =>
    void setEventFilter({ [field]: e.target.value });
  return (
    <div className="event-filters">
      <SelectField label="Server" options={serverOptions} value={filter.serverId} onChange={change('serverId')} />
      <SelectField label="Endpoint" options={ENDPOINT_OPTIONS} value={filter.endpoint} onChange={change('endpoint')} />
      <SelectField label="Outcome" options={OUTCOME_OPTIONS} value={filter.outcome} onChange={change('outcome')} />
    </div>
  );
}
