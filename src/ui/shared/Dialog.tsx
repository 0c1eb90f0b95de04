// A modal dialog on the native <dialog> element: focus stays inside while it is
// open (on the element marked data-autofocus first), Escape closes it, and
// focus returns to what opened it.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // A close this component makes (its `open` turned false) still fires the element's `close`
  // event, a task later. By then the caller may have opened the dialog again for another question
  // (Cancel, then the next file at once), and that stale event must not answer it: it is skipped.
  const closedByUs = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // The element the dialog is about (marked data-autofocus), rather than its close button.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && dialog.open) {
      closedByUs.current = true;
      dialog.close();
    }
  }, [open]);

  const closed = () => {
    if (closedByUs.current) closedByUs.current = false;
    else onClose();
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={closed} onCancel={onClose}>
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="button button--quiet" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </div>
      <div className="dialog__body">{children}</div>
      {footer !== undefined && <div className="dialog__footer">{footer}</div>}
    </dialog>
  );
}
