import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Modal } from './Modal';
import type { TagOption } from './TagPicker';

export interface BulkTagDialogProps {
  /** How many papers the tag goes on. */
  count: number;
  tags: readonly TagOption[];
  onApply(tag: string): void;
  onClose(): void;
}

/** Adds one tag, new or existing, to every selected paper. */
export function BulkTagDialog({ count, tags, onApply, onClose }: BulkTagDialogProps) {
  const [name, setName] = useState('');
  return (
    <Modal title={i18n.t('overlay.bulkTag.title')} onClose={onClose}>
      <p class="subject">{i18n.t('overlay.bulkTag.subject', count)}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const tag = name.trim();
          if (tag) onApply(tag);
        }}
      >
        <input
          type="text"
          aria-label={i18n.t('overlay.bulkTag.name')}
          placeholder={i18n.t('overlay.bulkTag.name')}
          maxLength={64}
          list="bulk-tag-names"
          value={name}
          autoFocus
          onInput={(event) => setName(event.currentTarget.value)}
        />
        <datalist id="bulk-tag-names">
          {tags.map((tag) => (
            <option key={tag.name} value={tag.name} />
          ))}
        </datalist>
        <button type="submit" class="action primary" disabled={!name.trim()}>
          {i18n.t('overlay.bulkTag.add')}
        </button>
      </form>
      {tags.length > 0 && (
        <ul class="tag-list" aria-label={i18n.t('overlay.bulkTag.existing')}>
          {tags.map((tag) => (
            <li key={tag.name}>
              <button type="button" class="chip" style={{ '--chip': tag.color }} aria-label={i18n.t('overlay.bulkTag.addNamed', { name: tag.name })} onClick={() => onApply(tag.name)}>
                {tag.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
