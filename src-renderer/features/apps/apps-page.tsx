/** The Applications screen: search, the list, and Create App Integration. */
import { useState } from 'react';
import { navigate } from '../../app/use-route.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { AppList } from './app-list.js';
import { CreateAppDialog } from './create-app-dialog.js';

export function AppsPage() {
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState('');
  return (
    <section className="page" aria-labelledby="apps-title">
      <header className="page__header">
        <div>
          <h1 id="apps-title">Applications</h1>
          <p className="page__lede">The OpenID Connect clients that may ask the authorization servers for tokens.</p>
        </div>
        <Button variant="primary" onClick={() => setCreating(true)}>
          Create App Integration
        </Button>
      </header>
      <div className="list-search">
        <TextField
          label="Search"
          type="search"
          placeholder="Name or client ID"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <AppList search={search} />
      {creating && (
        <CreateAppDialog
          onClose={() => setCreating(false)}
          onCreated={(app) => navigate({ page: 'app', id: app.id, tab: 'general' })}
        />
      )}
    </section>
  );
}
