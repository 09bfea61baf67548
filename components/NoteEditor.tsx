import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Modal } from './Modal';
import { NoteTextarea } from './NoteTextarea';

export interface NoteEditorProps {
  paperTitle: string;
  note: string;
  onSave(note: string): void;
  onClose(): void;
}

/** A short note on a paper; saving an empty note deletes it. Ctrl/Cmd+Enter saves. */
export function NoteEditor({ paperTitle, note, onSave, onClose }: NoteEditorProps) {
  const [text, setText] = useState(note);
  return (
    <Modal title={i18n.t('overlay.note.title')} onClose={onClose}>
      <p class="subject">{paperTitle}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSave(text);
        }}
      >
        <NoteTextarea value={text} rows={5} autoFocus onInput={setText} onSave={onSave} />
        <div class="buttons">
          {note && (
            <button type="button" class="action danger" onClick={() => onSave('')}>
              {i18n.t('overlay.note.delete')}
            </button>
          )}
          <button type="button" class="action" onClick={onClose}>
            {i18n.t('overlay.dialog.cancel')}
          </button>
          <button type="submit" class="action primary">
            {i18n.t('overlay.note.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
