/** The table of applications: Name, Type, Client ID, Status; filtered by the search above it. */
import type { AppDto } from '../../../src-main/contracts/app.js';
import { hrefOf } from '../../app/routes.js';
import { matchesAppSearch } from '../../state/apps-slice.js';
import { ListTable } from '../../ui/list-table.js';
import type { ListColumn } from '../../ui/list-table.js';
import { StatusBadge } from '../../ui/status-badge.js';
import { APP_TYPE_WORDS } from './app-words.js';
import { useAppList } from './use-apps.js';

const COLUMNS: ListColumn<AppDto>[] = [
  { header: 'Type', cell: (app) => APP_TYPE_WORDS[app.settings.oauthClient.application_type] },
  { header: 'Client ID', className: 'mono', cell: (app) => app.credentials.oauthClient.client_id },
  { header: 'Status', shrink: true, cell: (app) => <StatusBadge status={app.status} /> },
];

export function AppList({ search }: { search: string }) {
  const { load, apps, retry } = useAppList();
  return (
    <ListTable
      label="Applications"
      what="applications"
      load={load}
      onRetry={retry}
      rows={apps.filter((app) => matchesAppSearch(app, search))}
      nothingYet={apps.length === 0}
      empty={<p className="empty">No applications yet — Create App Integration to register a client.</p>}
      noMatch={<p className="empty">No application matches “{search.trim()}”.</p>}
      name={{
        header: 'Name',
        href: (app) => hrefOf({ page: 'app', id: app.id, tab: 'general' }),
        text: (app) => app.label,
      }}
      columns={COLUMNS}
    />
  );
}
