import { i18n } from '#i18n';
import { foldForSearch } from '@/lib/rules/fold';
import type { ArxivPage } from '@/lib/arxiv/types';
import { traitsOf } from '@/lib/arxiv/page-kinds';

/**
 * Listing filters. Each toggle is one attribute on `<html>`, and one static stylesheet
 * (style.css) hides the entries whose own attributes do not pass, so flipping a filter costs the
 * same on a 20-entry and a 2000-entry listing: no loop over entries, no re-render.
 */
export const FILTERS = [
  { id: 'onlyStarred', attr: 'data-sift-only-starred', label: i18n.t('overlay.filters.onlyStarred') },
  { id: 'onlyMatching', attr: 'data-sift-only-matching', label: i18n.t('overlay.filters.onlyMatching') },
  { id: 'onlyUnseen', attr: 'data-sift-only-unseen', label: i18n.t('overlay.filters.onlyUnseen') },
  { id: 'hideCross', attr: 'data-sift-hide-cross', label: i18n.t('overlay.filters.hideCross') },
  { id: 'hideReplacements', attr: 'data-sift-hide-replacement', label: i18n.t('overlay.filters.hideReplacements') },
  { id: 'showHidden', attr: 'data-sift-show-hidden', label: i18n.t('overlay.filters.showHidden') },
  { id: 'showAbstracts', attr: 'data-sift-show-abstracts', label: i18n.t('overlay.filters.showAbstracts') },
] as const;

export type FilterId = (typeof FILTERS)[number]['id'];
export type FilterFlags = Readonly<Record<FilterId, boolean>>;

export const NO_FILTERS: FilterFlags = {
  onlyStarred: false,
  onlyMatching: false,
  onlyUnseen: false,
  hideCross: false,
  hideReplacements: false,
  showHidden: false,
  showAbstracts: false,
};

/** Writes the flags onto the root element: six attribute writes at most, whatever the listing size. */
export function applyFilterFlags(root: Element, flags: FilterFlags): void {
  for (const filter of FILTERS) root.toggleAttribute(filter.attr, flags[filter.id]);
}

/** Attributes each entry node carries for the stylesheet and for counts. */
export const ENTRY_FLAGS = {
  starred: 'data-sift-starred',
  hidden: 'data-sift-hidden',
  tagged: 'data-sift-tagged',
  match: 'data-sift-match',
  seen: 'data-sift-seen',
  textMiss: 'data-sift-text-miss',
  focused: 'data-sift-focus',
} as const;

/**
 * Terms of the quick filter: every whitespace-separated term must occur (AND), as in arXiv's own
 * search box; empty input matches everything.
 */
export function parseTextFilter(input: string): string[] {
  return foldForSearch(input).split(/\s+/).filter(Boolean);
}

export function matchesTextFilter(haystack: string, terms: readonly string[]): boolean {
  return terms.every((term) => haystack.includes(term));
}

/**
 * The filters that can change something on `page`, in the toolbar's order: section filters only
 * where the page has that section, "Show abstracts" only where arXiv printed none.
 */
export function availableFilters(page: ArxivPage): ReadonlySet<FilterId> {
  const sections = new Set(page.papers.map((paper) => paper.section));
  const printsAbstracts = traitsOf(page.kind)?.fields.includes('abstract') ?? true;
  return new Set(
    FILTERS.map((filter) => filter.id).filter(
      (id) => (id !== 'hideCross' || sections.has('cross')) && (id !== 'hideReplacements' || sections.has('replacement')) && (id !== 'showAbstracts' || !printsAbstracts),
    ),
  );
}
