import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension } from '../../scripts/launch.mjs';
import { routeArxiv } from '../../scripts/arxiv-routes.mjs';
import { test, expect } from './fixtures';
import { ListingPage } from './pages/listing';
import { ReadingListPage } from './pages/reading-list';

/** The extension APIs an extension page has, as far as these tests use them (no @types/chrome here). */
interface ExtensionGlobal {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    storage: { sync: { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
  };
}

const SEED = '/list/cs.DC/new';
const FEDERATED = '2602.22290';
const PRIVACY = '2602.22434';

/** Sends one api message from an extension page, as the options page does. */
async function send<T>(page: Page, type: string, data: object): Promise<T> {
  const response = await page.evaluate(([type, data]) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type, data }), [type, data] as const);
  expect(response).toMatchObject({ ok: true });
  return (response as { result: T }).result;
}

/** This profile's storage.sync, read in one of its extension pages. */
const syncArea = (page: Page) => page.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.storage.sync.get(null));

/** What the browser's sync does: another profile's items land in this profile's storage.sync. */
const deliver = (page: Page, items: Record<string, unknown>) => page.evaluate((items) => (globalThis as unknown as ExtensionGlobal).chrome.storage.sync.set(items), items);

/** A second browser profile with the extension, its arXiv answered from the fixtures. */
async function secondProfile(): Promise<{ context: BrowserContext; extensionId: string }> {
  const launched = await launchWithExtension();
  await routeArxiv(launched.context, {});
  await launched.context.route(`chrome-extension://${launched.extensionId}/**`, (route) => route.continue());
  return launched;
}

test('stars and tags made in one profile reach a second through storage.sync, and an edit on each side merges', async ({ page, openExtensionPage }) => {
  test.setTimeout(90_000);
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.starOf(FEDERATED).click();
  await listing.addTag(PRIVACY, 'to read');
  const options = await openExtensionPage('options.html');
  await send(options, 'sync.now', {});
  const first = await syncArea(options);
  expect(Object.keys(first).some((key) => key.startsWith('p'))).toBe(true);

  const other = await secondProfile();
  try {
    const otherOptions = await other.context.newPage();
    await otherOptions.goto(`chrome-extension://${other.extensionId}/options.html`);
    await deliver(otherOptions, first);

    const otherListing = new ListingPage(await other.context.newPage());
    await otherListing.open(SEED);
    await expect(otherListing.starOf(FEDERATED)).toHaveAttribute('aria-pressed', 'true');
    await expect(otherListing.entry(PRIVACY)).toContainText('to read');
    const otherList = new ReadingListPage(await other.context.newPage());
    await otherList.page.goto(`chrome-extension://${other.extensionId}/reading-list.html`);
    await otherList.ready();
    await expect(otherList.row(FEDERATED)).toHaveCount(1);
    await expect(otherList.chipsOf(PRIVACY)).toHaveText(['to read']);

    // Apart: this profile unstars the paper, the other tags it; each then gets the other's area.
    await listing.starOf(FEDERATED).click();
    await expect(listing.starOf(FEDERATED)).toHaveAttribute('aria-pressed', 'false');
    await otherListing.addTag(FEDERATED, 'cite');
    await send(options, 'sync.now', {});
    await send(otherOptions, 'sync.now', {});
    await deliver(otherOptions, await syncArea(options));
    await expect(otherListing.starOf(FEDERATED)).toHaveAttribute('aria-pressed', 'false');
    // The other profile writes back what this one's items overwrote (its tag), then this one reads it.
    await expect
      .poll(async () => {
        await send(otherOptions, 'sync.now', {});
        await deliver(options, await syncArea(otherOptions));
        // The chips sit in the entry's own shadow root, which textContent does not enter.
        return (await listing.chipsOf(FEDERATED).allTextContents()).join(' ');
      }, { timeout: 30_000 })
      .toContain('cite');
    await expect(listing.starOf(FEDERATED)).toHaveAttribute('aria-pressed', 'false');
    await expect(otherListing.entry(FEDERATED)).toContainText('cite');

    const view = await send<{ enabled: boolean; status: { coverage?: { bytes: number } } }>(options, 'sync.status', {});
    expect(view.enabled).toBe(true);
    expect(view.status.coverage?.bytes).toBeGreaterThan(0);
    await expect(options.getByTestId('sync-capacity')).toHaveText(/^\d+ KB of 100 KB$/);
  } finally {
    await other.context.close();
  }
});

test('turned off, a profile writes none of its stars to storage.sync', async ({ page, openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.getByRole('checkbox', { name: /^Sync stars/ }).uncheck();
  await expect(options.getByTestId('sync-message')).toHaveText('Sync is off on this device');
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.starOf(FEDERATED).click();
  await send(options, 'sync.now', {});
  expect(Object.keys(await syncArea(options)).filter((key) => key.startsWith('p'))).toEqual([]);
});
