/**
 * A dialog holding one editor form (Add / Edit of a server, scope, claim, policy, rule, app, person,
 * group): the server's refusal above the fields when no field names it, the fields, then Cancel and
 * the submit button, which shows it is busy while the save runs. `noValidate`: the server's own
 * messages are the ones to show, so the browser must not block the submit.
 */
import type { FormEvent, ReactNode } from 'react';
import { Button } from './button.js';
import { ErrorBanner } from './error-banner.js';
import { Modal } from './modal.js';

/** What the dialog needs of a draft form (`useDraftForm`): its refusal, whether it saves, and the save. */
export interface DialogForm<Outcome extends { ok: boolean }> {
  /** The refusal no field names, from the last submit. */
  formError: string | null;
  submitting: boolean;
  submit: () => Promise<Outcome>;
}

export interface FormDialogProps<Outcome extends { ok: boolean }> {
  title: string;
  wide?: boolean;
  /** The banner's words when the save is refused ("Could not save the scope."). */
  failureTitle: string;
  /** The submit button's words ("Create Policy", "Save"). */
  submitLabel: string;
  form: DialogForm<Outcome>;
  /** After a save the server accepted (the owner closes the dialog). */
  onSaved: (outcome: Extract<Outcome, { ok: true }>) => void;
  onClose: () => void;
  /** Buttons before Cancel (a wizard's Back). */
  extraActions?: ReactNode;
  children: ReactNode;
}

export function FormDialog<Outcome extends { ok: boolean }>({
  title,
  wide = false,
  failureTitle,
  submitLabel,
  form,
  onSaved,
  onClose,
  extraActions,
  children,
}: FormDialogProps<Outcome>) {
  const { formError, submitting } = form;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await form.submit();
    if (outcome.ok) onSaved(outcome as Extract<Outcome, { ok: true }>);
  };
  return (
    <Modal title={title} onClose={onClose} wide={wide}>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {formError && <ErrorBanner title={failureTitle}>{formError}</ErrorBanner>}
        {children}
        <div className="form__actions">
          {extraActions}
          <Button variant="secondary" onClick={onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" busy={submitting}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
