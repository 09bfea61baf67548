import { useState } from 'preact/hooks';
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
    <Modal title="Note" onClose={onClose}>
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
              Delete note
            </button>
          )}
          <button type="button" class="action" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="action primary">
            Save note
          </button>
        </div>
      </form>
    </Modal>
  );
}
