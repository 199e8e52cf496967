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

export interface FormDialogProps {
  title: string;
  wide?: boolean;
  /** The banner's words when the save is refused ("Could not save the scope."). */
  failureTitle: string;
  /** The submit button's words ("Create Policy", "Save"). */
  submitLabel: string;
  /** The refusal no field names, from the last submit. */
  formError: string | null;
  submitting: boolean;
  /** Runs the save; the dialog's owner decides what follows it. */
  onSubmit: () => Promise<unknown>;
  onClose: () => void;
  /** Buttons before Cancel (a wizard's Back). */
  extraActions?: ReactNode;
  children: ReactNode;
}

export function FormDialog({
  title,
  wide = false,
  failureTitle,
  submitLabel,
  formError,
  submitting,
  onSubmit,
  onClose,
  extraActions,
  children,
}: FormDialogProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <Modal title={title} onClose={onClose} wide={wide}>
      <form className="form" noValidate onSubmit={submit}>
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
