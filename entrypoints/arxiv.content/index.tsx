import '@/lib/platform/unclobber'; // first: before the polyfill, which what follows imports, reads `browser`
import './style.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { parseArxivPage } from '@/lib/arxiv/parse';
import { readAhead, type ReadAhead } from '@/lib/arxiv/read-ahead';
import { isListingPage, pageKindOf } from '@/lib/arxiv/url';
import { runtimeChannel } from '@/lib/messaging/runtime';
import { documentParsed } from '@/lib/platform/document-parsed';
import { controlsLayout } from '@/lib/overlay/entry-controls';
import { controlsAhead, indexEntries, type IndexOptions } from '@/lib/overlay/entry-index';
import { createListingState } from '@/lib/overlay/listing-state';
import { bindPage, createLifetime, createOverlayHost, createPageHost, type OverlayHost } from '@/lib/overlay/page-host';
import { runFeatures } from '@/lib/overlay/run-features';
import { requestPreview, type AnnotationsPreview } from '@/lib/overlay/preview';
import { openListingSession } from '@/lib/overlay/session';
import { mountOverlay } from './overlay';
import { features } from './features';

// Wiring only: detect → read ahead (controls placed) → parse → index → state → session → UI → features; `npm run bench` reads the marks.
export default defineContentScript({
  matches: ['https://arxiv.org/*', 'https://www.arxiv.org/*'],
  runAt: 'document_start', // evaluated while the HTML streams in, instead of after it; starts once it is parsed
  noScriptStartedPostMessage: true, // keeps the extension id from the page: WXT would post it on every start
  main() {
    if (!isListingPage(location.href)) return;
    const kind = pageKindOf(location.href);
    const host = createOverlayHost(document, kind);
    const preview = requestPreview(runtimeChannel.send);
    const layout = controlsLayout(document, features.filter((feature) => feature.include.includes(kind)).flatMap((feature) => feature.controls?.() ?? []));
    const placed = controlsAhead(document, kind, layout);
    const ahead = readAhead(document, kind, {
      onSection: host.reserveBefore,
      onEntry: (read) => {
        if (typeof read === 'string') return;
        preview.add(read.id);
        placed.place(read);
      },
    });
    void documentParsed(document).then(() => start(ahead.stop(), host, preview.answered(), { layout, ahead: placed }));
  },
});

function start({ memo, ...read }: ReturnType<ReadAhead['stop']>, overlayHost: OverlayHost, preview: AnnotationsPreview | undefined, controls: Required<IndexOptions>) {
  performance.mark('sift:start', { detail: read }); // what was read while the page streamed in
  const page = parseArxivPage(document, location.href, memo);
  performance.mark('sift:parsed');
  for (const problem of page.problems) console.info(`[sift] entry ${problem.index} left without controls: ${problem.reason}`);
  if (page.papers.length === 0) {
    overlayHost.element.remove(); // a section with no entry Sift can read: no toolbar, so no room for one
    controls.ahead.discard();
    return;
  }
  const { signal, detach } = createLifetime(document);
  const entries = indexEntries(page, document, signal, controls);
  const state = createListingState(entries.ids());
  const host = createPageHost(document, page, signal, overlayHost);
  const session = openListingSession({ page, entries, state, notify: host.notify, ...runtimeChannel, signal, detach, preview });
  if (preview) performance.mark('sift:preview', { detail: preview.ids.length }); // the stored state of the entries read ahead, shown
  const ui = mountOverlay({ root: host.shadow, page, state, session, entries, signal });
  const started = runFeatures(features, { signal, page, state, session, entries, document, notify: host.notify, ...ui }, detach);
  performance.mark('sift:controls');
  bindPage(document, page, state, entries, ui.onScreen, Promise.all([session.ready, started]), signal);
}
