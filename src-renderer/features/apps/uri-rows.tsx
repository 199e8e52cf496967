/**
 * Sign-in / Sign-out redirect URIs: one row each, added and removed with buttons; each row is
 * checked as it is typed with the rule the server applies (`uriProblem`), and the server's own
 * cause about the list shows under it.
 */
import { useState } from 'react';
import { uriProblem } from '../../../src-main/contracts/app.js';
import { Button } from '../../ui/button.js';
import { FieldNotes, useFieldIds } from '../../ui/field.js';

export interface UriRowsProps {
  /** "Sign-in redirect URIs"; rows are named after it in the singular ("Sign-in redirect URI 1"). */
  legend: string;
  rows: string[];
  error: string | undefined;
  hint?: string;
  onChange: (rows: string[]) => void;
}

export function UriRows({ legend, rows, error, hint, onChange }: UriRowsProps) {
  const { errorId, hintId, describedBy } = useFieldIds(error, hint);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const one = legend.replace(/s$/, '');
  const lower = one.charAt(0).toLowerCase() + one.slice(1);
  const set = (index: number, value: string) => onChange(rows.map((row, i) => (i === index ? value : row)));
  const remove = (index: number) => {
    onChange(rows.filter((_row, i) => i !== index));
    setFocusRow(null);
  };
  const add = () => {
    onChange([...rows, '']);
    setFocusRow(rows.length);
  };
  return (
    <fieldset className={error ? 'fieldset field--invalid' : 'fieldset'} aria-describedby={describedBy}>
      <legend className="field__label">{legend}</legend>
      {rows.length === 0 && <p className="field__hint">None.</p>}
      {rows.map((row, index) => {
        const problem = row.trim() === '' ? undefined : uriProblem(row.trim());
        const rowErrorId = `${errorId}-${index}`;
        return (
          <div key={index} className="uri-row">
            <div className="uri-row__input">
              <input
                className="field__control mono"
                aria-label={`${one} ${index + 1}`}
                value={row}
                autoFocus={focusRow === index}
                aria-invalid={Boolean(problem) || undefined}
                aria-describedby={problem ? rowErrorId : undefined}
                onChange={(e) => set(index, e.target.value)}
              />
              {problem && (
                <p className="field__error" id={rowErrorId}>
                  {problem}
                </p>
              )}
            </div>
            <Button variant="ghost" aria-label={`Remove ${lower} ${index + 1}`} onClick={() => remove(index)}>
              Remove
            </Button>
          </div>
        );
      })}
      <div>
        <Button variant="secondary" aria-label={`Add ${lower}`} onClick={add}>
          + Add URI
        </Button>
      </div>
      <FieldNotes error={error} hint={hint} errorId={errorId} hintId={hintId} />
    </fieldset>
  );
}
