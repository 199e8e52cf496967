/** Edits a server and saves it with PUT (a full replacement); the server's causes show inline. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AuthorizationServerDto } from '../../../src-main/contracts/index.js';
import { draftOf, sameDraft } from '../../state/server-draft.js';
import type { ServerDraft } from '../../state/server-draft.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { ServerFields } from './server-fields.js';
import { useServerForm } from './use-server-form.js';

export function ServerSettingsForm({ server }: { server: AuthorizationServerDto }) {
  const saveServer = useAppStore((s) => s.saveServer);
  const [savedDraft, setSavedDraft] = useState<ServerDraft | null>(null);
  const form = useServerForm(draftOf(server), (draft) => saveServer(server.id, draft));
  // "Saved" only while what is on screen is what was saved.
  const justSaved = savedDraft !== null && sameDraft(savedDraft, form.draft);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await form.submit();
    setSavedDraft(saved ? draftOf(saved) : null);
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-label="Authorization server settings">
      {form.formError && <ErrorBanner title="Could not save.">{form.formError}</ErrorBanner>}
      <ServerFields draft={form.draft} errors={form.fieldErrors} onChange={form.change} withModes />
      <div className="form__actions form__actions--start">
        <Button variant="primary" type="submit" busy={form.submitting}>
          Save
        </Button>
        <span role="status" className="form__saved">
          {justSaved ? 'Saved.' : ''}
        </span>
      </div>
    </form>
  );
}
