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
  const shown = computed<readonly Entry[]>(() => {
    const flags = state.filters.value;
    const misses = textMisses.value;
    const annotations = state.annotations.value;
    const ruleHidden = state.ruleHidden.value;
    const seen = state.seen.value;
    const matches = state.matches.value;
    return entries.entries.filter((entry) => {
      const { id, section } = entry.paper;
      const annotation = annotations.get(id);
      if (misses.has(entry.index)) return false;
      if (flags.onlyStarred && !annotation?.starred) return false;
      if (flags.onlyMatching && !matches.has(id)) return false;
      if (flags.onlyUnseen && seen.has(id)) return false;
      if (flags.hideCross && section === 'cross') return false;
      if (flags.hideReplacements && section === 'replacement') return false;
      // A hidden entry collapses to one line unless "Show hidden" is on: not shown for bulk work.
      if (!flags.showHidden && (annotation?.hidden || ruleHidden.has(id))) return false;
      return true;
    });
  });
  const model = { textMisses, shown };
  models.set(state, model);
  return model;
}
