import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WELCOME_PAGE, isFirstInstall, openWelcomeOnInstall, welcomeShownItem, type InstalledDetails } from '@/lib/platform/first-run';

afterEach(() => fakeBrowser.reset());

// The fake browser starts with one blank tab, which has no URL.
const openTabs = async () => (await fakeBrowser.tabs.query({})).flatMap((tab) => (tab.url === undefined ? [] : [tab.url]));
const welcomeUrl = () => fakeBrowser.runtime.getURL(WELCOME_PAGE);

describe('the first-run page', () => {
  it.each<[string, InstalledDetails, boolean]>([
    ['a first install', { reason: 'install' }, true],
    ['an update of Sift', { reason: 'update' }, false],
    ['a browser update', { reason: 'chrome_update' }, false],
    ['a browser update (Firefox)', { reason: 'browser_update' }, false],
    ['a shared module update', { reason: 'shared_module_update' }, false],
    ['a Firefox temporary add-on load', { reason: 'install', temporary: true }, false],
    ['a Firefox permanent install', { reason: 'install', temporary: false }, true],
  ])('is shown (or not) for %s', (_what, details, expected) => {
    expect(isFirstInstall(details)).toBe(expected);
  });

  it('opens in a new tab when onInstalled reports an install', async () => {
    fakeBrowser.runtime.onInstalled.addListener((details) => openWelcomeOnInstall(details));
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(await openTabs()).toEqual([welcomeUrl()]);
    expect(await welcomeShownItem.getValue()).toBe(true);
  });

  it('opens only once when the browser reports a second install of the same profile', async () => {
    fakeBrowser.runtime.onInstalled.addListener((details) => openWelcomeOnInstall(details));
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(await openTabs()).toEqual([welcomeUrl()]);
  });

  it('stays closed when onInstalled reports an update', async () => {
    fakeBrowser.runtime.onInstalled.addListener((details) => openWelcomeOnInstall(details));
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0', temporary: false });
    expect(await openTabs()).toEqual([]);
  });
});
