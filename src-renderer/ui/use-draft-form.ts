/**
 * State of one form over a draft: what the user edits, and the problems the last submit came back
 * with (shown inline until that field is edited again, or above the fields when no field names them).
 */
import { useState } from 'react';
import type { FieldErrorsOf, FormProblemsOf } from '../state/form-problems.js';

/** What a save answers: done, or refused with the problems to show. */
export type DraftOutcome<Field extends string> = { ok: true } | ({ ok: false } & FormProblemsOf<Field>);

export function useDraftForm<Draft extends object, Outcome extends DraftOutcome<keyof Draft & string>>(
  initial: Draft,
  submitDraft: (draft: Draft) => Promise<Outcome>,
) {
  type Field = keyof Draft & string;
  const [draft, setDraft] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldErrorsOf<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const change = <F extends Field>(field: F, value: Draft[F]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setFieldErrors(({ [field]: _fixed, ...rest }) => rest as FieldErrorsOf<Field>);
  };

  const submit = async (): Promise<Outcome> => {
    setSubmitting(true);
    try {
      const outcome = await submitDraft(draft);
      const result: DraftOutcome<Field> = outcome;
      setFieldErrors(result.ok ? {} : result.fieldErrors);
      setFormError(result.ok ? null : result.formError);
      return outcome;
    } finally {
      setSubmitting(false);
    }
  };

  return { draft, setDraft, change, fieldErrors, formError, submitting, submit };
}
