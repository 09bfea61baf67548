import { computed, effect } from '@preact/signals';
import type { ArxivId } from '@/lib/arxiv/types';
import type { EntryIndex } from './entry-index';
import { ENTRY_FLAGS } from './filters';
import type { ListingState } from './listing-state';
import { onAnnotationChange } from './annotation-changes';

/**
 * Keeps each entry's `data-sift-*` flags (starred, hidden, collapsed, tagged, seen, matching) in step with
 * the state. Only entries whose data changed are touched; whether a filter takes an entry off the
 * page is entry-display.ts's.
 */
export function syncEntryFlags(state: ListingState, entries: EntryIndex, signal: AbortSignal): void {
  const setOn = (nodes: readonly Element[], attr: string, value: string | undefined) => {
    for (const node of nodes) {
      if (value === undefined) node.removeAttribute(attr);
      else node.setAttribute(attr, value);
    }
  };
  const setFlag = (id: ArxivId, attr: string, value: string | undefined) => {
    for (const entry of entries.byId(id)) setOn(entry.nodes, attr, value);
  };

  onAnnotationChange(state, entries, signal, ({ nodes }, annotation) => {
    setOn(nodes, ENTRY_FLAGS.starred, annotation?.starred ? '' : undefined);
    // A bare flag: the tag names themselves stay out of the page's DOM.
    setOn(nodes, ENTRY_FLAGS.tagged, annotation?.tags.length ? '' : undefined);
  });

  // Hidden by the reader or by a rule: one flag, so the stylesheet collapses both alike.
  const { hiddenIds } = state;
  syncIdSet(signal, () => hiddenIds.value, (id, on) => setFlag(id, ENTRY_FLAGS.hidden, on ? '' : undefined));
  // "Show hidden" touches only the hidden entries: a rule keyed on <html> would restyle them all.
  const collapsedIds = computed(() => (state.filters.value.showHidden ? new Set<ArxivId>() : hiddenIds.value));
  syncIdSet(signal, () => collapsedIds.value, (id, on) => setFlag(id, ENTRY_FLAGS.collapsed, on ? '' : undefined));
  syncIdSet(signal, () => new Set(state.seen.value.keys()), (id, on) => setFlag(id, ENTRY_FLAGS.seen, on ? '' : undefined));
  syncIdSet(signal, () => new Set(state.matches.value.keys()), (id, on) => setFlag(id, ENTRY_FLAGS.match, on ? '' : undefined));
}

/** Runs `apply` for ids entering or leaving the set the getter returns. */
function syncIdSet(signal: AbortSignal, current: () => ReadonlySet<ArxivId>, apply: (id: ArxivId, on: boolean) => void) {
  let previous: ReadonlySet<ArxivId> = new Set();
  const dispose = effect(() => {
    const next = current();
    for (const id of next) if (!previous.has(id)) apply(id, true);
    for (const id of previous) if (!next.has(id)) apply(id, false);
    previous = next;
  });
  signal.addEventListener('abort', dispose, { once: true });
}
