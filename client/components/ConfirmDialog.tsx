/**
 * Asks to confirm an action that can't be taken back (an operator's season tools, an owner removing a friend). A modal `<dialog>`: the browser traps focus in
 * it, Escape cancels, and focus returns to the button that opened it when it closes.
 */
import { type ReactNode, useEffect, useId, useRef } from "react";

type Props = {
  open: boolean;
  title: string;
  /** What will happen on confirming, in words the reader can check against their intent. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
};

export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // Cancel first: Enter on a dialog that just appeared should not do the irreversible thing.
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape: React owns `open`, so the dialog closes through it rather than behind its back.
        event.preventDefault();
        onCancel();
      }}
      onClose={() => {
        // Closed some other way while React still has it open: keep the two in step, as a cancel.
        if (open) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div id={bodyId} className="confirm-dialog-body">
        {children}
      </div>
      <div className="button-row confirm-dialog-actions">
        <button ref={cancelRef} type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
