import { i18n } from '#i18n';
import { dateOfArxivId } from '@/lib/arxiv/ids';
import type { PaperRecord } from '@/lib/store/db';
import { absLinkOf, pdfLinkOf } from '@/lib/reading-list/links';
import { TagChips } from './TagChips';

export interface PaperRowProps {
  record: PaperRecord;
  selected: boolean;
  /** Whether this paper is the one the details panel shows. */
  current: boolean;
  tagColors: ReadonlyMap<string, string>;
  /** `range`: the click was shift-click, extend the selection from the anchor. */
  onSelect(id: string, range: boolean): void;
  onShowDetails(id: string): void;
  /** The abstract or PDF link was followed. */
  onOpen(record: PaperRecord): void;
}

/** A day as the reader's locale writes it: the star date in a row. */
export function formatDay(time: number): string {
  return new Date(time).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/**
 * The month a paper was announced, read from its id (the snapshot holds no date), as the
 * reader's locale writes it: `Feb 2026` (`short`) or `February 2026` (`long`).
 */
export function formatAnnounced(id: string, month: 'short' | 'long'): string | undefined {
  const date = dateOfArxivId(id);
  return date && new Date(date.year, date.month - 1, 1).toLocaleDateString(undefined, { year: 'numeric', month });
}

/**
 * One paper of the reading list on one fixed-height line block: select box, title (opens the
 * details), authors, id, announced month, star date, tags, and links to the abstract and PDF. Text is clipped with
 * an ellipsis rather than wrapped, because the list windows its rows by a fixed height.
 */
export function PaperRow({ record, selected, current, tagColors, onSelect, onShowDetails, onOpen }: PaperRowProps) {
  const { meta } = record;
  return (
    <div class="paper-row" data-selected={selected ? '' : undefined} data-current={current ? '' : undefined}>
      <input
        type="checkbox"
        class="row-check"
        aria-label={i18n.t('readingList.row.select', { title: meta.title })}
        checked={selected}
        onClick={(event) => onSelect(record.id, event.shiftKey)}
      />
      <div class="row-main">
        <button type="button" class="title-button" aria-pressed={current} onClick={() => onShowDetails(record.id)}>
          {meta.title}
        </button>
        <div class="row-authors">{meta.authors.join(', ')}</div>
        <div class="row-meta">
          {/* i18n-exempt: arXiv's identifier scheme, written arXiv:2602.22290 in every language */}
          <span class="arxiv-id">arXiv:{record.id}</span>
          <span class="muted">{formatAnnounced(record.id, 'short')}</span>
          {meta.primarySubject && <span class="muted">{meta.primarySubject.code}</span>}
          {record.starredAt !== undefined && <span class="starred">★ {formatDay(record.starredAt)}</span>}
          {record.note !== undefined && <span class="muted">{i18n.t('readingList.row.note')}</span>}
          {record.seenAt === undefined && <span class="unread">{i18n.t('readingList.row.unread')}</span>}
          <TagChips tags={record.tags} colors={tagColors} />
        </div>
      </div>
      <div class="row-links">
        <a href={absLinkOf(meta)} target="_blank" rel="noopener noreferrer" aria-label={i18n.t('readingList.row.abstractOf', { title: meta.title })} onClick={() => onOpen(record)}>
          {i18n.t('readingList.row.abstract')}
        </a>
        <a href={pdfLinkOf(meta)} target="_blank" rel="noopener noreferrer" aria-label={i18n.t('readingList.row.pdfOf', { title: meta.title })} onClick={() => onOpen(record)}>
          {i18n.t('readingList.row.pdf')}
        </a>
      </div>
    </div>
  );
}
