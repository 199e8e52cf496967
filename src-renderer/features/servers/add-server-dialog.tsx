/**
 * "Add Authorization Server": Name, Audience, Description (as Okta's dialog asks). The server
 * validates; its causes appear under the fields they name. On success the new server opens.
 */
import type { FormEvent } from 'react';
import type { AuthorizationServerDto } from '../../../src-main/contracts/index.js';
import { emptyDraft } from '../../state/server-draft.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Modal } from '../../ui/modal.js';
import { ServerFields } from './server-fields.js';
import { useServerForm } from './use-server-form.js';

export interface AddServerDialogProps {
  onClose: () => void;
  onCreated: (server: AuthorizationServerDto) => void;
}

export function AddServerDialog({ onClose, onCreated }: AddServerDialogProps) {
  const createServer = useAppStore((s) => s.createServer);
  const form = useServerForm(emptyDraft(), createServer);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const server = await form.submit();
    if (server) onCreated(server);
  };

  return (
    <Modal title="Add Authorization Server" onClose={onClose}>
      {/* noValidate: the server's own messages are the ones to show, so the browser must not block the submit. */}
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {form.formError && <ErrorBanner title="Could not add the authorization server.">{form.formError}</ErrorBanner>}
        <ServerFields draft={form.draft} errors={form.fieldErrors} onChange={form.change} autoFocus />
        <div className="form__actions">
          <Button variant="secondary" onClick={onClose} disabled={form.submitting}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" busy={form.submitting}>
            Save
          </Button>
        </div>
      </form>
    </Modal>
  );
}
