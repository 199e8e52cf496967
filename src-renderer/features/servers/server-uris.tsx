/** Issuer URI and Metadata URI, read-only with Copy buttons: what a client app gets configured with. */
import type { AuthorizationServerDto } from '../../../src-main/contracts/index.js';
import { CopyButton } from '../../ui/copy-button.js';
import { TextField } from '../../ui/field.js';

/** OIDC Discovery 1.0 §4: the metadata lives under the issuer. */
export const metadataUriOf = (issuer: string) => `${issuer}/.well-known/openid-configuration`;

export function ServerUris({ server }: { server: AuthorizationServerDto }) {
  const metadata = metadataUriOf(server.issuer);
  return (
    <div className="uris">
      <div className="copy-field">
        <TextField label="Issuer URI" value={server.issuer} readOnly />
        <CopyButton text={server.issuer} label="Copy issuer URI" />
      </div>
      <div className="copy-field">
        <TextField label="Metadata URI" value={metadata} readOnly />
        <CopyButton text={metadata} label="Copy metadata URI" />
      </div>
      {server.issuerMode === 'DYNAMIC' && (
        <p className="field__hint">Dynamic issuer: the origin follows the host a request comes in on.</p>
      )}
    </div>
  );
}
