import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ListingPage } from './pages/listing';
import { seriousViolations } from './pages/reading-list';

const SEED = '/list/cs.DC/new';
const STARRED = ['2602.22290', '2602.22434'];

/**
 * The id of the open arXiv listing tab, asked from an extension page (host permissions let it see
 * arXiv tabs' URLs). The popup is opened as a tab of its own in these tests, so it is pointed at
 * the listing with `?tab=<id>` instead of reading the active tab.
 */
async function listingTabId(extensionPage: Page): Promise<number> {
  return extensionPage.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } };
    const [tab] = await chrome.tabs.query({ url: 'https://arxiv.org/list/*' });
    if (tab?.id === undefined) throw new Error('no arXiv listing tab');
    return tab.id;
  });
}

test('shows the counts of an arXiv tab, follows changes, and toggles its filters', async ({ page, extensionId, openExtensionPage }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  for (const id of STARRED) await listing.starOf(id).click();

  const popup = await openExtensionPage('popup.html');
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await listingTabId(popup)}`);
  const counts = popup.getByRole('list', { name: 'Counts for this tab' });
  // Starring marks a paper seen, and so does reading its title on screen, so at most 27 are unseen.
  await expect(counts.getByRole('listitem')).toHaveText(['29 entries', '2 starred', '0 matching', /^(1?\d|2[0-7]) unseen$/]);

  // A star written while the popup is open updates its counts.
  await listing.starOf('2602.22633').click();
  await expect(counts).toContainText('3 starred');
  await listing.starOf('2602.22633').click();
  await expect(counts).toContainText('2 starred');

  const onlyStarred = popup.getByRole('group', { name: 'Filters for this tab' }).getByRole('button', { name: 'Only starred' });
  await expect(onlyStarred).toHaveAttribute('aria-pressed', 'false');
  await onlyStarred.click();
  await expect(onlyStarred).toHaveAttribute('aria-pressed', 'true');
  await expect(listing.toggle(/Only starred/)).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => listing.visibleIds()).toEqual(STARRED);

  await onlyStarred.click();
  await expect(onlyStarred).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => listing.visibleIds().then((ids) => ids.length)).toBe(29);
});

test('says how to use it when the tab is not an arXiv listing', async ({ extensionId, openExtensionPage }) => {
  // Opened as a tab, the popup's active tab is itself: no content script answers there.
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByText('Open an arXiv listing to use Sift here')).toBeVisible();
  await expect(popup.getByRole('group', { name: 'Filters for this tab' })).toHaveCount(0);

  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=999999`);
  await expect(popup.getByText('Open an arXiv listing to use Sift here')).toBeVisible();
});

test('opens the reading list in a tab', async ({ context, openExtensionPage }) => {
  const popup = await openExtensionPage('popup.html');
  await popup.getByRole('button', { name: 'Open reading list' }).click();
  // A fresh profile also opens the welcome page once; the reading list is the tab that says so.
  await expect.poll(() => context.pages().filter((tab) => /\/reading-list\.html$/.test(tab.url())).length).toBe(1);
  const readingList = context.pages().find((tab) => /\/reading-list\.html$/.test(tab.url()))!;
  await expect(readingList.getByRole('heading', { name: 'Sift reading list' })).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the popup has no serious or critical accessibility violation (${scheme})`, async ({ page, extensionId, openExtensionPage }) => {
    const listing = new ListingPage(page);
    await listing.open(SEED);
    const popup = await openExtensionPage('popup.html');
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await listingTabId(popup)}`);
    await popup.getByRole('button', { name: 'Only unseen' }).click();
    await expect(popup.getByRole('button', { name: 'Only unseen' })).toHaveAttribute('aria-pressed', 'true');
    expect(await seriousViolations(popup)).toEqual([]);
  });
}
