/** A token lifetime: a number and its unit (minutes, hours, days), labelled, with its inline error. */
import { useFieldIds, FieldNotes } from '../../ui/field.js';
import { LIFETIME_UNITS } from '../../state/lifetime.js';
import type { Lifetime, LifetimeUnit } from '../../state/lifetime.js';

export interface LifetimeFieldProps {
  label: string;
  value: Lifetime;
  error: string | undefined;
  hint?: string;
  onChange: (value: Lifetime) => void;
}

export function LifetimeField({ label, value, error, hint, onChange }: LifetimeFieldProps) {
  const { id, errorId, hintId, describedBy } = useFieldIds(error, hint);
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="lifetime">
        <input
          id={id}
          className="field__control lifetime__amount"
          inputMode="numeric"
          value={value.amount}
          aria-invalid={Boolean(error) || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange({ ...value, amount: e.target.value })}
        />
        <select
          className="field__control lifetime__unit"
          aria-label={`${label} (unit)`}
          value={value.unit}
          onChange={(e) => onChange({ ...value, unit: e.target.value as LifetimeUnit })}
        >
          {LIFETIME_UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {unit}
            </option>
          ))}
        </select>
      </div>
      <FieldNotes error={error} hint={hint} errorId={errorId} hintId={hintId} />
    </div>
  );
}
