/**
 * One authorization server: its name and status, and its tabs in Okta's order (Settings, Access
 * Policies, Scopes, Claims, Token Preview); the org server's reserved id opens its own page.
 */
import { Tabs } from '../../ui/tabs.js';
import type { AuthorizationServerDto } from '../../../src-main/contracts/index.js';
import { hrefOf } from '../../app/routes.js';
import type { ServerTab } from '../../app/routes.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { ClaimsTab } from '../claims/claims-tab.js';
import { AccessPoliciesTab } from '../policies/policies-tab.js';
import { ScopesTab } from '../scopes/scopes-tab.js';
import { TokenPreview } from '../preview/token-preview.js';
import { Loading } from '../../ui/loading.js';
import { StatusBadge } from '../../ui/status-badge.js';
import { LifecycleButton } from './lifecycle-button.js';
import { ServerSettings } from './server-settings.js';
import { useServer } from './use-servers.js';
import { ORG_SERVER_ID } from '../../../src-main/contracts/authorization-server.js';
import { OrgServerPage } from './org-server-page.js';

const TABS: { tab: ServerTab; label: string }[] = [
  { tab: 'settings', label: 'Settings' },
  { tab: 'access-policies', label: 'Access Policies' },
  { tab: 'scopes', label: 'Scopes' },
  { tab: 'claims', label: 'Claims' },
  { tab: 'token-preview', label: 'Token Preview' },
];

export function ServerPage(props: { id: string; tab: ServerTab; policyId?: string | undefined }) {
  return props.id === ORG_SERVER_ID ? <OrgServerPage tab={props.tab} /> : <CustomServerPage {...props} />;
}

function CustomServerPage({ id, tab, policyId }: { id: string; tab: ServerTab; policyId?: string | undefined }) {
  const { server, load, retry } = useServer(id);
  return (
    <section className="page">
      <a className="back-link" href={hrefOf({ page: 'servers' })}>
        ← Authorization Servers
      </a>
      {server ? (
        <ServerView server={server} tab={tab} policyId={policyId} />
      ) : load.status === 'error' ? (
        <ErrorBanner title="Could not load this authorization server." onRetry={retry}>
          {load.error.summary}
        </ErrorBanner>
      ) : (
        <Loading label="Loading authorization server…" />
      )}
    </section>
  );
}

function ServerView({
  server,
  tab,
  policyId,
}: {
  server: AuthorizationServerDto;
  tab: ServerTab;
  policyId: string | undefined;
}) {
  return (
    <>
      <header className="page__header">
        <div>
          <h1>
            {server.name} <StatusBadge status={server.status} />
          </h1>
          <p className="page__lede mono">{server.id}</p>
        </div>
        <LifecycleButton server={server} />
      </header>
      <Tabs
        label="Authorization server sections"
        tabs={TABS}
        current={tab}
        href={(t) => hrefOf({ page: 'server', id: server.id, tab: t })}
      >
        {tab === 'settings' && <ServerSettings server={server} />}
        {tab === 'access-policies' && <AccessPoliciesTab server={server} policyId={policyId} />}
        {tab === 'scopes' && <ScopesTab server={server} />}
        {tab === 'claims' && <ClaimsTab server={server} />}
        {tab === 'token-preview' && <TokenPreview server={server} />}
      </Tabs>
    </>
  );
}
