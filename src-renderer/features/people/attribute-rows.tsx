/**
 * Custom attributes as key–value rows (e.g. `honorific` = `Commodore`): each row's name and value,
 * Remove, and Add attribute. Expressions read them as `user.<name>`.
 */
import type { FieldErrorsOf } from '../../state/form-problems.js';
import { nextRowKey } from '../../state/person-draft.js';
import type { AttributeRow, ProfileField } from '../../state/person-draft.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';

export interface AttributeRowsProps {
  rows: AttributeRow[];
  errors: FieldErrorsOf<ProfileField>;
  /** The new rows, and the fields whose errors the change makes stale. */
  onChange: (rows: AttributeRow[], fields: ProfileField[]) => void;
}

export function AttributeRows({ rows, errors, onChange }: AttributeRowsProps) {
  const replace = (row: AttributeRow, change: Partial<AttributeRow>, field: 'name' | 'value') =>
    onChange(
      rows.map((r) => (r.key === row.key ? { ...r, ...change } : r)),
      [`row:${row.key}:${field}`],
    );
  return (
    <fieldset className="fieldset attribute-rows">
      <legend>Custom attributes</legend>
      <p className="field__hint">
        Any other profile attribute, as a name and a value. Claims read them as <code>user.&lt;name&gt;</code>.
      </p>
      {rows.length === 0 && <p className="empty empty--inline">No custom attributes yet.</p>}
      {rows.map((row, index) => (
        <div key={row.key} className="attribute-row" role="group" aria-label={`Custom attribute ${index + 1}`}>
          <TextField
            label="Attribute name"
            value={row.name}
            error={errors[`row:${row.key}:name`]}
            autoFocus={row.name === '' && row.value === ''}
            onChange={(e) => replace(row, { name: e.target.value }, 'name')}
          />
          <TextField
            label="Attribute value"
            value={row.value}
            error={errors[`row:${row.key}:value`]}
            hint={row.json ? 'A JSON value (it is not text).' : undefined}
            onChange={(e) => replace(row, { value: e.target.value }, 'value')}
          />
          <Button
            variant="ghost"
            className="attribute-row__remove"
            aria-label={`Remove attribute ${row.name.trim() || index + 1}`}
            onClick={() =>
              onChange(
                rows.filter((r) => r.key !== row.key),
                [`row:${row.key}:name`, `row:${row.key}:value`],
              )
            }
          >
            Remove
          </Button>
        </div>
      ))}
      <div>
        <Button onClick={() => onChange([...rows, { key: nextRowKey(rows), name: '', value: '', json: false }], [])}>
          Add attribute
        </Button>
      </div>
    </fieldset>
  );
}
