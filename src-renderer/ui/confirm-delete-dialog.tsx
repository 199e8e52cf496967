/**
 * Asks before a delete; a refusal stays in the dialog as the server says it: its summary and,
 * when it names them, each place that still uses the thing (Okta error causes).
 */
import type { ReactNode } from 'react';
import type { ActionOutcome } from '../state/load-state.js';
import { Button } from './button.js';
import { ErrorBanner } from './error-banner.js';
import { Modal } from './modal.js';
import { useAction } from './use-action.js';

export interface ConfirmDeleteDialogProps {
  title: string;
  /** What will be deleted and what follows from it. */
  children: ReactNode;
  /** What a failure is about, as in "Could not delete the scope." */
  failure: string;
  onConfirm: () => Promise<ActionOutcome>;
  onClose: () => void;
}

export function ConfirmDeleteDialog({ title, children, failure, onConfirm, onClose }: ConfirmDeleteDialogProps) {
  const action = useAction(onConfirm);
  const confirm = async () => {
    if (await action.run()) onClose();
  };
  return (
    <Modal title={title} onClose={onClose}>
      <div className="form">
        <p>{children}</p>
        {action.error && (
          <ErrorBanner title={failure}>
            {action.error.summary}
            {action.error.issues.length > 0 && (
              <ul className="error-banner__causes">
                {action.error.issues.map((issue) => (
                  <li key={issue.message}>{issue.message}</li>
                ))}
              </ul>
            )}
          </ErrorBanner>
        )}
        <div className="form__actions">
          <Button variant="secondary" onClick={onClose} disabled={action.pending} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" busy={action.pending} onClick={() => void confirm()}>
            Delete
          </Button>
        </div>
      </div>
    </Modal>
  );
}
