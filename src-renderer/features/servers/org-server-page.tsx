/**
 * The org authorization server's page (Okta "Authorization servers": org vs custom): its read-only
 * Settings (issuer, scopes, keys) and the same Token Preview as a custom server, run with the org
 * server's own rules (assignment required, no access policies, no custom claims). It has no Access
 * Policies, Scopes or Claims tabs: Okta's org server has none to edit.
 */
import { hrefOf } from '../../app/routes.js';
import type { ServerTab } from '../../app/routes.js';
import { ORG_SERVER_ID } from '../../../src-main/contracts/authorization-server.js';
import { LoadGate } from '../../ui/load-gate.js';
import { Tabs } from '../../ui/tabs.js';
import { TokenPreview } from '../preview/token-preview.js';
import { OrgServerDetails } from './org-server-details.js';
import { useOrgServer } from './use-org-server.js';

type OrgTab = Extract<ServerTab, 'settings' | 'token-preview'>;

const TABS: { tab: OrgTab; label: string }[] = [
  { tab: 'settings', label: 'Settings' },
  { tab: 'token-preview', label: 'Token Preview' },
];

export function OrgServerPage({ tab }: { tab: ServerTab }) {
  const { org, load, retry } = useOrgServer();
  const current: OrgTab = tab === 'token-preview' ? 'token-preview' : 'settings';
  return (
    <section className="page">
      <a className="back-link" href={hrefOf({ page: 'servers' })}>
        ← Authorization Servers
      </a>
      <header className="page__header">
        <div>
          <h1>Org Authorization Server</h1>
          <p className="page__lede mono">{ORG_SERVER_ID}</p>
        </div>
      </header>
      <LoadGate load={load} empty={org === null} what="org authorization server" onRetry={retry}>
        {org && (
          <Tabs
            label="Authorization server sections"
            tabs={TABS}
            current={current}
            href={(t) => hrefOf({ page: 'server', id: ORG_SERVER_ID, tab: t })}
          >
            {current === 'settings' && (
              <section className="card" aria-label="Org authorization server settings">
                <p className="field__hint">
                  Read-only: the org authorization server has no access policies, no custom scopes and no custom claims.
                </p>
                <OrgServerDetails org={org} />
              </section>
            )}
            {current === 'token-preview' && <TokenPreview server={org.server} />}
          </Tabs>
        )}
      </LoadGate>
    </section>
  );
}
