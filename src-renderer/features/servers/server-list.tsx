/** The table of authorization servers: Name, Audience, Issuer URI, Status (Okta's columns). */
import type { AuthorizationServerDto } from '../../../src-main/contracts/index.js';
import { hrefOf } from '../../app/routes.js';
import { ListTable } from '../../ui/list-table.js';
import type { ListColumn } from '../../ui/list-table.js';
import { StatusBadge } from '../../ui/status-badge.js';
import { useServerList } from './use-servers.js';

const COLUMNS: ListColumn<AuthorizationServerDto>[] = [
  { header: 'Audience', className: 'mono', cell: (server) => server.audiences.join(', ') },
  { header: 'Issuer URI', className: 'mono nowrap', cell: (server) => server.issuer },
  { header: 'Status', shrink: true, cell: (server) => <StatusBadge status={server.status} /> },
];

export function ServerList() {
  const { load, servers, retry } = useServerList();
  return (
    <ListTable
      label="Authorization Servers"
      what="authorization servers"
      load={load}
      onRetry={retry}
      rows={servers}
      nothingYet
      empty={<p className="empty">No authorization servers yet. Add one to mint tokens.</p>}
      name={{
        header: 'Name',
        href: (server) => hrefOf({ page: 'server', id: server.id, tab: 'settings' }),
        text: (server) => server.name,
        secondary: (server) => server.description,
      }}
      columns={COLUMNS}
    />
  );
}
