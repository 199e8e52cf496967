/**
 * Client Credentials of the General tab: the client ID and, for apps that authenticate with a
 * secret, the client secret — hidden until Show is pressed — each with a Copy button.
 */
import { useState } from 'react';
import type { AppDto } from '../../../src-main/contracts/app.js';
import { Button } from '../../ui/button.js';
import { CopyButton } from '../../ui/copy-button.js';
import { TextField } from '../../ui/field.js';

export function ClientCredentials({ app }: { app: AppDto }) {
  const { client_id: clientId, client_secret: secret } = app.credentials.oauthClient;
  const [shown, setShown] = useState(false);
  return (
    <section className="card" aria-labelledby={`credentials-${app.id}`}>
      <h2 id={`credentials-${app.id}`}>Client Credentials</h2>
      <div className="uris">
        <div className="copy-field">
          <TextField label="Client ID" value={clientId} readOnly />
          <CopyButton text={clientId} label="Copy client ID" />
        </div>
        {secret === undefined ? (
          <p className="field__hint">
            No client secret: this app authenticates with{' '}
            {app.credentials.oauthClient.token_endpoint_auth_method === 'none'
              ? 'PKCE only (a public client)'
              : 'its own keys'}
            .
          </p>
        ) : (
          <div className="copy-field copy-field--secret">
            <TextField
              label="Client secret"
              type={shown ? 'text' : 'password'}
              value={secret}
              readOnly
              autoComplete="off"
            />
            <Button variant="secondary" aria-pressed={shown} onClick={() => setShown((s) => !s)}>
              {shown ? 'Hide' : 'Show'}
            </Button>
            <CopyButton text={secret} label="Copy client secret" />
          </div>
        )}
      </div>
    </section>
  );
}
