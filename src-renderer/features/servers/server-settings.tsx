/** The Settings tab: the editable fields, the server's URIs, and its signing keys. */
import type { AuthorizationServerDto } from '../../../src-main/contracts/index.js';
import { KeyList } from './key-list.js';
import { ServerSettingsForm } from './server-settings-form.js';
import { ServerUris } from './server-uris.js';

export function ServerSettings({ server }: { server: AuthorizationServerDto }) {
  return (
    <div className="settings">
      <section className="card" aria-labelledby="settings-general">
        <h2 id="settings-general">General</h2>
        {/* Keyed by id: a different server starts a fresh draft instead of syncing one with an effect. */}
        <ServerSettingsForm key={server.id} server={server} />
      </section>
      <section className="card" aria-labelledby="settings-uris">
        <h2 id="settings-uris">Endpoints</h2>
        <ServerUris server={server} />
      </section>
      <section className="card" aria-labelledby="settings-keys">
        <KeyList server={server} headingId="settings-keys" />
      </section>
    </div>
  );
}
