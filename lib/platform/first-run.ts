/**
 * The first-run page: opened once, when Sift is installed, and never after an update or a
 * browser update (those fire `runtime.onInstalled` too, with another reason).
 */
import { browser } from 'wxt/browser';
import { defineSetting } from '@/lib/platform/stored-setting';

/** The welcome page's path in the extension (entrypoints/welcome). */
export const WELCOME_PAGE = '/welcome.html';

/** What Sift reads of `runtime.onInstalled`'s details; `temporary` is Firefox's. */
export interface InstalledDetails {
  reason: string;
  temporary?: boolean;
}

/**
 * Set once the welcome page has been opened (`local:welcomeShown`). Chromium reports `install`
 * again on every start for an extension loaded with `--load-extension` (checked with Chromium
 * 156), so the reason alone would open the page on each launch of such a profile.
 */
export const welcomeShownItem = defineSetting<boolean>('local:welcomeShown', false);

/**
 * Whether an `onInstalled` event is a reader's first install. A Firefox temporary add-on
 * (`about:debugging`, `web-ext run`, the Firefox tests) reports `install` on every load, with a
 * fresh store each time; it is a developer's load, so it gets no welcome page.
 */
export function isFirstInstall(details: InstalledDetails): boolean {
  return details.reason === 'install' && details.temporary !== true;
}

/**
 * The `runtime.onInstalled` listener: opens the welcome page in a new tab on a first install,
 * unless it was opened before, and does nothing otherwise. Resolves once the tab is asked for.
 */
export async function openWelcomeOnInstall(details: InstalledDetails, shown = welcomeShownItem): Promise<void> {
  if (!isFirstInstall(details) || (await shown.getValue())) return;
  await shown.setValue(true);
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}
