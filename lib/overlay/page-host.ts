/**
 * The overlay's footprint on the arXiv page outside the entries: the shadow host for the toolbar
 * and dialogs, the page-level attributes the filter stylesheet reads, and the colour scheme the
 * controls follow. Everything here is undone when `signal` aborts.
 */
import { effect } from '@preact/signals';
import { i18n } from '#i18n';
import type { ArxivPage, PageKind } from '@/lib/arxiv/types';
import { traitsOf } from '@/lib/arxiv/page-kinds';
import type { EntryIndex } from './entry-index';
import { syncEntryDisplay } from './entry-display';
import { syncEntryFlags } from './entry-flags';
import type { OnScreen } from './on-screen';
import { visibilityOf } from './visibility';
import { applyFilterFlags, NO_FILTERS } from './filters';
import type { ListingState } from './listing-state';
import { createNotifier, type Notifier } from './notify';
import { pageSchemeOf } from './scheme';
import { attachPrivateRoot } from './private-root';
import { keepTypingInside } from './typing-guard';

export interface PageHost {
  shadow: ShadowRoot;
  notify: Notifier;
}

/** The overlay's host element and its shadow root, made before the host is on the page. */
export interface OverlayHost {
  element: HTMLElement;
  shadow: ShadowRoot;
  /** Puts the host before `section`, the listing's first, if the page kind wants it there and it is not placed yet. */
  reserveBefore(section: Element): void;
}

/**
 * The overlay's host, made when the content script starts (at document_start) so that it can take
 * its place before the listing's first section the moment the parser adds it (`reserveBefore`,
 * called by the read-ahead): the page's first paint then already holds the toolbar's room
 * (style.css sizes a host marked `data-sift-toolbar`), and nothing moves when Sift draws into it.
 * Its shadow root is attached here, before the page can see the element, so no page script can
 * take the host by attaching a root of its own first.
 */
export function createOverlayHost(doc: Document, kind: PageKind): OverlayHost {
  const element = doc.createElement('sift-overlay');
  element.setAttribute('data-sift-ui', '');
  const traits = traitsOf(kind);
  if (traits?.toolbar) element.setAttribute('data-sift-toolbar', '');
  // Closed for readers (see shadow-mode.ts); page scripts cannot drive it either way: every
  // handler that changes data or opens a tab ignores events that are not the reader's (`isTrusted`).
  const shadow = attachPrivateRoot(element);
  return {
    element,
    shadow,
    reserveBefore(section) {
      if (traits?.overlay === 'before-entries' && !element.isConnected) section.before(element);
    },
  };
}

/**
 * Puts the overlay's host where the page kind wants it (before the first list of entries, or at
 * the end of the body), unless it is there already, with its live region for messages. `host` is
 * the one `createOverlayHost` made, placed early or not at all.
 */
export function createPageHost(doc: Document, page: ArxivPage, signal: AbortSignal, host: OverlayHost): PageHost {
  const { element, shadow } = host;
  element.lang = i18n.t('lang'); // the toolbar and dialogs speak the catalogue's language, not the page's
  const firstList = page.papers[0]?.element.nodes[0]?.parentElement;
  if (traitsOf(page.kind)?.overlay === 'before-entries' && firstList) {
    if (element.nextElementSibling !== firstList) firstList.before(element);
  } else doc.body.append(element);
  signal.addEventListener('abort', () => element.remove());
  keepTypingInside(shadow, signal);
  const notify = createNotifier(shadow, doc, signal);
  followPageScheme(doc, element, signal);
  return { shadow, notify };
}

/**
 * Marks the page with its kind and scheme (`data-sift-page`, `data-sift-scheme`), keeps every
 * entry's flags, the filters' verdicts (screen first, from `onScreen`) and the filter attributes
 * in step with `state`, and marks the page ready when
 * `ready` settles (tests, the demo and the benchmark wait for `data-sift-ready`).
 */
export function bindPage(doc: Document, page: ArxivPage, state: ListingState, entries: EntryIndex, onScreen: OnScreen, ready: Promise<unknown>, signal: AbortSignal): void {
  const root = doc.documentElement;
  root.setAttribute('data-sift-page', page.kind);
  syncEntryFlags(state, entries, signal);
  syncEntryDisplay(entries, { filteredOut: visibilityOf(state, entries).filteredOut, order: state.entryOrder, onScreen, signal });
  const disposeFilters = effect(() => applyFilterFlags(root, state.filters.value));
  void ready.then(() => {
    if (signal.aborted) return;
    root.setAttribute('data-sift-ready', '');
    performance.mark('sift:ready');
  });
  signal.addEventListener('abort', () => {
    disposeFilters();
    applyFilterFlags(root, NO_FILTERS);
    for (const attr of ['data-sift-ready', 'data-sift-page', 'data-sift-scheme']) root.removeAttribute(attr);
  });
}

/**
 * Sift's lifetime on this page: `signal` ends it, `detach` ends it because the extension went away
 * under the tab and says so on the page. Not WXT's `ctx`: WXT ends a context when a
 * `…:wxt:content-script-started` event reaches the document, and any page script can dispatch one,
 * so a page could tear Sift down.
 */
export function createLifetime(doc: Document): { signal: AbortSignal; detach(): void } {
  const life = new AbortController();
  return {
    signal: life.signal,
    detach() {
      if (life.signal.aborted) return;
      life.abort();
      announceDetached(doc);
    },
  };
}

/**
 * Tells the reader once, in a line at the top of the page, that this tab's Sift is gone (the
 * extension was updated or turned off under it) and how to get it back, instead of leaving
 * buttons that flip and silently revert.
 */
export function announceDetached(doc: Document): void {
  if (doc.querySelector('[data-sift-detached]')) return;
  const line = doc.createElement('div');
  line.setAttribute('data-sift-detached', '');
  line.setAttribute('role', 'status');
  line.textContent = i18n.t('overlay.detached');
  line.style.cssText = 'position:sticky;top:0;z-index:2147483647;padding:0.4em 1em;background:#b31b1b;color:#fff;font:14px/1.4 sans-serif';
  doc.body.prepend(line);
}

function followPageScheme(doc: Document, host: HTMLElement, signal: AbortSignal): void {
  const follow = () => {
    if (signal.aborted) return;
    const scheme = pageSchemeOf(doc);
    doc.documentElement.setAttribute('data-sift-scheme', scheme);
    host.setAttribute('data-scheme', scheme);
  };
  // Reading a computed style forces the page's first full style pass (about 2 s on a 2000-entry
  // listing at document_end), so the scheme is read after the browser's own first frame, when it
  // costs nothing. Until then the controls use arXiv's light scheme.
  requestAnimationFrame(() => setTimeout(follow));
  // i18n-exempt: a CSS media query
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', follow, { signal });
}
