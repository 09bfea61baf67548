import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { ArxivId, Paper } from '@/lib/arxiv/types';
import type { Entry, EntryIndex } from './entry-index';

/**
 * The papers picked on the listing for bulk work, as signals outside any component. A paper
 * listed twice on a page is one selected paper. The anchor is the entry last toggled, where a
 * shift+click or shift+j/k range starts.
 */
export interface Selection {
  readonly ids: ReadonlySignal<ReadonlySet<ArxivId>>;
  readonly count: ReadonlySignal<number>;
  has(id: ArxivId): boolean;
  /** Selects the entry's paper, or lets it go; the entry becomes the anchor. */
  toggle(entry: Entry): void;
  /** Adds the entries to the selection. */
  add(entries: readonly Entry[]): void;
  /**
   * Selects every shown entry between the anchor and `entry` as the reader sees them (in "For
   * you" order when the listing is sorted so), both included (only `entry` when there is no
   * anchor yet); `entry` becomes the anchor.
   */
  extendTo(entry: Entry): void;
  /** Selects exactly what the filters leave shown. */
  selectShown(): void;
  clear(): void;
  /** The selected papers in page order, each once. */
  papers(): Paper[];
}

/**
 * A selection over `entries`; `shown` is what the filters leave visible (see visibility.ts), so
 * ranges and "Select all shown" never pick an entry the reader cannot see. `order`, when set, is
 * the on-screen order of entry indices ("For you"), which ranges follow.
 */
export function createSelection(entries: EntryIndex, shown: ReadonlySignal<readonly Entry[]>, order?: ReadonlySignal<readonly number[] | undefined>): Selection {
  const ids = signal<ReadonlySet<ArxivId>>(new Set());
  let anchor: number | undefined;

  /** Where each entry index stands on screen. */
  const positions = (): ((index: number) => number) => {
    const onScreen = order?.peek();
    if (!onScreen) return (index) => index;
    const at = new Map(onScreen.map((index, position) => [index, position]));
    return (index) => at.get(index) ?? index;
  };

  const add = (picked: readonly Entry[]) => {
    const next = new Set(ids.peek());
    for (const entry of picked) next.add(entry.paper.id);
    if (next.size !== ids.peek().size) ids.value = next;
  };

  return {
    ids,
    count: computed(() => ids.value.size),
    has: (id) => ids.peek().has(id),
    toggle(entry) {
      const next = new Set(ids.peek());
      if (!next.delete(entry.paper.id)) next.add(entry.paper.id);
      ids.value = next;
      anchor = entry.index;
    },
    add,
    extendTo(entry) {
      const position = positions();
      const ends = [position(anchor ?? entry.index), position(entry.index)];
      const [from, to] = [Math.min(...ends), Math.max(...ends)];
      add(shown.peek().filter((candidate) => position(candidate.index) >= from && position(candidate.index) <= to));
      add([entry]);
      anchor = entry.index;
    },
    selectShown() {
      ids.value = new Set(shown.peek().map((entry) => entry.paper.id));
    },
    clear() {
      ids.value = new Set();
      anchor = undefined;
    },
    papers() {
      const picked = ids.peek();
      const out: Paper[] = [];
      const taken = new Set<ArxivId>();
      for (const entry of entries.entries) {
        if (picked.has(entry.paper.id) && !taken.has(entry.paper.id)) {
          taken.add(entry.paper.id);
          out.push(entry.paper);
        }
      }
      return out;
    },
  };
}
