/** The table of applications: Name, Type, Client ID, Status; filtered by the search above it. */
import type { AppDto } from '../../../src-main/contracts/app.js';
import { hrefOf } from '../../app/routes.js';
import { matchesAppSearch } from '../../state/apps-slice.js';
import { LoadGate } from '../../ui/load-gate.js';
import { StatusBadge } from '../../ui/status-badge.js';
import { APP_TYPE_WORDS } from './app-words.js';
import { useAppList } from './use-apps.js';

export function AppList({ search }: { search: string }) {
  const { load, apps, retry } = useAppList();
  const shown = apps.filter((app) => matchesAppSearch(app, search));
  return (
    <LoadGate load={load} empty={apps.length === 0} what="applications" onRetry={retry}>
      {apps.length === 0 ? (
        <p className="empty">No applications yet — Create App Integration to register a client.</p>
      ) : shown.length === 0 ? (
        <p className="empty">No application matches “{search.trim()}”.</p>
      ) : (
        <AppTable apps={shown} />
      )}
    </LoadGate>
  );
}

function AppTable({ apps }: { apps: AppDto[] }) {
  return (
    <table className="table" aria-label="Applications">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Client ID</th>
          <th scope="col" className="shrink">
            Status
          </th>
        </tr>
      </thead>
      <tbody>
        {apps.map((app) => (
          <tr key={app.id}>
            <td>
              <a className="table__primary" href={hrefOf({ page: 'app', id: app.id, tab: 'general' })}>
                {app.label}
              </a>
            </td>
            <td>{APP_TYPE_WORDS[app.settings.oauthClient.application_type]}</td>
            <td className="mono">{app.credentials.oauthClient.client_id}</td>
            <td className="shrink">
              <StatusBadge status={app.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
