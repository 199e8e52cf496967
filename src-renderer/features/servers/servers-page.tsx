/** The Authorization Servers screen: the list and the Add Authorization Server dialog. */
import { useState } from 'react';
import { navigate } from '../../app/use-route.js';
import { Button } from '../../ui/button.js';
import { AddServerDialog } from './add-server-dialog.js';
import { ServerList } from './server-list.js';

export function ServersPage() {
  const [adding, setAdding] = useState(false);
  return (
    <section className="page" aria-labelledby="servers-title">
      <header className="page__header">
        <div>
          <h1 id="servers-title">Authorization Servers</h1>
          <p className="page__lede">
            Each authorization server mints tokens with its own issuer, audience and signing keys.
          </p>
        </div>
        <Button variant="primary" onClick={() => setAdding(true)}>
          Add Authorization Server
        </Button>
      </header>
      <ServerList />
      {adding && (
        <AddServerDialog
          onClose={() => setAdding(false)}
          onCreated={(server) => navigate({ page: 'server', id: server.id, tab: 'settings' })}
        />
      )}
    </section>
  );
}
