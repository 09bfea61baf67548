/**
 * What Sift does on each kind of arXiv page, in one table. Features, the overlay, the content
 * script's entry point and the popup read these traits instead of testing page kinds themselves,
 * so a new kind (author pages next) is a row here, a URL rule, a parser and fixtures.
 */
import type { RuleField } from '@/lib/rules/types';
import type { PageKind } from './types';

/** The kinds Sift augments: every kind but `unknown`. */
export type AugmentedKind = Exclude<PageKind, 'unknown'>;

export interface PageKindTraits {
  /** The toolbar with counts and filters above the entries (a lone abs page needs none). */
  toolbar: boolean;
  /** Whether an entry can collapse to one line when hidden (an abs page is the paper itself). */
  collapsible: boolean;
  /**
   * Where each entry's controls go: after a listing `<dt>`'s `[pdf, html, other]` links, at the
   * end of a search result's id line, or under an abs page's title.
   */
  controls: 'listing-head' | 'result-id-line' | 'under-title';
  /** Where the toolbar and dialogs mount: before the first list of entries, or at the end of the body. */
  overlay: 'before-entries' | 'end-of-body';
  /** The fields this kind's entries carry on the page (arXiv prints abstracts only on some). */
  fields: readonly RuleField[];
}

const WITH_ABSTRACTS: readonly RuleField[] = ['title', 'authors', 'abstract', 'comments', 'subjects'];
// arxiv-browse `list_macros.html` prints the abstract for the "new" list type only.
const WITHOUT_ABSTRACTS: readonly RuleField[] = ['title', 'authors', 'comments', 'subjects'];

const LISTING: PageKindTraits = {
  toolbar: true,
  collapsible: true,
  controls: 'listing-head',
  overlay: 'before-entries',
  fields: WITHOUT_ABSTRACTS,
};

export const PAGE_KINDS: Readonly<Record<AugmentedKind, PageKindTraits>> = {
  new: { ...LISTING, fields: WITH_ABSTRACTS },
  recent: LISTING,
  pastweek: LISTING,
  month: LISTING,
  catchup: { ...LISTING, fields: WITH_ABSTRACTS },
  search: { ...LISTING, controls: 'result-id-line', fields: WITH_ABSTRACTS },
  // arxiv-browse `list/author.html`: the same `dt`/`dd` entries as /recent, without abstracts.
  author: LISTING,
  abs: {
    toolbar: false,
    collapsible: false,
    controls: 'under-title',
    overlay: 'end-of-body',
    fields: WITH_ABSTRACTS,
  },
};

export const AUGMENTED_KINDS = Object.keys(PAGE_KINDS) as AugmentedKind[];

/** The traits of `kind`, or `undefined` for pages Sift leaves alone. */
export function traitsOf(kind: PageKind): PageKindTraits | undefined {
  return kind === 'unknown' ? undefined : PAGE_KINDS[kind];
}

/**
 * The kinds whose traits pass `test`, for a feature's `include`.
 *
 * @example kindsWhere((traits) => traits.collapsible) // every listing kind, not 'abs'
 */
export function kindsWhere(test: (traits: PageKindTraits) => boolean): AugmentedKind[] {
  return AUGMENTED_KINDS.filter((kind) => test(PAGE_KINDS[kind]));
}
