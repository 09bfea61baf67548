/**
 * Which entries the reader has on screen, so `j` and `k` can start where the reader scrolled to
 * with the mouse, filters can change what is on screen first, and reading a title on screen can
 * mark it seen, none of them reading layout in an input handler.
 *
 * Not an IntersectionObserver per entry: on a 2,000-entry listing, 4,000 observed nodes cost
 * 4 to 8 ms of every scrolled frame in intersection computations (CDP traces of a scripted
 * scroll, with and without `content-visibility`), on top of what `content-visibility: auto`
 * itself costs for the same nodes. Entries are in document
 * order, so the ones in view are found by a binary search over a dozen boxes, once per frame that
 * scrolled, resized or reflowed, after that frame is painted, when layout is clean and reading it
 * costs nothing.
 */
import type { Entry, EntryIndex } from './entry-index';

/** At least half of an entry's first node in view, or half the viewport filled by it, is "on screen". */
const ON_SCREEN_SHARE = 0.5;
/**
 * The top of the viewport Sift's sticky toolbar covers (one row, about 40 px at 100% zoom): an
 * entry under it is not one the reader sees.
 */
const TOOLBAR_ALLOWANCE_PX = 48;

/** A vertical extent in viewport coordinates. */
export interface Span {
  top: number;
  bottom: number;
}

/** One entry in view: its nodes' joint extent, and its first node's. */
export interface InView {
  entry: Entry;
  span: Span;
  head: Span;
}

export type BoxOf = (node: Element) => Span;

/**
 * The entries with any part between `top` and `bottom`, in document order, from the boxes
 * `boxOf` reads. Entries with no box (a filter took them off) are passed over. Entries must be
 * in document order, as {@link EntryIndex} keeps them: the search reads about 2·log₂(n) boxes
 * plus those in view.
 */
export function entriesInView(entries: readonly Entry[], top: number, bottom: number, boxOf: BoxOf): InView[] {
  const read = new Map<number, InView | null>();
  const measure = (index: number): InView | null => {
    const known = read.get(index);
    if (known !== undefined) return known;
    const entry = entries[index]!;
    const boxes = entry.nodes.map(boxOf);
    const drawn = boxes.filter((box) => box.bottom > box.top);
    const head = boxes[0];
    const found = head && drawn.length > 0 ? { entry, span: { top: Math.min(...drawn.map((box) => box.top)), bottom: Math.max(...drawn.map((box) => box.bottom)) }, head } : null;
    read.set(index, found);
    return found;
  };
  // The first entry with a box ending below `top`.
  let low = 0;
  let high = entries.length;
  let first = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    let probe = middle;
    let measured = measure(probe);
    while (!measured && ++probe < high) measured = measure(probe);
    if (!measured) high = middle;
    else if (measured.span.bottom > top) {
      first = probe;
      high = middle;
    } else low = probe + 1;
  }
  const inView: InView[] = [];
  for (let index = first; index < entries.length; index++) {
    const measured = measure(index);
    if (!measured) continue;
    if (measured.span.top >= bottom) break;
    inView.push(measured);
  }
  return inView;
}

export interface OnScreen {
  /** Whether entry `index` is on screen now. */
  has(index: number): boolean;
  /**
   * Counts entry `index` as on screen until the next measurement says otherwise: the keyboard has
   * just scrolled it into view, and that is measured only after the next frame, by when a
   * held-down `j` may have asked again.
   */
  shown(index: number): void;
  /**
   * Calls `listener` with the entries in the viewport and its height after every measurement,
   * from the next one on, until `signal` aborts.
   */
  watch(listener: (inView: readonly InView[], viewportHeight: number) => void, signal: AbortSignal): void;
}

/** What the watcher needs of the page, so tests can give it boxes and frames of their own. */
export interface ViewportHost {
  readonly window: Pick<Window, 'addEventListener' | 'innerHeight'>;
  readonly document: Pick<Document, 'addEventListener' | 'visibilityState'>;
  boxOf: BoxOf;
  /** Runs `measure` once the frame that follows is painted. */
  afterNextPaint(measure: () => void): void;
  /** Calls `changed` when any of `containers` changes size (a reflow: a filter, typeset maths). */
  observeSize(containers: readonly Element[], changed: () => void, signal: AbortSignal): void;
}

function browserHost(doc: Document): ViewportHost {
  const view = doc.defaultView!;
  return {
    window: view,
    document: doc,
    boxOf: (node) => node.getBoundingClientRect(),
    afterNextPaint(measure) {
      view.requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = measure;
        channel.port2.postMessage(undefined);
      });
    },
    observeSize(containers, changed, signal) {
      const observer = new ResizeObserver(changed);
      for (const container of containers) observer.observe(container);
      signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    },
  };
}

/**
 * Starts measuring which entries of `entries` are on screen: at once after the next paint, and
 * after every frame that scrolled, resized, reflowed the listing or showed the tab, until `signal`
 * aborts.
 */
export function watchOnScreen(entries: EntryIndex, doc: Document, signal: AbortSignal, host: ViewportHost = browserHost(doc)): OnScreen {
  let onScreen = new Set<number>();
  const listeners = new Set<(inView: readonly InView[], viewportHeight: number) => void>();
  let pending = false;

  function measure() {
    pending = false;
    if (signal.aborted) return;
    const height = host.window.innerHeight;
    const inView = entriesInView(entries.entries, 0, height, host.boxOf);
    onScreen = new Set(inView.filter(({ head }) => isOnScreen(head, height)).map(({ entry }) => entry.index));
    for (const listener of listeners) listener(inView, height);
  }
  function schedule() {
    if (pending || signal.aborted) return;
    pending = true;
    host.afterNextPaint(measure);
  }

  const options = { passive: true, signal };
  host.window.addEventListener('scroll', schedule, options);
  host.window.addEventListener('resize', schedule, options);
  host.document.addEventListener('visibilitychange', schedule, options);
  const containers = new Set(entries.entries.flatMap((entry) => (entry.nodes[0]?.parentElement ? [entry.nodes[0].parentElement] : [])));
  host.observeSize([...containers], schedule, signal);
  schedule();

  return {
    has: (index) => onScreen.has(index),
    shown: (index) => void onScreen.add(index),
    watch(listener, until) {
      listeners.add(listener);
      until.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
  };
}

/** How many pixels of `box` lie between `top` and `bottom` of the viewport (0 when none). */
export function visibleHeight(box: Span, top: number, bottom: number): number {
  return Math.max(0, Math.min(box.bottom, bottom) - Math.max(box.top, top));
}

function isOnScreen(head: Span, viewportHeight: number): boolean {
  const visible = visibleHeight(head, TOOLBAR_ALLOWANCE_PX, viewportHeight);
  if (visible === 0) return false;
  return visible >= ON_SCREEN_SHARE * (head.bottom - head.top) || visible >= ON_SCREEN_SHARE * (viewportHeight - TOOLBAR_ALLOWANCE_PX);
}
