/**
 * One reading-list tab: the overlay's "Reading list" button brings an open one to the front
 * instead of opening another, without the `tabs` permission. The background cannot list
 * extension tabs without it, so it asks the extension's open pages by runtime message (which
 * reaches every extension page but not content scripts); a reading-list page answers with its
 * own tab from `tabs.getCurrent()`, which needs no permission, and the background activates that
 * tab and focuses its window. Chrome and Firefox both have every call used here (MDN:
 * runtime.sendMessage, tabs.getCurrent, tabs.update, windows.update); Firefox for Android has no
 * `windows` API, so focusing is skipped there.
 */
import * as v from 'valibot';
import { WHERE_IS_READING_LIST, isWhereIsReadingList, readingListTabSchema, type ReadingListTab } from '@/lib/store/api';

/**
 * The reading-list page's `runtime.onMessage` listener: answers the background's question with
 * the page's tab, from `currentTab` (`browser.tabs.getCurrent`), and ignores every other message.
 * A page not in a tab (`undefined`) answers nothing, so the background opens a tab.
 */
export function answerWhereIsReadingList(
  currentTab: () => Promise<{ id?: number; windowId?: number } | undefined>,
): (message: unknown) => Promise<ReadingListTab | undefined> | undefined {
  return (message) => {
    if (!isWhereIsReadingList(message)) return undefined;
    return currentTab().then((tab) => (tab?.id === undefined || tab.windowId === undefined ? undefined : { tabId: tab.id, windowId: tab.windowId }));
  };
}

/** The browser calls `showReadingList` makes, so tests pass fakes. */
export interface ReadingListTabs {
  /** `runtime.sendMessage`: rejects in Chrome and Firefox when no page listens. */
  ask(message: typeof WHERE_IS_READING_LIST): Promise<unknown>;
  /** `tabs.update(tabId, { active: true })` */
  activate(tabId: number): Promise<unknown>;
  /** `windows.update(windowId, { focused: true })`; absent where the browser has no windows API. */
  focusWindow?: ((windowId: number) => Promise<unknown>) | undefined;
  /** `tabs.create` with the reading list's URL. */
  open(): Promise<unknown>;
}

/**
 * Shows the reading list: activates the tab of an open reading-list page and focuses its window,
 * or opens a new tab when no page answers, the answer is not a tab, or the tab is gone by the time
 * it is activated. Answers which of the two it did.
 *
 * @example await showReadingList({ ask: browser.runtime.sendMessage, activate, focusWindow, open }) // 'reused'
 */
export async function showReadingList(tabs: ReadingListTabs): Promise<'reused' | 'opened'> {
  const answer = await tabs.ask(WHERE_IS_READING_LIST).catch(() => undefined);
  if (v.is(readingListTabSchema, answer)) {
    const activated = await tabs.activate(answer.tabId).then(
      () => true,
      // Closed between its answer and now: a new tab below.
      () => false,
    );
    if (activated) {
      // The tab is in front in its window already; a window that will not take focus is no reason to open another.
      await tabs.focusWindow?.(answer.windowId).catch(() => undefined);
      return 'reused';
    }
  }
  await tabs.open();
  return 'opened';
}
