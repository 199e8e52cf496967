/**
 * The app, the user and the scopes a preview runs with. Users show their login; apps their label
 * and client_id. "No user" previews what client credentials would get.
 */
import type { KeyboardEvent, ReactNode } from 'react';
import type { AppDto } from '../../../src-main/contracts/app.js';
import type { UserDto } from '../../../src-main/contracts/index.js';
import { SelectField, TextField } from '../../ui/field.js';
import type { SelectOption } from '../../ui/field.js';
import { LoadGate } from '../../ui/load-gate.js';
import type { FieldErrorsOf } from '../../state/form-problems.js';
import type { SubjectDraft, SubjectField } from './preview-subject.js';
import { usePreviewSubjects } from './use-preview-subjects.js';

export const NO_USER = 'No user (client credentials)';

const userOptions = (users: UserDto[]): SelectOption[] => [
  { value: '', label: NO_USER },
  ...users.map((u) => ({ value: u.id, label: u.profile.login })),
];

const appOptions = (apps: AppDto[]): SelectOption[] => [
  { value: '', label: 'Choose an app' },
  ...apps.map((a) => ({ value: a.id, label: `${a.label} (${a.credentials.oauthClient.client_id})` })),
];

export interface SubjectFieldsProps {
  subject: SubjectDraft;
  errors: FieldErrorsOf<SubjectField>;
  onChange: (field: SubjectField, value: string) => void;
  /** Okta's Token Preview says "OAuth/OIDC client"; the claim dialog says "Application". */
  appLabel: string;
  /** Enter in the Scopes field runs the preview (and must not submit a surrounding form). */
  onEnter: () => void;
  /** A field that goes between the app and the user, as Okta's Token Preview puts its Grant type. */
  afterApp?: ReactNode;
}

export function SubjectFields({ subject, errors, onChange, appLabel, onEnter, afterApp }: SubjectFieldsProps) {
  const { load, users, apps, retry } = usePreviewSubjects();
  const enter = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    onEnter();
  };
  return (
    <LoadGate load={load} empty={apps.length === 0 && users.length === 0} what="users and apps" onRetry={retry}>
      <div className={afterApp ? 'subject-fields subject-fields--two-rows' : 'subject-fields'}>
        <SelectField
          label={appLabel}
          value={subject.appId}
          error={errors.appId}
          options={appOptions(apps)}
          onChange={(e) => onChange('appId', e.target.value)}
        />
        {afterApp}
        <SelectField
          label="User"
          value={subject.userId}
          error={errors.userId}
          options={userOptions(users)}
          onChange={(e) => onChange('userId', e.target.value)}
        />
        <TextField
          label="Scopes"
          value={subject.scopes}
          error={errors.scopes}
          autoComplete="off"
          spellCheck={false}
          className="mono"
          hint="Space-separated, as granted to the token."
          onChange={(e) => onChange('scopes', e.target.value)}
          onKeyDown={enter}
        />
      </div>
    </LoadGate>
  );
}
