/**
 * A searchable list of checkboxes (apps, groups, people, scopes): a search box that narrows the
 * list by name, and the chosen ones kept visible even when the search hides them.
 */
import { useId, useState } from 'react';
import { FieldNotes, useFieldIds } from './field.js';

export interface Choice {
  value: string;
  label: string;
  /** Shown after the label, e.g. an app's type or a person's login. */
  detail?: string;
}

export interface ChoicePickerProps {
  /** Names the group and its search box ("Groups" → "Search groups"). */
  label: string;
  choices: Choice[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
  error?: string | undefined;
  hint?: string;
  /** What the list says when there is nothing to choose from. */
  emptyText: string;
}

export function ChoicePicker({ label, choices, chosen, onChange, error, hint, emptyText }: ChoicePickerProps) {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const { errorId, hintId, describedBy } = useFieldIds(error, hint);
  // A stored choice the list no longer has stays visible, so it can be unticked.
  const known = new Set(choices.map((c) => c.value));
  const all: Choice[] = [...choices, ...chosen.filter((v) => !known.has(v)).map((value) => ({ value, label: value }))];
  const needle = query.trim().toLowerCase();
  const shown = all.filter(
    (c) =>
      chosen.includes(c.value) ||
      needle === '' ||
      c.label.toLowerCase().includes(needle) ||
      (c.detail ?? '').toLowerCase().includes(needle),
  );
  const toggle = (value: string, on: boolean) => onChange(on ? [...chosen, value] : chosen.filter((v) => v !== value));
  return (
    <div
      className={error ? 'picker field--invalid' : 'picker'}
      role="group"
      aria-label={label}
      aria-describedby={describedBy}
    >
      <label className="visually-hidden" htmlFor={searchId}>
        Search {label.toLowerCase()}
      </label>
      <input
        id={searchId}
        type="search"
        className="field__control picker__search"
        placeholder={`Search ${label.toLowerCase()}`}
        value={query}
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="picker__list">
        {all.length === 0 && <p className="picker__empty">{emptyText}</p>}
        {all.length > 0 && shown.length === 0 && <p className="picker__empty">Nothing matches “{query}”.</p>}
        {shown.map((c) => (
          <label key={c.value} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(c.value)}
              onChange={(e) => toggle(c.value, e.target.checked)}
            />
            <span>
              {c.label}
              {c.detail && <span className="table__secondary"> {c.detail}</span>}
            </span>
          </label>
        ))}
      </div>
      <FieldNotes error={error} hint={hint} errorId={errorId} hintId={hintId} />
    </div>
  );
}
