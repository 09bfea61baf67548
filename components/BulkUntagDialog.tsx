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
    <Modal title="Remove a tag from selected papers" onClose={onClose}>
      {tags.length === 0 ? (
        <p class="empty">The selected papers carry no tags.</p>
      ) : (
        <ul class="tag-list" aria-label="Tags of the selected papers">
          {tags.map((tag) => (
            <li key={tag.name}>
              <button type="button" class="chip" style={{ '--chip': tag.color }} aria-label={`Remove tag ${tag.name}`} onClick={() => onApply(tag.name)}>
                {tag.name} <span class="badge">{tag.count}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
