/** One application: its name, type and status, Activate / Deactivate / Delete, and its tabs (General, Assignments, Okta API Scopes). */
import { Tabs } from '../../ui/tabs.js';
import type { AppDto } from '../../../src-main/contracts/app.js';
import { hrefOf } from '../../app/routes.js';
import type { AppTab } from '../../app/routes.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Loading } from '../../ui/loading.js';
import { StatusBadge } from '../../ui/status-badge.js';
import { AppAssignmentsTab } from './app-assignments.js';
import { AppGeneral } from './app-general.js';
import { AppOktaScopesTab } from './app-okta-scopes.js';
import { AppLifecycle } from './app-lifecycle.js';
import { APP_TYPE_WORDS } from './app-words.js';
import { useApp } from './use-apps.js';

const TABS: { tab: AppTab; label: string }[] = [
  { tab: 'general', label: 'General' },
  { tab: 'assignments', label: 'Assignments' },
  { tab: 'okta-api-scopes', label: 'Okta API Scopes' },
];

export function AppPage({ id, tab }: { id: string; tab: AppTab }) {
  const { app, load, retry } = useApp(id);
  return (
    <section className="page">
      <a className="back-link" href={hrefOf({ page: 'apps' })}>
        ← Applications
      </a>
      {app ? (
        <AppView app={app} tab={tab} />
      ) : load.status === 'error' ? (
        <ErrorBanner title="Could not load this application." onRetry={retry}>
          {load.error.summary}
        </ErrorBanner>
      ) : (
        <Loading label="Loading application…" />
      )}
    </section>
  );
}

function AppView({ app, tab }: { app: AppDto; tab: AppTab }) {
  return (
    <>
      <header className="page__header">
        <div>
          <h1>
            {app.label} <StatusBadge status={app.status} />
          </h1>
          <p className="page__lede">{APP_TYPE_WORDS[app.settings.oauthClient.application_type]}</p>
        </div>
        <AppLifecycle app={app} />
      </header>
      <Tabs
        label="Application sections"
        tabs={TABS}
        current={tab}
        href={(t) => hrefOf({ page: 'app', id: app.id, tab: t })}
      >
        {tab === 'general' && <AppGeneral key={app.id} app={app} />}
        {tab === 'assignments' && <AppAssignmentsTab app={app} />}
        {tab === 'okta-api-scopes' && <AppOktaScopesTab app={app} />}
      </Tabs>
    </>
  );
}
