import '@/components/pages.css';
import { render } from 'preact';
import { i18n } from '#i18n';
import { localisePage } from '@/lib/extension-pages/localise-page';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView, type PopupTab } from '@/components/PopupView';
import type { FilterId } from '@/lib/overlay/filters';
import { askOverlay, findTargetTab } from '@/lib/platform/overlay-tab';
import { isSiftChanged } from '@/lib/store/api';
import { callApi } from '@/lib/store/client';

// Wiring only: find the tab, ask its content script for counts, send filter toggles, and open
// the extension's pages through the background.
const target = findTargetTab(location.search);

function App() {
  const [tab, setTab] = useState<PopupTab>({ state: 'loading' });
  const [error, setError] = useState<string | undefined>();

  const ask = async (filter?: FilterId) => {
    const tabId = await target;
    const status =
      tabId === undefined
        ? undefined
        : await askOverlay(tabId, filter ? { type: 'overlay.toggle', data: { filter } } : { type: 'overlay.status', data: {} });
    setTab(status ? { state: 'ready', status } : { state: 'absent' });
  };

  useEffect(() => {
    void ask();
    // A star or tag written while the popup is open changes the tab's counts.
    const onMessage = (message: unknown) => {
      if (isSiftChanged(message)) void ask();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);

  const open = (page: 'reading-list' | 'options') =>
    callApi('pages.open', { page }).then(
      () => window.close(),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );

  return <PopupView tab={tab} error={error} onToggle={(filter) => void ask(filter)} onOpenReadingList={() => open('reading-list')} onOpenOptions={() => open('options')} />;
}

localisePage(i18n.t('pages.popup'));
render(<App />, document.getElementById('app')!);
