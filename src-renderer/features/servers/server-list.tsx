/** The table of authorization servers: Name, Audience, Issuer URI, Status (Okta's columns). */
import type { AuthorizationServerDto } from '../../../src-main/contracts/index.js';
import { hrefOf } from '../../app/routes.js';
import { LoadGate } from '../../ui/load-gate.js';
import { StatusBadge } from '../../ui/status-badge.js';
import { useServerList } from './use-servers.js';

export function ServerList() {
  const { load, servers, retry } = useServerList();
  return (
    <LoadGate load={load} empty={servers.length === 0} what="authorization servers" onRetry={retry}>
      {servers.length === 0 ? (
        <p className="empty">No authorization servers yet. Add one to mint tokens.</p>
      ) : (
        <ServerTable servers={servers} />
      )}
    </LoadGate>
  );
}

function ServerTable({ servers }: { servers: AuthorizationServerDto[] }) {
  return (
    <table className="table" aria-label="Authorization Servers">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Audience</th>
          <th scope="col">Issuer URI</th>
          <th scope="col" className="shrink">
            Status
          </th>
        </tr>
      </thead>
      <tbody>
        {servers.map((server) => (
          <ServerRow key={server.id} server={server} />
        ))}
      </tbody>
    </table>
  );
}

function ServerRow({ server }: { server: AuthorizationServerDto }) {
  return (
    <tr>
      <td>
        <a className="table__primary" href={hrefOf({ page: 'server', id: server.id, tab: 'settings' })}>
          {server.name}
        </a>
        <div className="table__secondary">{server.description}</div>
      </td>
      <td className="mono">{server.audiences.join(', ')}</td>
      <td className="mono nowrap">{server.issuer}</td>
      <td className="shrink">
        <StatusBadge status={server.status} />
      </td>
    </tr>
  );
}
