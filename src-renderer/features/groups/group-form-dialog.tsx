/**
 * "Add Group" (Name, Description → Save), and the same form to edit a group. The server validates
 * (a blank or taken name); its causes show under the fields and what was typed stays.
 */
import type { FormEvent } from 'react';
import type { GroupDto } from '../../../src-main/contracts/group.js';
import { emptyGroupDraft, groupDraftOf } from '../../state/group-draft.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { TextAreaField, TextField } from '../../ui/field.js';
import { Modal } from '../../ui/modal.js';
import { useDraftForm } from '../../ui/use-draft-form.js';

export interface GroupFormDialogProps {
  /** The group to edit; none adds one. */
  group?: GroupDto;
  onClose: () => void;
  onSaved: (group: GroupDto) => void;
}

export function GroupFormDialog({ group, onClose, onSaved }: GroupFormDialogProps) {
  const createGroup = useAppStore((s) => s.createGroup);
  const saveGroup = useAppStore((s) => s.saveGroup);
  const form = useDraftForm(group ? groupDraftOf(group) : emptyGroupDraft(), (draft) =>
    group ? saveGroup(group.id, draft) : createGroup(draft),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await form.submit();
    if (outcome.ok) onSaved(outcome.group);
  };

  return (
    <Modal title={group ? 'Edit Group' : 'Add Group'} onClose={onClose}>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {form.formError && (
          <ErrorBanner title={group ? 'Could not save the group.' : 'Could not add the group.'}>
            {form.formError}
          </ErrorBanner>
        )}
        <TextField
          label="Name"
          value={form.draft.name}
          error={form.fieldErrors.name}
          autoFocus
          onChange={(e) => form.change('name', e.target.value)}
        />
        <TextAreaField
          label="Description"
          value={form.draft.description}
          error={form.fieldErrors.description}
          rows={3}
          onChange={(e) => form.change('description', e.target.value)}
        />
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
