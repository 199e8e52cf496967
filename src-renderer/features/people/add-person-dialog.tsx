/**
 * "Add Person", as Okta's dialog asks: First name, Last name, Username, Primary email, a password
 * set by the admin and Activate now → Save. The server validates; its causes show under the
 * fields they name and what was typed stays.
 */
import type { UserDto } from '../../../src-main/contracts/user.js';
import { emptyPersonDraft } from '../../state/person-draft.js';
import { useAppStore } from '../../state/store-context.js';
import { CheckboxField, TextField } from '../../ui/field.js';
import { FormDialog } from '../../ui/form-dialog.js';
import { useDraftForm } from '../../ui/use-draft-form.js';

export interface AddPersonDialogProps {
  onClose: () => void;
  onCreated: (user: UserDto) => void;
}

export function AddPersonDialog({ onClose, onCreated }: AddPersonDialogProps) {
  const createPerson = useAppStore((s) => s.createPerson);
  const form = useDraftForm(emptyPersonDraft(), createPerson);
  const { draft, fieldErrors: errors, change } = form;

  return (
    <FormDialog
      title="Add Person"
      failureTitle="Could not add the person."
      submitLabel="Save"
      form={form}
      onSaved={(outcome) => onCreated(outcome.user)}
      onClose={onClose}
    >
      <div className="field-row">
        <TextField
          label="First name"
          value={draft.firstName}
          error={errors.firstName}
          autoFocus
          onChange={(e) => change('firstName', e.target.value)}
        />
        <TextField
          label="Last name"
          value={draft.lastName}
          error={errors.lastName}
          onChange={(e) => change('lastName', e.target.value)}
        />
      </div>
      <TextField
        label="Username"
        value={draft.login}
        error={errors.login}
        autoComplete="off"
        hint="What the person types to sign in; usually their email address."
        onChange={(e) => change('login', e.target.value)}
      />
      <TextField
        label="Primary email"
        type="email"
        value={draft.email}
        error={errors.email}
        onChange={(e) => change('email', e.target.value)}
      />
      <TextField
        label="Password"
        type="password"
        value={draft.password}
        error={errors.password}
        autoComplete="new-password"
        hint="Set by admin. Left blank, the person has no password and cannot sign in until one is set."
        onChange={(e) => change('password', e.target.value)}
      />
      <CheckboxField
        label="Activate now"
        checked={draft.activate}
        error={errors.activate}
        hint="Otherwise the person is added as Staged and activated later."
        onChange={(e) => change('activate', e.target.checked)}
      />
    </FormDialog>
  );
}
