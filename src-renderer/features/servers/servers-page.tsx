/** The Authorization Servers screen: the list, the org authorization server and the Add Authorization Server dialog. */
import { useState } from 'react';
import { navigate } from '../../app/use-route.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { DEMO_SERVER_ID, DemoCard } from '../sandbox/demo-card.js';
import { AddServerDialog } from './add-server-dialog.js';
import { ServerList } from './server-list.js';
import { OrgServerCard } from './org-server-card.js';

/**
 * On a sandbox that holds only the seeded server, the demo is one click away; while the sandbox is
 * just the seed and the demo, its sign-in details stay in view.
 */
function DemoOffer() {
  const show = useAppStore(
    (s) =>
      s.serverList.status === 'ready' &&
      (s.serverIds.length <= 1 || (s.serverIds.length === 2 && s.serverIds.includes(DEMO_SERVER_ID))),
  );
  return show ? <DemoCard /> : null;
}

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
      <DemoOffer />
      <ServerList />
      <OrgServerCard />
      {adding && (
        <AddServerDialog
          onClose={() => setAdding(false)}
          onCreated={(server) => navigate({ page: 'server', id: server.id, tab: 'settings' })}
        />
      )}
    </section>
  );
}
