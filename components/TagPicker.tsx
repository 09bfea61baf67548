import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Modal } from './Modal';

export interface TagOption {
  name: string;
  color: string;
}

export interface TagPickerProps {
  paperTitle: string;
  tags: readonly TagOption[];
  selected: readonly string[];
  onToggle(tag: string, on: boolean): void;
  onClose(): void;
}

/**
 * Pick existing tags (checkboxes) or create one by typing its name and pressing Enter. Typing
 * also narrows the list, so a long tag list stays quick to use from the keyboard.
 */
export function TagPicker({ paperTitle, tags, selected, onToggle, onClose }: TagPickerProps) {
  const [query, setQuery] = useState('');
  const name = query.trim();
  const lower = name.toLowerCase();
  const visible = tags.filter((tag) => tag.name.toLowerCase().includes(lower));
  const exists = tags.some((tag) => tag.name.toLowerCase() === lower);
  const chosen = new Set(selected);

  return (
    <Modal title={i18n.t('overlay.tagPicker.title')} onClose={onClose}>
      <p class="subject">{paperTitle}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!name) return;
          const existing = tags.find((tag) => tag.name.toLowerCase() === lower);
          onToggle(existing?.name ?? name, !chosen.has(existing?.name ?? name));
          setQuery('');
        }}
      >
        <input
          type="text"
          aria-label={i18n.t('overlay.tagPicker.find')}
          placeholder={i18n.t('overlay.tagPicker.find')}
          maxLength={64}
          value={query}
          autoFocus
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        {name && !exists && (
          <button type="submit" class="action">
            {i18n.t('overlay.tagPicker.create', { name })}
          </button>
        )}
      </form>
      <ul class="tag-list" aria-label={i18n.t('overlay.tagPicker.list')}>
        {visible.map((tag) => (
          <li key={tag.name}>
            <label>
              <input type="checkbox" checked={chosen.has(tag.name)} onChange={(event) => onToggle(tag.name, event.currentTarget.checked)} />
              <span class="chip" style={{ '--chip': tag.color }}>
                {tag.name}
              </span>
            </label>
          </li>
        ))}
        {visible.length === 0 && !name && <li class="empty">{i18n.t('overlay.tagPicker.empty')}</li>}
      </ul>
    </Modal>
  );
}
