/**
 * The org authorization server on the Authorization Servers screen (Okta "Authorization servers":
 * every org has one; its issuer is the org URL). Read-only, as in Okta: its settings, its signing
 * keys and the scopes it offers; its page has these and its Token Preview. The Authorization
 * Servers API does not list it.
 */
import { hrefOf } from '../../app/routes.js';
import { ORG_SERVER_ID } from '../../../src-main/contracts/authorization-server.js';
import { LoadGate } from '../../ui/load-gate.js';
import { OrgServerDetails } from './org-server-details.js';
import { useOrgServer } from './use-org-server.js';

export function OrgServerCard() {
  const { org, load, retry } = useOrgServer();
  return (
    <section className="card" aria-labelledby="org-server-title">
      <h2 id="org-server-title">
        <a href={hrefOf({ page: 'server', id: ORG_SERVER_ID, tab: 'settings' })}>Org Authorization Server</a>
      </h2>
      <LoadGate load={load} empty={org === null} what="org authorization server" onRetry={retry}>
        {org && (
          <>
            <p className="field__hint">
              Signs users in to OIDC apps (standard claims only: no access policies, no custom claims) and issues tokens
              for Okta API scopes granted to apps. Read-only.{' '}
              <a href={hrefOf({ page: 'server', id: ORG_SERVER_ID, tab: 'token-preview' })}>Token Preview</a>
            </p>
            <OrgServerDetails org={org} />
          </>
        )}
      </LoadGate>
    </section>
  );
}
