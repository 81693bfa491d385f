import { useEffect, useRef, type ReactNode } from 'react';
import './dialog.css';

/**
 * A modal dialog on the native <dialog>: focus moves into it and is trapped there, Escape and
 * the close button cancel, and focus returns to where it was when it closes.
 */
export function Dialog(props: { title: string; open: boolean; onClose: () => void; children: ReactNode; testId?: string; wide?: boolean }) {
  const { title, open, onClose, children, testId, wide } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    // Escape fires `cancel`; keep React in charge of whether the dialog is open.
    const cancel = (e: Event) => {
      e.preventDefault();
      closeRef.current();
    };
    d.addEventListener('cancel', cancel);
    return () => d.removeEventListener('cancel', cancel);
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={`${testId ?? 'dialog'}-title`}
      data-testid={testId}
    >
      {open && (
        <>
          <header className="dialog-header">
            <h2 id={`${testId ?? 'dialog'}-title`}>{title}</h2>
            <button type="button" className="dialog-close" aria-label="Close" onClick={onClose}>
              ×
            </button>
          </header>
          <div className="dialog-body">{children}</div>
        </>
      )}
    </dialog>
  );
}
