import { useState } from 'preact/hooks';
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
  const papers = `${count} ${count === 1 ? 'paper' : 'papers'}`;
  return (
    <Modal title="Tag selected papers" onClose={onClose}>
      <p class="subject">Add a tag to {papers}.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const tag = name.trim();
          if (tag) onApply(tag);
        }}
      >
        <input
          type="text"
          aria-label="Tag name"
          placeholder="Tag name"
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
          Add tag
        </button>
      </form>
      {tags.length > 0 && (
        <ul class="tag-list" aria-label="Existing tags">
          {tags.map((tag) => (
            <li key={tag.name}>
              <button type="button" class="chip" style={{ '--chip': tag.color }} aria-label={`Add tag ${tag.name}`} onClick={() => onApply(tag.name)}>
                {tag.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
