/**
 * Which entries the reader has on screen, kept by an IntersectionObserver on each entry's first
 * node (its `dt`, its search result), so `j` and `k` can start where the reader scrolled to with the
 * mouse without reading any layout themselves.
 */
import type { EntryIndex } from './entry-index';

/** At least half of an entry's first node in view, or half the viewport filled by it, is "on screen". */
const ON_SCREEN_SHARE = 0.5;
/**
 * The top of the viewport Sift's sticky toolbar covers (one row, about 40 px at 100% zoom): an
 * entry under it is not one the reader sees.
 */
const TOOLBAR_ALLOWANCE_PX = 48;

export interface OnScreen {
  /** Whether entry `index` is on screen now. */
  has(index: number): boolean;
  /**
   * Counts entry `index` as on screen until the observer says otherwise: the keyboard has just
   * scrolled it into view, and the observer reports that only after the next frame, by when a
   * held-down `j` may have asked again.
   */
  shown(index: number): void;
}

export type ObserverFactory = (callback: IntersectionObserverCallback, options: IntersectionObserverInit) => Pick<IntersectionObserver, 'observe' | 'disconnect'>;

const browserObserver: ObserverFactory = (callback, options) => new IntersectionObserver(callback, options);

/**
 * Starts watching every entry of `entries` until `signal` aborts. `createObserver` is the
 * browser's IntersectionObserver; tests pass their own.
 */
export function watchOnScreen(entries: EntryIndex, signal: AbortSignal, createObserver: ObserverFactory = browserObserver): OnScreen {
  const shown = new Set<number>();
  const indexOf = new Map<Element, number>();
  const observer = createObserver(
    (changes) => {
      for (const change of changes) {
        const index = indexOf.get(change.target);
        if (index === undefined) continue;
        const viewport = change.rootBounds?.height ?? 0;
        const inView = change.isIntersecting && (change.intersectionRatio >= ON_SCREEN_SHARE || (viewport > 0 && change.intersectionRect.height >= ON_SCREEN_SHARE * viewport));
        if (inView) shown.add(index);
        else shown.delete(index);
      }
    },
    { threshold: [0, ON_SCREEN_SHARE, 1], rootMargin: `-${TOOLBAR_ALLOWANCE_PX}px 0px 0px 0px` },
  );
  for (const entry of entries.entries) {
    const first = entry.nodes[0];
    if (!(first instanceof Element)) continue;
    indexOf.set(first, entry.index);
    observer.observe(first);
  }
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return { has: (index) => shown.has(index), shown: (index) => void shown.add(index) };
}
