import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBrowserAbstractService } from '@/lib/abstracts/browser-service';
import { openSiftDb } from '@/lib/store/db';
import { createApiHandler } from '@/lib/store/handlers';
import { broadcastChange } from '@/lib/messaging/broadcast';
import { openWelcomeOnInstall } from '@/lib/platform/first-run';
import { syncEnabledItem } from '@/lib/settings/sync-enabled';
import { startBackgroundSync } from '@/lib/sync/background';
import { showReadingList } from '@/lib/reading-list/open-tab';

// Wiring only: the background owns the database in the extension's origin and serves the typed
// API to this extension's content scripts and pages. It keeps nothing in memory that matters (the
// abstract queue's work is re-asked by the pages): the browser may stop the service worker between
// any two messages.
export default defineBackground(() => {
  const db = openSiftDb();
  const abstracts = createBrowserAbstractService(db);
  const sync = startBackgroundSync({ db, storage: browser.storage, enabled: syncEnabledItem, broadcast: (notice) => void broadcastChange(notice) });
  const handle = createApiHandler({
    db,
    abstracts,
    extensionId: browser.runtime.id,
    pagesUrl: browser.runtime.getURL('/'),
    sync,
    onChange: (change) => {
      void broadcastChange(change);
      sync.localChanged(change);
    },
    openPage: async (page) => {
      if (page === 'options') await browser.runtime.openOptionsPage();
      else
        await showReadingList({
          ask: (message) => browser.runtime.sendMessage(message),
          activate: (tabId) => browser.tabs.update(tabId, { active: true }),
          focusWindow: browser.windows && ((windowId) => browser.windows.update(windowId, { focused: true })),
          open: () => browser.tabs.create({ url: browser.runtime.getURL('/reading-list.html') }),
        });
    },
  });
  browser.runtime.onMessage.addListener((message, sender) => handle(message, sender));
  browser.runtime.onInstalled.addListener((details) => void openWelcomeOnInstall(details));
  browser.tabs.onRemoved.addListener((tabId) => abstracts.cancel(tabId));
});
