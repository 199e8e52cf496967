/**
 * What the org authorization server shows, read-only as in Okta: its issuer and metadata URI, the
 * scopes it offers and its signing keys. On its card (Authorization Servers screen) and on its
 * page's Settings tab.
 */
import type { OrgServerDto } from '../../../src-main/contracts/app-grant-routes.js';

export function OrgServerDetails({ org }: { org: OrgServerDto }) {
  return (
    <>
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
  );
}
