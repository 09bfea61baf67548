import type { EntryIndex } from '@/lib/overlay/entry-index';
import type { Span, ViewportHost } from '@/lib/overlay/on-screen';

/**
 * A laid-out page for the on-screen watcher, where happy-dom lays out nothing: entry `i` is a
 * 20 px head above a dd that ends `entryHeight` below the head's top, entries stacked in
 * order, and entries in `out` take no space at all (as `display: none` does). `paint()` runs the
 * measurement a frame would.
 */
export function fakeViewport(entries: EntryIndex, { entryHeight, viewportHeight }: { entryHeight: number; viewportHeight: number }) {
  const out = new Set<number>();
  let firstTop = 0;
  let height = viewportHeight;
  let boxesRead = 0;
  const measures: (() => void)[] = [];
  const listeners = new Map<string, () => void>();
  const indexOf = new Map<Element, { index: number; part: number }>();
  for (const entry of entries.entries) entry.nodes.forEach((node, part) => indexOf.set(node, { index: entry.index, part }));

  function boxOf(node: Element): Span {
    boxesRead++;
    const place = indexOf.get(node);
    if (!place || out.has(place.index)) return { top: 0, bottom: 0 };
    const before = entries.entries.slice(0, place.index).filter((entry) => !out.has(entry.index)).length;
    const top = firstTop + before * entryHeight;
    return place.part === 0 ? { top, bottom: top + 20 } : { top: top + 20, bottom: top + entryHeight };
  }

  const host: ViewportHost = {
    window: {
      get innerHeight() {
        return height;
      },
      addEventListener: (type: string, listener: () => void) => void listeners.set(type, listener),
    } as unknown as ViewportHost['window'],
    document: { visibilityState: 'visible', addEventListener: (type: string, listener: () => void) => void listeners.set(type, listener) } as unknown as ViewportHost['document'],
    boxOf,
    afterNextPaint: (measure) => void measures.push(measure),
    observeSize: (_containers, changed) => void listeners.set('resize-observer', changed),
  };

  return {
    host,
    /** Scrolls so that entries `from`…`to` (of those shown) have their heads on screen below the toolbar; `from` -1 shows only the page header. */
    scrollToEntries(from: number, to: number) {
      if (from < 0) {
        firstTop = viewportHeight + 200;
        height = viewportHeight;
      } else {
        firstTop = 48 - from * entryHeight;
        height = 48 + (to - from) * entryHeight + 60;
      }
      listeners.get('scroll')?.();
    },
    /** Takes entries off the page (or back), as a filter's `display: none` does, and reflows. */
    setOut(indices: Iterable<number>) {
      out.clear();
      for (const index of indices) out.add(index);
      listeners.get('resize-observer')?.();
    },
    /** The frame after the last change was painted: runs the measurements it scheduled. */
    paint() {
      boxesRead = 0;
      for (const measure of measures.splice(0)) measure();
    },
    boxesRead: () => boxesRead,
  };
}
