/**
 * The abstract service bound to the browser: `fetch` to export.arxiv.org, `tabs.sendMessage` for
 * delivery, the `fetchAbstracts` setting, and the last request's start in `storage.session`.
 * Session storage outlives a stopped service worker but not the browser, which is exactly the
 * life of arXiv's 3 s spacing; Firefox's MV2 background page has no `storage.session` before
 * Firefox 115 (and never stops anyway), so there it falls back to `storage.local`.
 */
import { browser } from 'wxt/browser';
import { defineSetting } from '@/lib/platform/stored-setting';
import { fetchAbstractsItem, isFetchingAbstracts } from '@/lib/settings/fetch-abstracts';
import type { SiftDb } from '@/lib/store/db';
import { createAbstractService, type AbstractService, type LastRequestStore } from './background';

/** `storage.session` when the browser has it, else `storage.local`. */
function lastRequestStore(): LastRequestStore {
  const area = browser.storage.session === undefined ? 'local' : 'session';
  const item = defineSetting<number | undefined>(`${area}:abstractsLastRequestAt`, undefined);
  return {
    get: () => item.getValue(),
    set: (at) => item.setValue(at),
  };
}

/**
 * Creates the background's one abstract service over `db` and stops its queue when the user turns
 * fetching off. Example: `createApiHandler({ db, abstracts: createBrowserAbstractService(db), … })`.
 */
export function createBrowserAbstractService(db: SiftDb): AbstractService {
  const service = createAbstractService({
    db,
    // Bound to the global: a detached `fetch` throws "Illegal invocation" in Chrome.
    fetch: (url, init) => fetch(url, init),
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    isFetchingEnabled: () => isFetchingAbstracts(),
    lastRequest: lastRequestStore(),
    keepAlive: () => browser.runtime.getPlatformInfo(),
  });
  fetchAbstractsItem.watch((enabled) => {
    if (enabled === false) service.fetchingTurnedOff();
  });
  return service;
}
