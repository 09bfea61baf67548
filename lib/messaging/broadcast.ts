import { browser } from 'wxt/browser';
import { toSiftChanged, type ChangeNotice } from '@/lib/store/api';

/** The arXiv tabs our content script runs in; the host permissions let us find them without `tabs`. */
const ARXIV_TABS = ['https://arxiv.org/*', 'https://www.arxiv.org/*'];

/**
 * Tells every open arXiv tab and extension page that annotations changed, so each re-reads only
 * what it shows. Tabs without a live content script (still loading, or opened before install)
 * reject the message; that is expected and ignored.
 */
export async function broadcastChange(notice: ChangeNotice): Promise<void> {
  const message = toSiftChanged(notice);
  const tabs = await browser.tabs.query({ url: ARXIV_TABS });
  await Promise.allSettled([
    ...tabs.flatMap((tab) => (tab.id === undefined ? [] : [browser.tabs.sendMessage(tab.id, message)])),
    browser.runtime.sendMessage(message),
  ]);
}
