/**
 * Form fields: a visible label, the control, an optional hint and the inline error, wired together
 * with aria-describedby / aria-invalid so screen readers read the error with the field.
 */
import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface FieldFrameProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** The ids that tie a control to its error and hint; `describedBy` lists those present. */
export function useFieldIds(error: string | undefined, hint: ReactNode) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return { id, errorId, hintId, describedBy };
}

/** The inline error, then the hint, under a control (or a group of them). */
export function FieldNotes({
  error,
  hint,
  errorId,
  hintId,
}: {
  error?: string | undefined;
  hint?: ReactNode;
  errorId: string;
  hintId: string;
}) {
  return (
    <>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      {/* A div: a hint may hold block content (the expression mirror under a claim's Value). */}
      {hint && (
        <div className="field__hint" id={hintId}>
          {hint}
        </div>
      )}
    </>
  );
}

function FieldFrame({ label, error, hint, children }: FieldFrameProps) {
  const { id, errorId, hintId, describedBy } = useFieldIds(error, hint);
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      <FieldNotes error={error} hint={hint} errorId={errorId} hintId={hintId} />
    </div>
  );
}

type Common = { label: string; error?: string | undefined; hint?: ReactNode };

/** The control's classes: the field's own, plus any the caller adds (`mono` for code). */
const controlClass = (extra: string | undefined) => (extra ? `field__control ${extra}` : 'field__control');

export function TextField({ label, error, hint, className, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <input
          {...input}
          id={id}
          className={controlClass(className)}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldFrame>
  );
}

export function TextAreaField({
  label,
  error,
  hint,
  className,
  ...input
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <textarea
          {...input}
          id={id}
          className={controlClass(className)}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldFrame>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export function SelectField({
  label,
  error,
  hint,
  options,
  ...select
}: Common & { options: SelectOption[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <select
          {...select}
          id={id}
          className="field__control"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/** A checkbox with its label beside it, and the inline error under both. */
export function CheckboxField({
  label,
  error,
  hint,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const { errorId, hintId, describedBy } = useFieldIds(error, hint);
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="check">
        <input {...input} type="checkbox" aria-invalid={Boolean(error) || undefined} aria-describedby={describedBy} />
        <span>{label}</span>
      </label>
      <FieldNotes error={error} hint={hint} errorId={errorId} hintId={hintId} />
    </div>
  );
}
