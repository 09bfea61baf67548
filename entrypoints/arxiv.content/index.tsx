import './style.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { parseArxivPage } from '@/lib/arxiv/parse';
import { isListingPage } from '@/lib/arxiv/url';
import { isSiftChanged, isTabMessage, type OverlayStatus } from '@/lib/store/api';
import { indexEntries } from '@/lib/overlay/entry-index';
import { createListingState } from '@/lib/overlay/listing-state';
import { refreshAnnotations } from '@/lib/overlay/actions';
import { createNotifier } from '@/lib/overlay/notify';
import { createDialogs } from '@/lib/overlay/dialogs';
import { syncEntryFlags } from '@/lib/overlay/entry-flags';
import { applyFilterFlags, NO_FILTERS } from '@/lib/overlay/filters';
import { isContextInvalidated } from '@/lib/overlay/context';
import { pageSchemeOf } from '@/lib/overlay/scheme';
import { effect } from '@preact/signals';
import { mountOverlay } from './overlay';
import { features } from './features';

// Detect the page → parse it → build state → mount the UI → run the features → fetch the
// annotations for the whole page in one message.
export default defineContentScript({
  matches: ['https://arxiv.org/*', 'https://www.arxiv.org/*'],
  // document_end: the listing is fully parsed by then, and waiting for idle only delays the controls.
  runAt: 'document_end',
  async main(ctx) {
    if (!isListingPage(location.href)) return;
    // Stage marks on the page's performance timeline (sift:start, sift:parsed, sift:controls,
    // sift:ready), read by `npm run bench` and visible in DevTools.
    performance.mark('sift:start');
    const page = parseArxivPage(document, location.href);
    performance.mark('sift:parsed');
    for (const problem of page.problems) console.info(`[sift] entry ${problem.index} left without controls: ${problem.reason}`);
    if (page.papers.length === 0) return;

    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const { signal } = controller;
    const root = document.documentElement;

    const entries = indexEntries(page.papers, document);
    signal.addEventListener('abort', () => entries.remove());
    const ids = entries.ids();
    const state = createListingState(ids);
    const dialogs = createDialogs();

    const host = document.createElement('sift-overlay');
    host.setAttribute('data-sift-ui', '');
    const firstList = page.papers[0]?.element.nodes[0]?.parentElement;
    if (page.kind !== 'abs' && firstList) firstList.before(host);
    else document.body.append(host);
    signal.addEventListener('abort', () => host.remove());
    const shadow = host.attachShadow({ mode: 'open' });
    const notify = createNotifier(shadow, document, signal);
    const overlay = mountOverlay({ root: shadow, page, state, dialogs, notify, signal });

    root.setAttribute('data-sift-page', page.kind);
    const followScheme = () => {
      const scheme = pageSchemeOf(document);
      root.setAttribute('data-sift-scheme', scheme);
      host.setAttribute('data-scheme', scheme);
    };
    // Reading a computed style forces the page's first full style pass (about 2 s on a 2000-entry
    // listing at document_end), so the scheme is read after the browser's own first frame, when it
    // costs nothing. Until then the controls use arXiv's light scheme.
    requestAnimationFrame(() => setTimeout(() => !signal.aborted && followScheme()));
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', followScheme, { signal });
    syncEntryFlags(state, entries, signal);
    const disposeFilters = effect(() => applyFilterFlags(root, state.filters.value));
    signal.addEventListener('abort', () => {
      disposeFilters();
      applyFilterFlags(root, NO_FILTERS);
    });

    const context = { signal, page, state, entries, document, notify, dialogs, focusFilter: overlay.focusFilter };
    const ready = features
      .filter((feature) => feature.include.includes(page.kind))
      .map(async (feature) => {
        try {
          await feature.init(context);
        } catch (error) {
          if (isContextInvalidated(error)) controller.abort();
          else console.error(`[sift] feature ${feature.id} failed; the others keep running`, error);
        }
      });

    // Every feature has added its controls (the synchronous part of each init has run).
    performance.mark('sift:controls');

    const reportOrDetach = (error: unknown) => {
      if (isContextInvalidated(error)) controller.abort();
      else notify.failure('Sift could not load your annotations', error);
    };
    const status = (): OverlayStatus => {
      const counts = state.counts.peek();
      return { kind: page.kind, entries: counts.all, starred: counts.starred, matching: counts.matching, fresh: counts.fresh, hidden: counts.hidden, filters: state.filters.peek() };
    };
    const onMessage = (message: unknown) => {
      // The popup asks for counts and toggles filters of this tab.
      if (isTabMessage(message)) {
        if (message.type === 'overlay.toggle') state.toggleFilter(message.data.filter);
        return Promise.resolve(status());
      }
      if (!isSiftChanged(message)) return;
      const { ids: changed, tables } = message.data;
      if (tables.includes('papers')) {
        const mine = changed.length === 0 ? ids : changed.filter((id) => entries.byId(id).length > 0);
        refreshAnnotations(state, mine).catch(reportOrDetach);
      }
      if (tables.includes('tags')) void overlay.refreshTags();
      if (tables.includes('rules')) void overlay.refreshRules();
    };
    browser.runtime.onMessage.addListener(onMessage);
    signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));

    await Promise.all([refreshAnnotations(state, ids).catch(reportOrDetach), overlay.refreshTags(), overlay.refreshRules(), ...ready]);
    // Lets tests, the demo and the benchmark wait for "controls on every entry, annotations shown".
    root.setAttribute('data-sift-ready', '');
    performance.mark('sift:ready');
    signal.addEventListener('abort', () => {
      root.removeAttribute('data-sift-ready');
      root.removeAttribute('data-sift-page');
      root.removeAttribute('data-sift-scheme');
    });
  },
});
