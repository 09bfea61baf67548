import { effect } from '@preact/signals';
import type { Feature } from '@/lib/overlay/feature';
import { AUGMENTED_KINDS } from '@/lib/arxiv/page-kinds';
import type { ArxivId } from '@/lib/arxiv/types';
import { visibleHeight } from '@/lib/overlay/on-screen';

/**
 * How much of an entry's title must be on screen, and for how long, before it counts as seen:
 * long enough to read a title (about 250 ms per line of a two-line title plus the time to settle
 * on it), short enough that scrolling at reading pace marks what went by. A fling past entries
 * marks nothing.
 */
const VISIBLE_RATIO = 0.6;
const DWELL_MS = 1000;

/**
 * Marks papers seen as the reader reads: an entry whose title stays at least 60% visible for a
 * second, in a visible tab, is seen. Moving past an entry with the keyboard, starring, hiding,
 * tagging, noting or opening it marks it too (the session and the keyboard do that). Unseen
 * entries carry a quiet marker from the stylesheet; seen ones lose it.
 */
export const seen: Feature = {
  id: 'seen',
  include: AUGMENTED_KINDS,
  checkedOn: ['list-new-cs.DC-2026-02-27.html', 'search-results.html', 'abs-2602.22195.html'],
  init({ signal, state, session, entries, document, onScreen }) {
    const titleOf = new Map<ArxivId, Element>();
    const timers = new Map<ArxivId, ReturnType<typeof setTimeout>>();

    function settle(id: ArxivId) {
      timers.delete(id);
      // A tab in the background is not being read; the next measurement after it shows starts again.
      if (document.visibilityState !== 'visible') return;
      titleOf.delete(id);
      session.markSeen([id]);
    }

    for (const { paper } of entries.entries) {
      if (!state.seen.peek().has(paper.id)) titleOf.set(paper.id, paper.element.fields.title ?? paper.element.head);
    }
    onScreen.watch((inView, viewportHeight) => {
      const reading = new Set<ArxivId>();
      for (const { entry } of inView) {
        const title = titleOf.get(entry.paper.id);
        if (title && isReadable(title.getBoundingClientRect(), viewportHeight)) reading.add(entry.paper.id);
      }
      for (const [id, timer] of timers) {
        if (reading.has(id)) continue;
        clearTimeout(timer);
        timers.delete(id);
      }
      for (const id of reading) if (!timers.has(id)) timers.set(id, setTimeout(() => settle(id), DWELL_MS));
    }, signal);
    // Seen already (the store's answer at load) or elsewhere since (another tab, the keyboard, an
    // action): no need to watch it any more.
    const dispose = effect(() => {
      const marks = state.seen.value;
      for (const id of titleOf.keys()) {
        if (!marks.has(id)) continue;
        clearTimeout(timers.get(id));
        timers.delete(id);
        titleOf.delete(id);
      }
    });
    signal.addEventListener('abort', () => {
      dispose();
      for (const timer of timers.values()) clearTimeout(timer);
    });
  },
};

/** At least {@link VISIBLE_RATIO} of the title within the viewport. */
function isReadable(box: DOMRect, viewportHeight: number): boolean {
  const height = box.bottom - box.top;
  return height > 0 && visibleHeight(box, 0, viewportHeight) / height >= VISIBLE_RATIO;
}
