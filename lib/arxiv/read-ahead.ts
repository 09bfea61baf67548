/**
 * Reads a listing's entries while its HTML is still arriving, so that by the time the page is
 * parsed the parser finds them read (see `EntryMemo`) and Sift's first pass over a 2000-entry
 * listing no longer starts with 100–200 ms of reading.
 *
 * The browser's HTML parser adds an entry's `dt`, then its `dd`, then the next `dt`: a `dd` is
 * whole once an element follows it. So each listing `dl` is watched for new children (childList
 * only: watching the whole document's subtree hands the callback some 130,000 records on a
 * 2000-entry page), and each `dd` is queued when its successor arrives. The queue is read in
 * idle time only, while the browser waits for more of the page: read at once, in the observer's
 * callback, the reading competed with the browser's own parsing, and a 2000-entry page that
 * arrived all at once reached DOMContentLoaded some 400 ms later and showed Sift's controls
 * 200 ms later than without reading ahead.
 *
 * Whatever is not read by then (the last entry of each section, everything when no idle time
 * came) is read by the page parse as before. An entry is taken from the memo only if its `dt`,
 * `dd` and section kind are the ones the parse finds, so reading ahead can make the parse faster
 * but never different.
 */
import { LISTING_PAGE } from './selectors';
import { readListingEntry, sectionKindOfContainer, type EntryMemo } from './parse-listing';
import type { PageKind, Paper, SectionKind } from './types';

/** Runs `work` when the page is idle, with the time left then (ms). */
export type IdleRunner = (work: (timeLeft: () => number) => void) => void;

/** Reading per task when the browser says nothing of its idle time: a few ms, then yield to the parser. */
const SLICE_MS = 4;

interface BackgroundScheduler {
  postTask(task: () => void, options: { priority: 'background' }): Promise<void>;
}

/**
 * A background-priority task where the browser has them (Chromium, Firefox 142 on): it runs only
 * when no other task waits, which while a page loads means while the parser waits for bytes.
 * `requestIdleCallback` would be the natural choice, but Chromium grants no idle periods before a
 * page's first frame, and none came on a 2000-entry listing streamed at 4 MB/s.
 */
const whenIdle: IdleRunner = (work) => {
  const scheduler = (globalThis as { scheduler?: BackgroundScheduler }).scheduler;
  const slice = () => {
    const until = performance.now() + SLICE_MS;
    work(() => until - performance.now());
  };
  if (typeof scheduler?.postTask === 'function') void scheduler.postTask(slice, { priority: 'background' });
  else setTimeout(slice, 0);
};

export interface ReadAhead {
  /** Stops watching and reading, and hands over what was read, with the time spent reading (ms) and the count. */
  stop(): { memo: EntryMemo; ms: number; entries: number };
}

export interface ReadAheadOptions {
  idle?: IdleRunner;
  /**
   * Called with each section as it is found, in the parser's own task, so that what it adds
   * before the section is in the page's first paint of it (the overlay's host, page-host.ts).
   */
  onSection?: (container: Element) => void;
  /** Called with each entry read, as the parse would read it (a paper, or why it cannot be read). */
  onEntry?: (read: Paper | string) => void;
}

/**
 * Starts reading the entries of `doc`, a listing page of `pageKind` that is still loading, as
 * they arrive. Call `stop()` once the document is parsed, before parsing it with the memo.
 *
 * @example
 * const ahead = readAhead(document, 'new');
 * await documentParsed(document);
 * const { memo } = ahead.stop();
 * parseArxivPage(document, location.href, memo);
 */
export function readAhead(doc: Document, pageKind: PageKind, { idle = whenIdle, onSection, onEntry }: ReadAheadOptions = {}): ReadAhead {
  const memo: EntryMemo = new WeakMap();
  // Abstract pages hold one paper and search results are read another way (parse-search.ts):
  // neither has sections to watch, and watching for them would mean the whole document's subtree.
  if (pageKind === 'abs' || pageKind === 'search') return { stop: () => ({ memo, ms: 0, entries: 0 }) };
  let ms = 0;
  let entries = 0;
  let stopped = false;
  /** The sections being watched, with their kind, read once from their heading. */
  const watched = new WeakMap<Element, SectionKind>();
  const queue: Element[] = [];
  let draining = false;

  /** Reads the entry whose `dd` is `dd`, now that something follows it. */
  const readEntry = (dd: Element) => {
    const dt = dd.previousElementSibling;
    const kind = dd.parentElement ? watched.get(dd.parentElement) : undefined;
    if (memo.has(dd) || dt?.localName !== 'dt' || kind === undefined) return;
    const result = readListingEntry(dt, dd, kind);
    memo.set(dd, { dt, kind, result });
    entries += 1;
    onEntry?.(result);
  };

  const drain = (timeLeft: () => number) => {
    const started = performance.now();
    while (!stopped && queue.length > 0 && timeLeft() > 1) readEntry(queue.shift()!);
    ms += performance.now() - started;
    draining = !stopped && queue.length > 0;
    if (draining) idle(drain);
  };
  const enqueue = (dd: Element) => {
    queue.push(dd);
    if (!draining && !stopped) {
      draining = true;
      idle(drain);
    }
  };

  const sections = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        const before = node instanceof Element ? node.previousElementSibling : null;
        if (before?.localName === 'dd') enqueue(before);
      }
    }
  });
  const watchSection = (container: Element) => {
    const kind = watched.has(container) ? undefined : sectionKindOfContainer(container, pageKind);
    if (kind === undefined) return;
    watched.set(container, kind);
    onSection?.(container);
    sections.observe(container, { childList: true });
    // The parser may have added some of its entries before this callback ran.
    for (const child of container.children) if (child.localName === 'dd' && child.nextElementSibling) enqueue(child);
  };

  // Until the listing's own element exists, the whole document is watched (its header is short);
  // from then on, that element's children only: the sections.
  let listing: Element | null = null;
  const page = new MutationObserver((records) => {
    if (!listing) {
      listing = doc.querySelector(LISTING_PAGE);
      if (listing) {
        page.disconnect();
        page.observe(listing, { childList: true });
      }
    }
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element && node.localName === 'dl') watchSection(node);
    if (listing) for (const child of listing.children) if (child.localName === 'dl') watchSection(child);
  });
  page.observe(doc, { childList: true, subtree: true });

  return {
    stop() {
      stopped = true;
      page.disconnect();
      sections.disconnect();
      return { memo, ms, entries };
    },
  };
}
