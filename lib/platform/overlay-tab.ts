/**
 * How the popup reaches the Sift overlay of an arXiv tab: which tab, and one request to its
 * content script. Needs no `tabs` permission: the popup only uses the tab's id, never its URL.
 */
import { browser } from 'wxt/browser';
import type { OverlayStatus, TabMessage } from '@/lib/store/api';
import { isOverlayStatus } from '@/lib/extension-pages/popup-status';

/**
 * The id of the tab the popup reports on: the active tab of the popup's window. A `?tab=<id>`
 * query parameter names the tab instead: the end-to-end tests open `popup.html` as a tab of its
 * own (so the active tab would be the popup itself), and it helps to diagnose a tab by hand. It
 * only narrows which tab is read; the content script still validates every message it gets.
 */
export async function findTargetTab(search: string): Promise<number | undefined> {
  const requested = new URLSearchParams(search).get('tab');
  if (requested !== null) {
    const id = Number(requested);
    return Number.isInteger(id) && id >= 0 ? id : undefined;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * Sends `message` to the content script of tab `tabId` and returns its overlay status, or
 * `undefined` when nothing valid answers: the tab is not an arXiv listing, is still loading, or
 * was opened before Sift was installed (then `sendMessage` rejects with "Receiving end does not
 * exist", which here is an expected answer, not an error).
 */
export async function askOverlay(tabId: number, message: TabMessage): Promise<OverlayStatus | undefined> {
  try {
    const answer: unknown = await browser.tabs.sendMessage(tabId, message);
    return isOverlayStatus(answer) ? answer : undefined;
  } catch {
    return undefined;
  }
}
