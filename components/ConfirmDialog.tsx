import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';
import { Modal } from './Modal';

export interface ConfirmDialogProps {
  title: string;
  /** The label of the button that goes ahead, naming the action ("Delete tag"). */
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  children: ComponentChildren;
}

/** Asks before an action that cannot be undone; Cancel comes first, so Enter never destroys. */
export function ConfirmDialog({ title, confirmLabel, onConfirm, onCancel, children }: ConfirmDialogProps) {
  return (
    <Modal title={title} onClose={onCancel}>
      {children}
      <div class="buttons">
        <button type="button" class="action" onClick={onCancel}>
          {i18n.t('overlay.dialog.cancel')}
        </button>
        <button type="button" class="action primary" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
