import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';

export interface ModalProps {
  title: string;
  onClose(): void;
  children: ComponentChildren;
}

/**
 * A native modal `<dialog>`: the browser gives it focus trapping, Escape to close, the top layer
 * above arXiv's page, and returns focus to where it was when it closes.
 */
export function Modal({ title, onClose, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const mounted = useRef(true);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      mounted.current = false;
      dialog?.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class="modal"
      aria-label={title}
      // Closing on unmount queues a `close` event, and Chromium runs input first: a dialog the
      // reader opened with the next key (Escape, then ?) would be the one that event closed.
      onClose={() => {
        if (mounted.current) onClose();
      }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header>
        <h2>{title}</h2>
        <button type="button" class="close" aria-label={i18n.t('overlay.dialog.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
