import type { PaperRecord } from '@/lib/store/db';
import { absLinkOf, pdfLinkOf } from '@/lib/reading-list/links';
import { formatDay } from './PaperRow';
import { TagChips } from './TagChips';

export interface PaperDetailsProps {
  record: PaperRecord;
  tagColors: ReadonlyMap<string, string>;
  onClose(): void;
  /** The abstract or PDF link was followed. */
  onOpen(record: PaperRecord): void;
}

/**
 * Everything stored about one paper: the metadata snapshot (so it reads offline), the user's tags
 * and note. TeX stays as typed, as on arXiv's own listings before MathJax runs.
 */
export function PaperDetails({ record, tagColors, onClose, onOpen }: PaperDetailsProps) {
  const { meta } = record;
  const subjects = meta.primarySubject ? [meta.primarySubject, ...meta.subjects.filter((s) => s.code !== meta.primarySubject?.code)] : meta.subjects;
  return (
    <aside class="details" aria-label="Paper details">
      <header>
        <h2>{meta.title}</h2>
        <button type="button" class="close" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </header>
      <p class="details-authors">{meta.authors.join(', ')}</p>
      <dl class="details-fields">
        <dt>arXiv</dt>
        <dd>
          {record.id}
          {meta.version !== undefined && `v${meta.version}`}
        </dd>
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
      <TagChips tags={record.tags} colors={tagColors} />
      {record.note !== undefined && (
        <section aria-label="Note" class="note">
          <h3>Note</h3>
          <p>{record.note}</p>
        </section>
      )}
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
