/** The General tab: Client Credentials, then every editable setting, saved with PUT (a full replacement). */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AppDto } from '../../../src-main/contracts/app.js';
import { appDraftOf, sameAppDraft } from '../../state/app-draft.js';
import type { AppDraft } from '../../state/app-draft.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { useDraftForm } from '../../ui/use-draft-form.js';
import { AppFields } from './app-fields.js';
import { ClientCredentials } from './client-credentials.js';

export function AppGeneral({ app }: { app: AppDto }) {
  return (
    <div className="settings">
      <ClientCredentials app={app} />
      <section className="card" aria-labelledby={`settings-${app.id}`}>
        <h2 id={`settings-${app.id}`}>General Settings</h2>
        <AppSettingsForm app={app} />
      </section>
    </div>
  );
}

function AppSettingsForm({ app }: { app: AppDto }) {
  const saveApp = useAppStore((s) => s.saveApp);
  const [savedDraft, setSavedDraft] = useState<AppDraft | null>(null);
  const form = useDraftForm(appDraftOf(app), (draft: AppDraft) => saveApp(app.id, draft));
  // "Saved." only while what is on screen is what was saved.
  const justSaved = savedDraft !== null && sameAppDraft(savedDraft, form.draft);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await form.submit();
    if (outcome.ok) {
      // Show what the server stored (it trims and drops blank rows), so the form and the app agree.
      const stored = appDraftOf(outcome.app);
      form.setDraft(stored);
      setSavedDraft(stored);
    } else setSavedDraft(null);
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-label="Application settings">
      {form.formError && <ErrorBanner title="Could not save.">{form.formError}</ErrorBanner>}
      <AppFields draft={form.draft} errors={form.fieldErrors} onChange={form.change} />
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
