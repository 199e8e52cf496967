/**
 * A modal <dialog> named by its title: opened with showModal() as soon as it mounts (focus trap,
 * Escape, top layer); Escape asks the owner to close it instead of closing it behind React's back.
 */
import { useId } from 'react';
import type { ReactNode } from 'react';

export interface ModalProps {
  title: string;
  onClose: () => void;
  /** Wider, for forms with more than a few fields. */
  wide?: boolean;
  children: ReactNode;
}

const showModal = (dialog: HTMLDialogElement | null) => {
  if (dialog && !dialog.open) dialog.showModal();
};

export function Modal({ title, onClose, wide = false, children }: ModalProps) {
  const titleId = useId();
  return (
    <dialog
      ref={showModal}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
