import { i18n } from '#i18n';
import { LIMITS } from '@/lib/schemas/fields';

export interface NoteTextareaProps {
  value: string;
  rows: number;
  autoFocus?: boolean;
  onInput(text: string): void;
  /** Ctrl/Cmd+Enter: the note editors' "save now" key. */
  onSave(text: string): void;
}

/** The note's text box, as the note dialog and the reading list's details pane both show it: the store's length limit, Ctrl/Cmd+Enter saves. */
export function NoteTextarea({ value, rows, autoFocus = false, onInput, onSave }: NoteTextareaProps) {
  return (
    <textarea
      aria-label={i18n.t('overlay.note.text')}
      rows={rows}
      maxLength={LIMITS.note}
      value={value}
      autoFocus={autoFocus}
      onInput={(event) => onInput(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          onSave(value);
        }
      }}
    />
  );
}
