/**
 * Abstracts on listings that print none, on the arXiv page itself: the disclosure and "Show
 * abstracts", rules matching fetched abstracts, and the cache from /new sparing arXiv's API.
 * arXiv's API is answered from tests/fixtures/api by the fixture's route.
 */
import { test, expect } from './fixtures';
import { ListingPage } from './pages/listing';

const RECENT = '/list/cs.DC/recent';
/** A paper of /recent whose abstract, and nothing else of it, says "admissible". */
const ADMISSIBLE = '2602.22756';

async function allArrived(listing: ListingPage) {
  // The quiet progress line goes once every abstract is in.
  await expect(listing.toolbar.getByRole('status').filter({ hasText: /^abstracts/ })).toHaveCount(0, { timeout: 30_000 });
}

test('every entry of /recent gets its abstract, shown on demand and all at once', async ({ page, arxivApi }) => {
  const listing = new ListingPage(page);
  await listing.open(RECENT);
  const toggles = page.getByRole('button', { name: 'Abstract', exact: true });
  await expect(toggles).toHaveCount(24);
  await allArrived(listing);
  expect(arxivApi.requests.length).toBeGreaterThan(0);

  const blocks = page.locator('.sift-abstract');
  await expect(blocks).toHaveCount(24);
  await expect(blocks.first()).toBeHidden();
  await listing.toggle('Show abstracts').click();
  for (const block of await blocks.all()) await expect(block).toBeVisible();
  await expect(listing.entryNodes(ADMISSIBLE).locator('.sift-abstract')).toContainText('admissible');

  // One entry's disclosure, from the keyboard: `a` on the focused entry.
  await listing.toggle('Show abstracts').click();
  await expect(blocks.first()).toBeHidden();
  await listing.starOf(ADMISSIBLE).focus();
  await page.keyboard.press('a');
  await expect(listing.entryNodes(ADMISSIBLE).locator('.sift-abstract')).toBeVisible();
  await expect(listing.entry(ADMISSIBLE).getByRole('button', { name: 'Abstract', exact: true })).toHaveAttribute('aria-pressed', 'true');
});

test('a rule on a word only the abstract has matches once the abstract arrives', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(RECENT);
  await allArrived(listing);
  await listing.toolbar.getByRole('button', { name: 'Rules' }).click();
  const dialog = listing.dialog('Highlight rules');
  await dialog.getByRole('textbox', { name: 'Match' }).fill('admissible');
  await dialog.getByRole('button', { name: 'Add rule' }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(listing.toggle(/Only matching/)).toContainText('1');
  await listing.toggle(/Only matching/).click();
  expect(await listing.visibleIds()).toEqual([ADMISSIBLE]);
  // The text filter searches the fetched abstract too.
  await listing.toggle(/Only matching/).click();
  await listing.filterInput.fill('admissible');
  await expect.poll(() => listing.visibleIds()).toEqual([ADMISSIBLE]);
});

test('papers whose abstracts were read on /new are not fetched again on /recent', async ({ page, arxivApi }) => {
  const listing = new ListingPage(page);
  await listing.open('/list/cs.DC/new');
  // The /new page hands its abstracts to the cache after it is ready.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('sift:ready').length)).toBe(1);
  await page.waitForTimeout(500);
  await listing.open(RECENT);
  await allArrived(listing);
  await expect(page.locator('.sift-abstract')).toHaveCount(24);
  expect(arxivApi.requests).toEqual([]);
});
