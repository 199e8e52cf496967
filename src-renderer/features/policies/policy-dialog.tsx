/**
 * "Add New Access Policy" (Create Policy) and "Edit Policy" (Save): Name, Description, and Assign
 * to All clients or The following clients, picked by app name. The server's causes show under the
 * fields they name; what was typed stays when a save fails.
 */
import { useId } from 'react';
import type { PolicyDto } from '../../../src-main/contracts/policy.js';
import { emptyPolicyDraft, policyDraftOf } from '../../state/policy-draft.js';
import type { PolicyDraft } from '../../state/policy-draft.js';
import { useAppStore } from '../../state/store-context.js';
import { ChoicePicker } from '../../ui/choice-picker.js';
import { TextField } from '../../ui/field.js';
import { FormDialog } from '../../ui/form-dialog.js';
import { useDraftForm } from '../../ui/use-draft-form.js';
import { usePickerApps } from './use-policies.js';

const APP_TYPE_WORDS: Record<string, string> = {
  web: 'Web',
  browser: 'Single-Page',
  native: 'Native',
  service: 'API Services',
};

export interface PolicyDialogProps {
  serverId: string;
  /** The policy to edit; absent for Add New Access Policy. */
  policy?: PolicyDto;
  onClose: () => void;
  /** Told what was saved, for the tab's confirmation. */
  onSaved: (message: string) => void;
}

export function PolicyDialog({ serverId, policy, onClose, onSaved }: PolicyDialogProps) {
  const createPolicy = useAppStore((s) => s.createPolicy);
  const savePolicy = useAppStore((s) => s.savePolicy);
  const form = useDraftForm(policy ? policyDraftOf(policy) : emptyPolicyDraft(), (draft: PolicyDraft) =>
    policy ? savePolicy(serverId, policy, draft) : createPolicy(serverId, draft),
  );
  const { draft, fieldErrors } = form;
  return (
    <FormDialog
      title={policy ? 'Edit Policy' : 'Add New Access Policy'}
      wide
      failureTitle="Could not save the policy."
      submitLabel={policy ? 'Save' : 'Create Policy'}
      form={form}
      onSaved={() => {
        onSaved(`${policy ? 'Saved' : 'Created'} policy ${draft.name.trim()}.`);
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
        onChange={(e) => form.change('name', e.target.value)}
      />
      <TextField
        label="Description"
        value={draft.description}
        error={fieldErrors.description}
        required
        autoComplete="off"
        onChange={(e) => form.change('description', e.target.value)}
      />
      <AssignTo draft={draft} error={fieldErrors.clients} onChange={form.change} />
    </FormDialog>
  );
}

function AssignTo({
  draft,
  error,
  onChange,
}: {
  draft: PolicyDraft;
  error: string | undefined;
  onChange: <F extends keyof PolicyDraft>(field: F, value: PolicyDraft[F]) => void;
}) {
  const name = useId();
  const apps = usePickerApps();
  const choices = apps.map((app) => ({
    value: app.credentials.oauthClient.client_id,
    label: app.label,
    detail: APP_TYPE_WORDS[app.settings.oauthClient.application_type] ?? app.settings.oauthClient.application_type,
  }));
  return (
    <fieldset className="fieldset">
      <legend className="field__label">Assign to</legend>
      <label className="check">
        <input type="radio" name={name} checked={draft.allClients} onChange={() => onChange('allClients', true)} />
        <span>All clients</span>
      </label>
      <label className="check">
        <input type="radio" name={name} checked={!draft.allClients} onChange={() => onChange('allClients', false)} />
        <span>The following clients:</span>
      </label>
      {!draft.allClients && (
        <ChoicePicker
          label="Clients"
          choices={choices}
          chosen={draft.clients}
          onChange={(clients) => onChange('clients', clients)}
          error={error}
          emptyText="No applications yet — create one under Applications first."
        />
      )}
      {draft.allClients && error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
