/**
 * "Add Scope" (Create) and "Edit Scope" (Save): Name, Display phrase, Description, User consent
 * (Implicit / Required), Set as a default scope, Include in public metadata. The server's causes
 * show under the fields they name; what was typed stays when a save fails.
 */
import { useId } from 'react';
import type { ScopeDto } from '../../../src-main/contracts/scope.js';
import { emptyScopeDraft, scopeDraftOf } from '../../state/scope-draft.js';
import type { ScopeDraft } from '../../state/scope-draft.js';
import { useAppStore } from '../../state/store-context.js';
import { CheckboxField, FieldNotes, TextAreaField, TextField, useFieldIds } from '../../ui/field.js';
import { FormDialog } from '../../ui/form-dialog.js';
import { useDraftForm } from '../../ui/use-draft-form.js';

export interface ScopeDialogProps {
  serverId: string;
  /** The scope to edit; absent for Add Scope. */
  scope?: ScopeDto;
  onClose: () => void;
  /** Told what was saved, for the tab's confirmation. */
  onSaved: (message: string) => void;
}

export function ScopeDialog({ serverId, scope, onClose, onSaved }: ScopeDialogProps) {
  const createScope = useAppStore((s) => s.createScope);
  const saveScope = useAppStore((s) => s.saveScope);
  const form = useDraftForm(scope ? scopeDraftOf(scope) : emptyScopeDraft(), (draft: ScopeDraft) =>
    scope ? saveScope(serverId, scope, draft) : createScope(serverId, draft),
  );
  const { draft, fieldErrors } = form;
  return (
    <FormDialog
      title={scope ? 'Edit Scope' : 'Add Scope'}
      wide
      failureTitle="Could not save the scope."
      submitLabel={scope ? 'Save' : 'Create'}
      form={form}
      onSaved={() => {
        onSaved(`${scope ? 'Saved' : 'Created'} scope ${draft.name}.`);
        onClose();
      }}
      onClose={onClose}
    >
      <TextField
        label="Name"
        value={draft.name}
        error={fieldErrors.name}
        required
        autoFocus
        autoComplete="off"
        className="mono"
        hint="What clients send in the scope parameter, e.g. pets:read."
        onChange={(e) => form.change('name', e.target.value)}
      />
      <TextField
        label="Display phrase"
        value={draft.displayName}
        error={fieldErrors.displayName}
        autoComplete="off"
        hint="Shown on the consent page."
        onChange={(e) => form.change('displayName', e.target.value)}
      />
      <TextAreaField
        label="Description"
        value={draft.description}
        error={fieldErrors.description}
        rows={2}
        onChange={(e) => form.change('description', e.target.value)}
      />
      <ConsentField
        required={draft.consentRequired}
        error={fieldErrors.consentRequired}
        onChange={(required) => form.change('consentRequired', required)}
      />
      <CheckboxField
        label="Set as a default scope"
        checked={draft.isDefault}
        error={fieldErrors.isDefault}
        hint="Granted when a client asks for no scope."
        onChange={(e) => form.change('isDefault', e.target.checked)}
      />
      <CheckboxField
        label="Include in public metadata"
        checked={draft.metadata}
        error={fieldErrors.metadata}
        hint="Listed in scopes_supported of the discovery document."
        onChange={(e) => form.change('metadata', e.target.checked)}
      />
    </FormDialog>
  );
}

function ConsentField({
  required,
  error,
  onChange,
}: {
  required: boolean;
  error: string | undefined;
  onChange: (required: boolean) => void;
}) {
  const name = useId();
  const { errorId, hintId, describedBy } = useFieldIds(error, undefined);
  return (
    <fieldset className={error ? 'fieldset field--invalid' : 'fieldset'} aria-describedby={describedBy}>
      <legend className="field__label">User consent</legend>
      <label className="check">
        <input type="radio" name={name} checked={!required} onChange={() => onChange(false)} />
        <span>Implicit</span>
      </label>
      <label className="check">
        <input type="radio" name={name} checked={required} onChange={() => onChange(true)} />
        <span>Required</span>
      </label>
      <FieldNotes error={error} errorId={errorId} hintId={hintId} />
    </fieldset>
  );
}
