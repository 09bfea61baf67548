import { effect } from '@preact/signals';
import type { ArxivId } from '@/lib/arxiv/types';
import type { Annotation } from '@/lib/store/api';
import type { Entry, EntryIndex } from './entry-index';
import type { ListingState } from './listing-state';

/**
 * Calls `update` for each entry whose annotation changed since the last run (and for every
 * annotated entry on the first run), so a star in one of 2000 entries touches one entry's DOM,
 * not all of them. Stops when `signal` aborts.
 */
export function onAnnotationChange(
  state: ListingState,
  entries: EntryIndex,
  signal: AbortSignal,
  update: (entry: Entry, annotation: Annotation | undefined) => void,
): void {
  let previous: ReadonlyMap<ArxivId, Annotation> = new Map();
  const dispose = effect(() => {
    const current = state.annotations.value;
    for (const [id, annotation] of current) {
      if (previous.get(id) !== annotation) for (const entry of entries.byId(id)) update(entry, annotation);
    }
    for (const id of previous.keys()) {
      if (!current.has(id)) for (const entry of entries.byId(id)) update(entry, undefined);
    }
    previous = current;
  });
  signal.addEventListener('abort', dispose, { once: true });
}
