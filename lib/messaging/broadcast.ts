import { browser } from 'wxt/browser';
import type { SiftChanged } from '@/lib/store/api';

/** The arXiv tabs our content script runs in; the host permissions let us find them without `tabs`. */
const ARXIV_TABS = ['https://arxiv.org/*', 'https://www.arxiv.org/*'];

/**
 * Tells every open arXiv tab and extension page that annotations changed, so each re-reads only
 * what it shows. Tabs without a live content script (still loading, or opened before install)
 * reject the message; that is expected and ignored.
 */
export async function broadcastChange(change: SiftChanged['data']): Promise<void> {
  const message: SiftChanged = { type: 'sift.changed', data: change };
  const tabs = await browser.tabs.query({ url: ARXIV_TABS });
  await Promise.allSettled([
    ...tabs.flatMap((tab) => (tab.id === undefined ? [] : [browser.tabs.sendMessage(tab.id, message)])),
    browser.runtime.sendMessage(message),
  ]);
}
