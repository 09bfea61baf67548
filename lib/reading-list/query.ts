/**
 * The reading list's search, filters and sort: which stored papers it shows and in what order.
 * Pure functions over `PaperRecord`s, so 10,000 papers can be searched on every keystroke: the
 * folded search text of each paper is computed once per version of its record, not per query.
 */
import { i18n } from '#i18n';
import { compareArxivIds } from '@/lib/arxiv/ids';
import { matchesTextFilter, parseTextFilter } from '@/lib/overlay/filters';
import { foldForSearch } from '@/lib/rules/fold';
import type { PaperRecord } from '@/lib/store/db';

export type SortKey = 'starred' | 'announced' | 'announced-oldest' | 'title' | 'tag';

export const SORT_KEYS: readonly { id: SortKey; label: string }[] = [
  { id: 'starred', label: i18n.t('readingList.sort.starred') },
  { id: 'announced', label: i18n.t('readingList.sort.announced') },
  { id: 'announced-oldest', label: i18n.t('readingList.sort.announcedOldest') },
  { id: 'title', label: i18n.t('readingList.sort.title') },
  { id: 'tag', label: i18n.t('readingList.sort.tag') },
];

export interface ReadingListQuery {
  /** Whitespace-separated terms, all of which must occur (as in the listing's quick filter). */
  text: string;
  sort: SortKey;
  /** Only papers carrying this tag; `undefined` for every tag. */
  tag?: string | undefined;
  starredOnly: boolean;
  /** Only papers the user has not marked as seen (`seenAt`). */
  unreadOnly: boolean;
}

export const DEFAULT_QUERY: ReadingListQuery = { text: '', sort: 'starred', starredOnly: false, unreadOnly: false };

/** A reading-list paper with its folded search text. */
export interface IndexedPaper {
  readonly record: PaperRecord;
  readonly text: string;
}

/**
 * Whether a stored paper belongs in the reading list: starred, tagged or carrying a note. Records
 * that are only hidden or only marked as seen are the listing's business, not a reading list's.
 */
export function isReadingListPaper(record: PaperRecord): boolean {
  return record.starredAt !== undefined || record.tags.length > 0 || record.note !== undefined;
}

/**
 * The text the search box looks in: id, title, authors, abstract and note, folded like the
 * listing's quick filter (lower case, no diacritics) so `zelasko` finds `Żelasko`. Fields are
 * joined by line breaks, which no search term contains, so no term matches across two fields.
 */
export function toSearchText(record: PaperRecord): string {
  const { meta } = record;
  // Folded field by field: folding joins whitespace runs, and the newline keeps a term from spanning two fields.
  return [record.id, meta.title, meta.authors.join(', '), meta.abstract ?? '', record.note ?? ''].map(foldForSearch).join('\n');
}

/**
 * The folded search text of `record`, folded on first use: folding 100,000 abstracts before the
 * first row would cost seconds, and most lists are never searched.
 */
function lazyFold(record: PaperRecord): () => string {
  let text: string | undefined;
  return () => (text ??= toSearchText(record));
}

/**
 * Whether two versions of a paper's record search the same: the store bumps `updatedAt` on every
 * write, which is the only way `meta` changes; the note also changes under an edit the page shows
 * before the store has it (lib/reading-list/pending-edits.ts).
 */
function hasSameText(a: PaperRecord, b: PaperRecord): boolean {
  return a.updatedAt === b.updatedAt && a.note === b.note;
}

/**
 * An indexed paper reading its text from a fold the next version of the record may share. A class,
 * so 100,000 of them per live read share one getter instead of defining one each.
 */
class Indexed implements IndexedPaper {
  constructor(
    readonly record: PaperRecord,
    readonly fold: () => string,
  ) {}

  get text(): string {
    return this.fold();
  }
}

/**
 * Returns a function that turns the store's records into the reading list's indexed papers. It
 * remembers each paper's search text by id and `updatedAt` (every write bumps it), so when one
 * paper changes among 10,000 only that one is folded again, and folds a paper's text only when a
 * search first needs it; papers gone from the store are forgotten on the next call. Each indexed
 * paper carries the record it was given this call, so a star or tag shows although the text is kept.
 *
 * @example const index = createPaperIndexer(); const papers = index(await db.papers.toArray());
 */
export function createPaperIndexer(): (records: readonly PaperRecord[]) => IndexedPaper[] {
  let known = new Map<string, Indexed>();
  return (records) => {
    const next = new Map<string, Indexed>();
    const out: IndexedPaper[] = [];
    for (const record of records) {
      if (!isReadingListPaper(record)) continue;
      const previous = known.get(record.id);
      const entry =
        previous && previous.record === record
          ? previous
          : new Indexed(record, previous && hasSameText(previous.record, record) ? previous.fold : lazyFold(record));
      next.set(record.id, entry);
      out.push(entry);
    }
    known = next;
    return out;
  };
}

// Numeric so "Part 2" sorts before "Part 10"; base sensitivity so case and accents do not split titles.
const TITLE_ORDER = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Newest arXiv id first; the order every other sort falls back to. It is also the order of
 * announcement: the id names the month it was assigned and numbers papers in order within it (see
 * `compareArxivIds`), and the stored snapshot holds no other date. Only a paper held back for
 * moderation is announced later than its id says.
 */
function byIdNewestFirst(a: PaperRecord, b: PaperRecord): number {
  return compareArxivIds(b.id, a.id);
}

/** The tag a paper files under when sorting by tag: the first of its tags in title order. */
function firstTagOf(record: PaperRecord): string | undefined {
  let first: string | undefined;
  for (const tag of record.tags) if (first === undefined || TITLE_ORDER.compare(tag, first) < 0) first = tag;
  return first;
}

/** Papers grouped by their first tag, A to Z; untagged papers last. */
function byFirstTag(a: PaperRecord, b: PaperRecord): number {
  const ta = firstTagOf(a);
  const tb = firstTagOf(b);
  if (ta === undefined || tb === undefined) return (ta === undefined ? 1 : 0) - (tb === undefined ? 1 : 0);
  return TITLE_ORDER.compare(ta, tb);
}

const COMPARATORS: Record<SortKey, (a: PaperRecord, b: PaperRecord) => number> = {
  // Most recently starred first; tagged-only papers (never starred) after them, most recently changed first.
  starred: (a, b) =>
    (b.starredAt ?? -1) - (a.starredAt ?? -1) || b.updatedAt - a.updatedAt || byIdNewestFirst(a, b),
  announced: byIdNewestFirst,
  'announced-oldest': (a, b) => compareArxivIds(a.id, b.id),
  title: (a, b) => TITLE_ORDER.compare(a.meta.title, b.meta.title) || byIdNewestFirst(a, b),
  tag: (a, b) => byFirstTag(a, b) || byIdNewestFirst(a, b),
};

/**
 * The papers the reading list shows for `query`, in its order: those carrying `query.tag` (if
 * set), starred (if `starredOnly`), not seen (if `unreadOnly`) and containing every search term,
 * sorted by `query.sort`. Ties always fall back to the newest arXiv id, so the order is stable.
 */
export function queryReadingList(papers: readonly IndexedPaper[], query: ReadingListQuery): PaperRecord[] {
  const terms = parseTextFilter(query.text);
  const { tag, starredOnly, unreadOnly } = query;
  const out: PaperRecord[] = [];
  for (const { record, text } of papers) {
    if (tag !== undefined && !record.tags.includes(tag)) continue;
    if (starredOnly && record.starredAt === undefined) continue;
    if (unreadOnly && record.seenAt !== undefined) continue;
    if (terms.length > 0 && !matchesTextFilter(text, terms)) continue;
    out.push(record);
  }
  return out.sort(COMPARATORS[query.sort]);
}

/** How many of `records` carry each tag: the untag dialog's counts for a selection. */
export function countTagsOf(records: readonly PaperRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records) for (const tag of record.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return counts;
}

/** How many of the reading list's papers carry each tag, for the tag filter's labels. */
export function countTags(papers: readonly IndexedPaper[]): Map<string, number> {
  return countTagsOf(papers.map((paper) => paper.record));
}

/**
 * Whether `query` can leave papers out: a search term or any filter. The export then names and
 * exports what is shown rather than every paper.
 */
export function isNarrowed(query: ReadingListQuery): boolean {
  return parseTextFilter(query.text).length > 0 || query.tag !== undefined || query.starredOnly || query.unreadOnly;
}
