import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
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
    <aside class="details" aria-label={i18n.t('readingList.details.region')}>
      <header>
        <h2>{meta.title}</h2>
        <button type="button" class="close" aria-label={i18n.t('readingList.details.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <p class="details-authors">{meta.authors.join(', ')}</p>
      <p class="details-actions">
        <button type="button" class="action toggle" aria-pressed={starred} onClick={() => onEdit(record, { kind: 'star', starred: !starred })}>
          <span aria-hidden="true">{starred ? '★' : '☆'}</span> {i18n.t('readingList.details.star')}
        </button>
        {gone && <span class="muted">{i18n.t('readingList.details.gone')}</span>}
      </p>
      <dl class="details-fields">
        <dt>{i18n.t('readingList.details.arxiv')}</dt>
        <dd>
          {record.id}
          {meta.version !== undefined && `v${meta.version}`}
        </dd>
        {announced !== undefined && (
          <>
            <dt>{i18n.t('readingList.details.announced')}</dt>
            <dd>{announced}</dd>
          </>
        )}
        {subjects.length > 0 && (
          <>
            <dt>{i18n.t('readingList.details.subjects')}</dt>
            <dd>{subjects.map((s) => `${s.name} (${s.code})`).join('; ')}</dd>
          </>
        )}
        {meta.comments !== undefined && (
          <>
            <dt>{i18n.t('readingList.details.comments')}</dt>
            <dd>{meta.comments}</dd>
          </>
        )}
        {meta.journalRef !== undefined && (
          <>
            <dt>{i18n.t('readingList.details.journalRef')}</dt>
            <dd>{meta.journalRef}</dd>
          </>
        )}
        {meta.doi !== undefined && (
          <>
            <dt>{i18n.t('readingList.details.doi')}</dt>
            <dd>{meta.doi}</dd>
          </>
        )}
        {record.starredAt !== undefined && (
          <>
            <dt>{i18n.t('readingList.details.starred')}</dt>
            <dd>{formatDay(record.starredAt)}</dd>
          </>
        )}
      </dl>
      <TagEditor record={record} tagColors={tagColors} tagNames={tagNames} onEdit={onEdit} />
      <NoteField key={record.id} record={record} onEdit={onEdit} />
      {meta.abstract !== undefined && (
        <section aria-label={i18n.t('readingList.details.abstract')} class="abstract">
          <h3>{i18n.t('readingList.details.abstract')}</h3>
          <p>{meta.abstract}</p>
        </section>
      )}
      <p class="details-links">
        <a href={absLinkOf(meta)} target="_blank" rel="noopener noreferrer" onClick={() => onOpen(record)}>
          {i18n.t('readingList.details.openAbstract')}
        </a>
        <a href={pdfLinkOf(meta)} target="_blank" rel="noopener noreferrer" onClick={() => onOpen(record)}>
          {i18n.t('readingList.details.openPdf')}
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
    <section aria-label={i18n.t('readingList.details.tags.region')} class="details-tags">
      <h3>{i18n.t('readingList.details.tags.heading')}</h3>
      {record.tags.length > 0 ? (
        <ul class="chips" aria-label={i18n.t('readingList.details.tags.list')}>
          {record.tags.map((tag) => (
            <li key={tag} class="chip" style={{ '--chip': tagColors.get(tag) ?? DEFAULT_TAG_COLOR }}>
              {tag}
              <button
                type="button"
                class="chip-remove"
                aria-label={i18n.t('readingList.details.tags.remove', { tag })}
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
        <p class="muted">{i18n.t('readingList.details.tags.none')}</p>
      )}
      <form
        aria-label={i18n.t('readingList.details.tags.add')}
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
          aria-label={i18n.t('readingList.details.tags.name')}
          placeholder={i18n.t('readingList.details.tags.add')}
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
          {i18n.t('readingList.details.tags.submit')}
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
    <section aria-label={i18n.t('readingList.details.note.region')} class="note">
      <h3>{i18n.t('readingList.details.note.heading')}</h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save(text);
        }}
      >
        <NoteTextarea value={text} rows={4} onInput={setDraft} onSave={save} />
        <div class="buttons">
          <button type="submit" class="action primary" disabled={text === stored}>
            {i18n.t('readingList.details.note.save')}
          </button>
          {record.note !== undefined && (
            <button type="button" class="action danger" onClick={() => save('')}>
              {i18n.t('readingList.details.note.delete')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
