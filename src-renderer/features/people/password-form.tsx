/** The admin sets a new password (a partial update with `credentials.password`); the server's rule shows under the field. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { TextField } from '../../ui/field.js';
import { useDraftForm } from '../../ui/use-draft-form.js';

export function PasswordForm({ personId }: { personId: string }) {
  const setPersonPassword = useAppStore((s) => s.setPersonPassword);
  const [saved, setSaved] = useState(false);
  const form = useDraftForm({ password: '' }, (draft) => setPersonPassword(personId, draft.password));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await form.submit();
    setSaved(outcome.ok);
    if (outcome.ok) form.setDraft({ password: '' });
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-label="Change password">
      {form.formError && <ErrorBanner title="Could not set the password.">{form.formError}</ErrorBanner>}
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        value={form.draft.password}
        error={form.fieldErrors.password}
        onChange={(e) => {
          setSaved(false);
          form.change('password', e.target.value);
        }}
      />
      <div className="form__actions form__actions--start">
        <Button variant="primary" type="submit" busy={form.submitting}>
          Set password
        </Button>
        <span role="status" className="form__saved">
          {saved ? 'Password set.' : ''}
        </span>
      </div>
    </form>
  );
}
