/**
 * "Add Group" (Name, Description → Save), and the same form to edit a group. The server validates
 * (a blank or taken name); its causes show under the fields and what was typed stays.
 */
import type { GroupDto } from '../../../src-main/contracts/group.js';
import { emptyGroupDraft, groupDraftOf } from '../../state/group-draft.js';
import { useAppStore } from '../../state/store-context.js';
import { TextAreaField, TextField } from '../../ui/field.js';
import { FormDialog } from '../../ui/form-dialog.js';
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

  return (
    <FormDialog
      title={group ? 'Edit Group' : 'Add Group'}
      failureTitle={group ? 'Could not save the group.' : 'Could not add the group.'}
      submitLabel="Save"
      form={form}
      onSaved={(outcome) => onSaved(outcome.group)}
      onClose={onClose}
    >
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
    </FormDialog>
  );
}
