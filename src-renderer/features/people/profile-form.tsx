/**
 * A person's profile: First name, Last name, Username, Primary email, and every other attribute as
 * an editable key–value row (add, edit, remove), saved together with a partial update.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { UserDto } from '../../../src-main/contracts/user.js';
import type { FieldErrorsOf } from '../../state/form-problems.js';
import { profileDraftOf, rowProblems } from '../../state/person-draft.js';
import type { ProfileDraft, ProfileField } from '../../state/person-draft.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { TextField } from '../../ui/field.js';
import { AttributeRows } from './attribute-rows.js';

const same = (a: ProfileDraft, b: ProfileDraft) => JSON.stringify(a) === JSON.stringify(b);

export function ProfileForm({ person }: { person: UserDto }) {
  const savePersonProfile = useAppStore((s) => s.savePersonProfile);
  const [base, setBase] = useState(() => ({ at: person.lastUpdated, draft: profileDraftOf(person) }));
  const [draft, setDraft] = useState(base.draft);
  const [errors, setErrors] = useState<FieldErrorsOf<ProfileField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [saved, setSaved] = useState<ProfileDraft | null>(null);

  // The person changed elsewhere (a refresh, another save): follow it unless the admin is mid-edit.
  if (person.lastUpdated !== base.at) {
    const next = profileDraftOf(person);
    setBase({ at: person.lastUpdated, draft: next });
    if (same(draft, base.draft)) setDraft(next);
  }

  const edit = (next: ProfileDraft, fields: ProfileField[]) => {
    setDraft(next);
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([f]) => !fields.includes(f as ProfileField))),
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = rowProblems(draft);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      setFormError(null);
      return;
    }
    setSubmitting(true);
    try {
      const outcome = await savePersonProfile(person.id, draft);
      setErrors(outcome.ok ? {} : outcome.fieldErrors);
      setFormError(outcome.ok ? null : outcome.formError);
      if (outcome.ok) {
        const stored = profileDraftOf(outcome.user);
        setBase({ at: outcome.user.lastUpdated, draft: stored });
        setDraft(stored);
        setSaved(stored);
      }
    } finally {
      setSubmitting(false);
    }
  };

  const field = (name: 'firstName' | 'lastName' | 'login' | 'email') => ({
    value: draft[name],
    error: errors[name],
    onChange: (e: { target: { value: string } }) => edit({ ...draft, [name]: e.target.value }, [name]),
  });

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-label="Profile">
      {formError && <ErrorBanner title="Could not save the profile.">{formError}</ErrorBanner>}
      <div className="field-row">
        <TextField label="First name" {...field('firstName')} />
        <TextField label="Last name" {...field('lastName')} />
      </div>
      <div className="field-row">
        <TextField label="Username" autoComplete="off" {...field('login')} />
        <TextField label="Primary email" type="email" {...field('email')} />
      </div>
      <AttributeRows
        rows={draft.attributes}
        errors={errors}
        onChange={(attributes, fields) => edit({ ...draft, attributes }, fields)}
      />
      <div className="form__actions form__actions--start">
        <Button variant="primary" type="submit" busy={submitting}>
          Save
        </Button>
        <span role="status" className="form__saved">
          {saved && same(saved, draft) ? 'Profile saved.' : ''}
        </span>
      </div>
    </form>
  );
}
