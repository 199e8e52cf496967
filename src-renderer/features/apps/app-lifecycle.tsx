/**
 * Activate or Deactivate, whichever the status allows, and Delete: Okta deletes only INACTIVE
 * apps, so Delete is offered once the app is deactivated and says why until then.
 */
import { useState } from 'react';
import type { AppDto } from '../../../src-main/contracts/app.js';
import { navigate } from '../../app/use-route.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Modal } from '../../ui/modal.js';
import { useAction } from '../../ui/use-action.js';

export function AppLifecycle({ app }: { app: AppDto }) {
  const setAppStatus = useAppStore((s) => s.setAppStatus);
  const action = useAction(setAppStatus);
  const [deleting, setDeleting] = useState(false);
  const active = app.status === 'ACTIVE';
  return (
    <div className="lifecycle">
      <div className="row-actions">
        <Button
          variant={active ? 'secondary' : 'primary'}
          busy={action.pending}
          onClick={() => void action.run(app.id, active ? 'INACTIVE' : 'ACTIVE')}
        >
          {active ? 'Deactivate' : 'Activate'}
        </Button>
        <Button
          variant="danger"
          disabled={active}
          aria-describedby={active ? `delete-note-${app.id}` : undefined}
          onClick={() => setDeleting(true)}
        >
          Delete
        </Button>
      </div>
      {active && (
        <p className="field__hint" id={`delete-note-${app.id}`}>
          Deactivate the app before deleting it.
        </p>
      )}
      {action.error && (
        <p className="inline-error" role="alert">
          {action.error.summary}
        </p>
      )}
      {deleting && <DeleteAppDialog app={app} onClose={() => setDeleting(false)} />}
    </div>
  );
}

function DeleteAppDialog({ app, onClose }: { app: AppDto; onClose: () => void }) {
  const deleteApp = useAppStore((s) => s.deleteApp);
  const action = useAction(deleteApp);
  const confirm = async () => {
    if (await action.run(app.id)) navigate({ page: 'apps' });
  };
  return (
    <Modal title="Delete Application" onClose={onClose}>
      <div className="form">
        <p>
          Delete <strong>{app.label}</strong> (client ID{' '}
          <span className="mono">{app.credentials.oauthClient.client_id}</span>
          )? Its assignments go with it, and its client can no longer ask for tokens.
        </p>
        {action.error && <ErrorBanner title="Could not delete the application.">{action.error.summary}</ErrorBanner>}
        <div className="form__actions">
          <Button variant="secondary" onClick={onClose} disabled={action.pending} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" busy={action.pending} onClick={() => void confirm()}>
            Delete
          </Button>
        </div>
      </div>
    </Modal>
  );
}
