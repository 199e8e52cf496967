/**
 * The org authorization server on the Authorization Servers screen (Okta "Authorization servers":
 * every org has one; its issuer is the org URL). Read-only, as in Okta: its settings, its signing
 * keys and the scopes it offers. The Authorization Servers API does not list it.
 */
import { useEffect } from 'react';
import { useAppStore, useStoreApi } from '../../state/store-context.js';
import { LoadGate } from '../../ui/load-gate.js';

export function OrgServerCard() {
  const store = useStoreApi();
  const org = useAppStore((s) => s.orgServer);
  const load = useAppStore((s) => s.orgServerLoad);
  const token = useAppStore((s) => s.token);
  useEffect(() => void store.getState().loadOrgServer(), [store, token]);
  const retry = () => void store.getState().loadOrgServer();
  return (
    <section className="card" aria-labelledby="org-server-title">
      <h2 id="org-server-title">Org Authorization Server</h2>
      <LoadGate load={load} empty={org === null} what="org authorization server" onRetry={retry}>
        {org && (
          <>
            <p className="field__hint">
              Signs users in to OIDC apps (standard claims only: no access policies, no custom claims) and issues tokens
              for Okta API scopes granted to apps. Read-only.
            </p>
            <dl className="facts">
              <dt>Issuer</dt>
              <dd className="mono">{org.server.issuer}</dd>
              <dt>Metadata URI</dt>
              <dd className="mono">{`${org.server.issuer}/.well-known/openid-configuration`}</dd>
              <dt>Scopes</dt>
              <dd className="mono">{[...org.scopes.oidc, ...org.scopes.oktaApi].join(' ')}</dd>
            </dl>
            <table className="table" aria-label="Org authorization server keys">
              <thead>
                <tr>
                  <th scope="col">Key ID</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {org.keys.map((key) => (
                  <tr key={key.kid}>
                    <td className="mono">{key.kid}</td>
                    <td>{key.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </LoadGate>
    </section>
  );
}
