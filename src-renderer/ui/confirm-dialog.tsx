/**
 * Asks before a destructive action (Delete, Deactivate, Remove…): Cancel has the focus, the action
 * button says what it does, and a refusal from the server stays in the dialog as it said it.
 */
import type { ReactNode } from 'react';
import type { ActionOutcome } from '../state/load-state.js';
import { Button } from './button.js';
import { ErrorBanner } from './error-banner.js';
import { Modal } from './modal.js';
import { useAction } from './use-action.js';

export interface ConfirmDialogProps {
  title: string;
  /** The action button's words ("Delete", "Deactivate"). */
  confirmLabel: string;
  /** What the banner says when the server refuses ("Could not delete the group."). */
  failureTitle: string;
  children: ReactNode;
  onConfirm: () => Promise<ActionOutcome>;
  /** Called after the action succeeded. */
  onDone: () => void;
  onClose: () => void;
}

export function ConfirmDialog({
  title,
  confirmLabel,
  failureTitle,
  children,
  onConfirm,
  onDone,
  onClose,
}: ConfirmDialogProps) {
  const action = useAction(onConfirm);
  const confirm = async () => {
    if (await action.run()) onDone();
  };
  return (
    <Modal title={title} onClose={onClose}>
      <div className="form">
        <div>{children}</div>
        {action.error && <ErrorBanner title={failureTitle}>{action.error.summary}</ErrorBanner>}
        <div className="form__actions">
          <Button variant="secondary" onClick={onClose} disabled={action.pending} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" busy={action.pending} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
