import { useRef, useState } from 'preact/hooks';
import { DEFAULT_TAG_COLOR } from '@/lib/overlay/colors';
import type { PaperEdit } from '@/lib/reading-list/pending-edits';
import type { PaperRecord } from '@/lib/store/db';
import { absLinkOf, pdfLinkOf } from '@/lib/reading-list/links';
import { LIMITS } from '@/lib/schemas/fields';
import { NoteTextarea } from './NoteTextarea';
import { formatAnnounced, formatDay } from './PaperRow';

export interface PaperDetailsProps {
  record: PaperRecord;
  tagColors: ReadonlyMap<string, string>;
  /** Every tag name the reader has, offered while typing one. */
  tagNames: readonly string[];
  /** Whether the paper has left the reading list (nothing starred, tagged or noted any more). */
  gone?: boolean;
  onClose(): void;
  /** The abstract or PDF link was followed. */
  onOpen(record: PaperRecord): void;
  /** Star, tag or note the paper; the list shows it at once and says so if the store refuses. */
  onEdit(record: PaperRecord, edit: PaperEdit): void;
}

/**
 * Everything stored about one paper: the metadata snapshot (so it reads offline), and the user's
 * star, tags and note, each editable here. TeX stays as typed, as on arXiv's own listings before
 * MathJax runs.
 */
export function PaperDetails({ record, tagColors, tagNames, gone, onClose, onOpen, onEdit }: PaperDetailsProps) {
  const { meta } = record;
  const subjects = meta.primarySubject ? [meta.primarySubject, ...meta.subjects.filter((s) => s.code !== meta.primarySubject?.code)] : meta.subjects;
  const starred = record.starredAt !== undefined;
  const announced = formatAnnounced(record.id, 'long');
  return (
    <aside class="details" aria-label="Paper details">
      <header>
        <h2>{meta.title}</h2>
        <button type="button" class="close" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </header>
      <p class="details-authors">{meta.authors.join(', ')}</p>
      <p class="details-actions">
        <button type="button" class="action toggle" aria-pressed={starred} onClick={() => onEdit(record, { kind: 'star', starred: !starred })}>
          <span aria-hidden="true">{starred ? '★' : '☆'}</span> Star
        </button>
        {gone && <span class="muted">Not in your reading list any more: star, tag or note it to keep it.</span>}
      </p>
      <dl class="details-fields">
        <dt>arXiv</dt>
        <dd>
          {record.id}
          {meta.version !== undefined && `v${meta.version}`}
        </dd>
        {announced !== undefined && (
          <>
            <dt>Announced</dt>
            <dd>{announced}</dd>
          </>
        )}
        {subjects.length > 0 && (
          <>
            <dt>Subjects</dt>
            <dd>{subjects.map((s) => `${s.name} (${s.code})`).join('; ')}</dd>
          </>
        )}
        {meta.comments !== undefined && (
          <>
            <dt>Comments</dt>
            <dd>{meta.comments}</dd>
          </>
        )}
        {meta.journalRef !== undefined && (
          <>
            <dt>Journal ref</dt>
            <dd>{meta.journalRef}</dd>
          </>
        )}
        {meta.doi !== undefined && (
          <>
            <dt>DOI</dt>
            <dd>{meta.doi}</dd>
          </>
        )}
        {record.starredAt !== undefined && (
          <>
            <dt>Starred</dt>
            <dd>{formatDay(record.starredAt)}</dd>
          </>
        )}
      </dl>
      <TagEditor record={record} tagColors={tagColors} tagNames={tagNames} onEdit={onEdit} />
      <NoteField key={record.id} record={record} onEdit={onEdit} />
      {meta.abstract !== undefined && (
        <section aria-label="Abstract" class="abstract">
          <h3>Abstract</h3>
          <p>{meta.abstract}</p>
        </section>
      )}
      <p class="details-links">
        <a href={absLinkOf(meta)} target="_blank" rel="noopener noreferrer" onClick={() => onOpen(record)}>
          Open abstract page
        </a>
        <a href={pdfLinkOf(meta)} target="_blank" rel="noopener noreferrer" onClick={() => onOpen(record)}>
          Open PDF
        </a>
      </p>
    </aside>
  );
}

type EditorProps = Pick<PaperDetailsProps, 'record' | 'onEdit'>;

/** The paper's tags, each with a remove button, and a field that adds one (existing names offered). */
function TagEditor({ record, tagColors, tagNames, onEdit }: EditorProps & Pick<PaperDetailsProps, 'tagColors' | 'tagNames'>) {
  const [name, setName] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const offered = tagNames.filter((tag) => !record.tags.includes(tag));
  return (
    <section aria-label="Tags of this paper" class="details-tags">
      <h3>Tags</h3>
      {record.tags.length > 0 ? (
        <ul class="chips" aria-label="Tags">
          {record.tags.map((tag) => (
            <li key={tag} class="chip" style={{ '--chip': tagColors.get(tag) ?? DEFAULT_TAG_COLOR }}>
              {tag}
              <button
                type="button"
                class="chip-remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => {
                  onEdit(record, { kind: 'tag', tag, on: false });
                  // The button goes with its chip: keep the keyboard in the tag editor.
                  input.current?.focus();
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No tags.</p>
      )}
      <form
        aria-label="Add a tag"
        onSubmit={(event) => {
          event.preventDefault();
          const tag = name.trim();
          if (tag === '') return;
          // An existing tag typed in another case is that tag, as in the listing's tag picker.
          const existing = tagNames.find((known) => known.toLowerCase() === tag.toLowerCase());
          onEdit(record, { kind: 'tag', tag: existing ?? tag, on: true });
          setName('');
        }}
      >
        <input
          ref={input}
          type="text"
          aria-label="Tag name"
          placeholder="Add a tag"
          list="details-tag-names"
          maxLength={LIMITS.tagName}
          value={name}
          onInput={(event) => setName(event.currentTarget.value)}
        />
        <datalist id="details-tag-names">
          {offered.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        <button type="submit" class="action" disabled={name.trim() === ''}>
          Add tag
        </button>
      </form>
    </section>
  );
}

/**
 * The note as an editable field: what is typed stays a draft until saved (Save, or Ctrl/Cmd+Enter),
 * so a note another tab changes meanwhile shows unless the reader is mid-edit.
 */
function NoteField({ record, onEdit }: EditorProps) {
  const [draft, setDraft] = useState<string | undefined>();
  const stored = record.note ?? '';
  const text = draft ?? stored;
  const save = (note: string) => {
    onEdit(record, { kind: 'note', note });
    setDraft(undefined);
  };
  return (
    <section aria-label="Note" class="note">
      <h3>Note</h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save(text);
        }}
      >
        <NoteTextarea value={text} rows={4} onInput={setDraft} onSave={save} />
        <div class="buttons">
          <button type="submit" class="action primary" disabled={text === stored}>
            Save note
          </button>
          {record.note !== undefined && (
            <button type="button" class="action danger" onClick={() => save('')}>
              Delete note
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
