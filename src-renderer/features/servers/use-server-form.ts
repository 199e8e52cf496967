/**
 * State of one authorization server form: the draft the user edits, and the problems the last
 * submit came back with (shown inline until the field is edited again).
 */
import { useState } from 'react';
import type { SaveOutcome } from '../../state/servers-slice.js';
import { draftOf } from '../../state/server-draft.js';
import type { DraftField, FieldErrors, ServerDraft } from '../../state/server-draft.js';

export function useServerForm(initial: ServerDraft, submitDraft: (draft: ServerDraft) => Promise<SaveOutcome>) {
  const [draft, setDraft] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const change = <F extends DraftField>(field: F, value: ServerDraft[F]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setFieldErrors(({ [field]: _fixed, ...rest }) => rest);
  };

  /** Resolves to the saved server, or null when the server refused the draft. */
  const submit = async () => {
    setSubmitting(true);
    try {
      const outcome = await submitDraft(draft);
      // Show what the server stored (it trims), so the form and the saved server agree.
      if (outcome.ok) setDraft(draftOf(outcome.server));
      setFieldErrors(outcome.ok ? {} : outcome.fieldErrors);
      setFormError(outcome.ok ? null : outcome.formError);
      return outcome.ok ? outcome.server : null;
    } finally {
      setSubmitting(false);
    }
  };

  return { draft, change, fieldErrors, formError, submitting, submit };
}
