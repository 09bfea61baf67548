import { computed, type ReadonlySignal } from '@preact/signals';
import { foldForSearch } from '@/lib/rules/fold';
import type { Entry, EntryIndex } from './entry-index';
import { isEmptyQuery, matchesFilterQuery, needsAnnotations, parseFilterQuery, type FilterTarget } from './filter-query';
import type { ListingState } from './listing-state';

/**
 * Which entries the filters leave on screen, computed from the state alone (never from layout),
 * so "Select all shown", "Export N shown" and "Showing 37 of 2000" agree with the stylesheet
 * without reading 2000 boxes.
 */
export interface Visibility {
  /** Entry indices the filter box's query rejects. */
  readonly textMisses: ReadonlySignal<ReadonlySet<number>>;
  /**
   * Entry indices a filter takes off the page (the text query, "Only starred", the section
   * filters…). A hidden entry is not among them: it stays, collapsed to its one line.
   */
  readonly filteredOut: ReadonlySignal<ReadonlySet<number>>;
  /** The entries every filter lets through, in page order (a paper listed twice counts twice). */
  readonly shown: ReadonlySignal<readonly Entry[]>;
}

/**
 * One model per listing state, shared by the flag sync, the toolbar and the selection: the text
 * query runs once per change however many of them read it.
 */
const models = new WeakMap<ListingState, Visibility>();

/**
 * The visibility model of `state` over `entries`. The query re-runs when the filter text changes,
 * and when annotations change only if it asks about tags or notes. Each entry's folded text is
 * built once, on the first non-empty query.
 */
export function visibilityOf(state: ListingState, entries: EntryIndex): Visibility {
  const known = models.get(state);
  if (known) return known;
  let targets: { text: string; authors: string }[] | undefined;
  let targetsHad: ReadonlyMap<unknown, string> | undefined;
  const query = computed(() => parseFilterQuery(state.textFilter.value));
  const textMisses = computed<ReadonlySet<number>>(() => {
    const current = query.value;
    if (isEmptyQuery(current)) return new Set();
    const annotations = needsAnnotations(current) ? state.annotations.value : undefined;
    // An abstract fetched for a page that printed none becomes part of its entry's text.
    const arrived = state.abstracts.value;
    if (arrived !== targetsHad) targets = undefined;
    targetsHad = arrived;
    targets ??= entries.entries.map(({ paper }) => ({
      // Folded field by field: folding joins whitespace runs, and the newline keeps a term from spanning two fields.
      text: [paper.id, paper.title, paper.authors.join(' '), paper.abstract ?? '', paper.comments ?? '', paper.subjects.map((s) => `${s.name} ${s.code}`).join(' ')]
        .map(foldForSearch)
        .join('\n'),
      authors: paper.authors.map(foldForSearch).join('\n'),
    }));
    const misses = new Set<number>();
    entries.entries.forEach((entry, index) => {
      const annotation = annotations?.get(entry.paper.id);
      const target: FilterTarget = { ...targets![index]!, tags: annotation?.tags ?? [], note: annotation?.note };
      if (!matchesFilterQuery(current, target)) misses.add(index);
    });
    return misses;
  });
  const filteredOut = computed<ReadonlySet<number>>(() => {
    const flags = state.filters.value;
    const misses = textMisses.value;
    const annotations = state.annotations.value;
    const seen = state.seen.value;
    const matches = state.matches.value;
    const out = new Set<number>();
    for (const entry of entries.entries) {
      const { id, section } = entry.paper;
      if (
        misses.has(entry.index) ||
        (flags.onlyStarred && !annotations.get(id)?.starred) ||
        (flags.onlyMatching && !matches.has(id)) ||
        (flags.onlyUnseen && seen.has(id)) ||
        (flags.hideCross && section === 'cross') ||
        (flags.hideReplacements && section === 'replacement')
      ) {
        out.add(entry.index);
      }
    }
    return out;
  });
  const shown = computed<readonly Entry[]>(() => {
    const out = filteredOut.value;
    const showHidden = state.filters.value.showHidden;
    const hidden = state.hiddenIds.value;
    // A hidden entry collapses to one line unless "Show hidden" is on: not shown for bulk work.
    return entries.entries.filter((entry) => !out.has(entry.index) && (showHidden || !hidden.has(entry.paper.id)));
  });
  const model = { textMisses, filteredOut, shown };
  models.set(state, model);
  return model;
}
