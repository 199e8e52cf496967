/**
 * "Add Authorization Server": Name, Audience, Description (as Okta's dialog asks). The server
 * validates; its causes appear under the fields they name. On success the new server opens.
 */
import type { AuthorizationServerDto } from '../../../src-main/contracts/index.js';
import { emptyDraft } from '../../state/server-draft.js';
import { useAppStore } from '../../state/store-context.js';
import { FormDialog } from '../../ui/form-dialog.js';
import { useDraftForm } from '../../ui/use-draft-form.js';
import { ServerFields } from './server-fields.js';

export interface AddServerDialogProps {
  onClose: () => void;
  onCreated: (server: AuthorizationServerDto) => void;
}

export function AddServerDialog({ onClose, onCreated }: AddServerDialogProps) {
  const createServer = useAppStore((s) => s.createServer);
  const form = useDraftForm(emptyDraft(), createServer);

  return (
    <FormDialog
      title="Add Authorization Server"
      failureTitle="Could not add the authorization server."
      submitLabel="Save"
      form={form}
      onSaved={(outcome) => onCreated(outcome.server)}
      onClose={onClose}
    >
      <ServerFields draft={form.draft} errors={form.fieldErrors} onChange={form.change} autoFocus />
    </FormDialog>
  );
}
