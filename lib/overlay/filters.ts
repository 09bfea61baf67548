import { i18n } from '#i18n';
import { foldForSearch } from '@/lib/rules/fold';
import type { ArxivPage } from '@/lib/arxiv/types';
import { traitsOf } from '@/lib/arxiv/page-kinds';

/**
 * Listing filters. The state decides which entries each one takes off the page (visibility.ts)
 * and entry-display.ts writes that onto the entries, screen first. "Show hidden" changes only the
 * hidden entries' own flag (entry-flags.ts), and "Show abstracts" is one attribute on `<html>`.
 * None is a rule on `<html>` over every entry: changing an attribute there makes the browser
 * restyle every element such a rule could reach, 35–55 ms on a 2000-entry listing even when no
 * entry changes.
 */
export const FILTERS = [
  { id: 'onlyStarred', label: i18n.t('overlay.filters.onlyStarred') },
  { id: 'onlyMatching', label: i18n.t('overlay.filters.onlyMatching') },
  { id: 'onlyUnseen', label: i18n.t('overlay.filters.onlyUnseen') },
  { id: 'hideCross', label: i18n.t('overlay.filters.hideCross') },
  { id: 'hideReplacements', label: i18n.t('overlay.filters.hideReplacements') },
  { id: 'showHidden', label: i18n.t('overlay.filters.showHidden') },
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

/** Writes the flags the stylesheet reads on the root element: one attribute, whatever the listing size. */
export function applyFilterFlags(root: Element, flags: FilterFlags): void {
  for (const filter of FILTERS) if ('attr' in filter) root.toggleAttribute(filter.attr, flags[filter.id]);
}

/** Attributes each entry node carries for the stylesheet and for counts. */
export const ENTRY_FLAGS = {
  starred: 'data-sift-starred',
  hidden: 'data-sift-hidden',
  /** Hidden and "Show hidden" off: the entry is down to its one line. */
  collapsed: 'data-sift-collapsed',
  tagged: 'data-sift-tagged',
  match: 'data-sift-match',
  seen: 'data-sift-seen',
  out: 'data-sift-out',
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
