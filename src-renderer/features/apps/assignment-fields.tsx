/** "Assignments" of Create App Integration: everyone, selected groups, or nobody yet. */
import { useId } from 'react';
import type { AssignmentChoice } from '../../state/app-draft.js';
import { FieldNotes, useFieldIds } from '../../ui/field.js';
import type { ChangeApp } from './app-fields.js';
import { GroupChecklist } from './group-checklist.js';

const CHOICES: { value: AssignmentChoice; label: string }[] = [
  { value: 'everyone', label: 'Allow everyone in your organization to access' },
  { value: 'groups', label: 'Limit access to selected groups' },
  { value: 'skip', label: 'Skip group assignment for now' },
];

export function AssignmentFields({
  assignment,
  groupIds,
  error,
  onChange,
}: {
  assignment: AssignmentChoice;
  groupIds: string[];
  error: string | undefined;
  onChange: ChangeApp;
}) {
  const name = useId();
  const { errorId, hintId, describedBy } = useFieldIds(error, undefined);
  return (
    <fieldset className={error ? 'fieldset field--invalid' : 'fieldset'} aria-describedby={describedBy}>
      <legend className="field__label">Assignments</legend>
      {CHOICES.map((choice) => (
        <label key={choice.value} className="check">
          <input
            type="radio"
            name={name}
            checked={assignment === choice.value}
            onChange={() => onChange('assignment', choice.value)}
          />
          <span>{choice.label}</span>
        </label>
      ))}
      {assignment === 'groups' && (
        <GroupChecklist chosen={groupIds} onChange={(ids) => onChange('assignGroupIds', ids)} />
      )}
      <FieldNotes error={error} errorId={errorId} hintId={hintId} />
    </fieldset>
  );
}
