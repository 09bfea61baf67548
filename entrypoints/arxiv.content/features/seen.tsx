import { effect } from '@preact/signals';
import type { Feature } from '@/lib/overlay/feature';
import { AUGMENTED_KINDS } from '@/lib/arxiv/page-kinds';
import type { ArxivId } from '@/lib/arxiv/types';

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
  init({ signal, state, session, entries, document }) {
    const idOf = new Map<Element, ArxivId>();
    const timers = new Map<Element, ReturnType<typeof setTimeout>>();
    const observer = new IntersectionObserver(
      (changes) => {
        for (const change of changes) {
          const id = idOf.get(change.target);
          if (!id) continue;
          const reading = change.isIntersecting && change.intersectionRatio >= VISIBLE_RATIO;
          const timer = timers.get(change.target);
          if (!reading) {
            clearTimeout(timer);
            timers.delete(change.target);
          } else if (timer === undefined) {
            timers.set(change.target, setTimeout(() => settle(change.target, id), DWELL_MS));
          }
        }
      },
      { threshold: [0, VISIBLE_RATIO] },
    );

    function settle(target: Element, id: ArxivId) {
      timers.delete(target);
      // A tab in the background is not being read; the observer fires again when it shows.
      if (document.visibilityState !== 'visible') return;
      observer.unobserve(target);
      idOf.delete(target);
      session.markSeen([id]);
    }

    for (const { paper } of entries.entries) {
      if (state.seen.peek().has(paper.id)) continue;
      const title = paper.element.fields.title ?? paper.element.head;
      idOf.set(title, paper.id);
      observer.observe(title);
    }
    // Seen already (the store's answer at load) or elsewhere since (another tab, the keyboard, an
    // action): no need to watch it any more.
    const dispose = effect(() => {
      const marks = state.seen.value;
      for (const [element, id] of idOf) {
        if (!marks.has(id)) continue;
        observer.unobserve(element);
        clearTimeout(timers.get(element));
        timers.delete(element);
        idOf.delete(element);
      }
    });
    signal.addEventListener('abort', () => {
      dispose();
      observer.disconnect();
      for (const timer of timers.values()) clearTimeout(timer);
    });
  },
};
