import { i18n } from '#i18n';
import { Modal } from './Modal';

export interface BulkUntagDialogProps {
  /** The tags the selected papers carry, each with how many of them carry it. */
  tags: readonly { name: string; color: string; count: number }[];
  onApply(tag: string): void;
  onClose(): void;
}

/** Removes one tag from every selected paper that carries it. */
export function BulkUntagDialog({ tags, onApply, onClose }: BulkUntagDialogProps) {
  return (
    <Modal title={i18n.t('overlay.bulkUntag.title')} onClose={onClose}>
      {tags.length === 0 ? (
        <p class="empty">{i18n.t('overlay.bulkUntag.none')}</p>
      ) : (
        <ul class="tag-list" aria-label={i18n.t('overlay.bulkUntag.list')}>
          {tags.map((tag) => (
            <li key={tag.name}>
              <button type="button" class="chip" style={{ '--chip': tag.color }} aria-label={i18n.t('overlay.bulkUntag.remove', { name: tag.name })} onClick={() => onApply(tag.name)}>
                {tag.name} <span class="badge">{tag.count}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
