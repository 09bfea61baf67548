import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ListingPage } from './pages/listing';
import { listingShifts, recordListingShifts } from './support/layout-shifts';

const SEED = '/list/cs.DC/new';
/** Three papers of the seed's new submissions about tuning parallel file systems. */
const STORAGE = ['2602.22392', '2602.22409', '2602.22423'];
/** The fourth of them, which none of the three names: "For you" must find it. */
const STELLAR = '2602.23220';

/** Entry ids in DOM order, once per entry (its first node). */
async function domOrder(page: Page): Promise<string[]> {
  return page.locator('dt[data-sift-entry], li[data-sift-entry]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-sift-entry') ?? ''));
}

/** The ids of the new-submissions section, in DOM order. */
async function newSection(page: Page): Promise<string[]> {
  return page.locator('dt[data-sift-section="new"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-sift-entry') ?? ''));
}

test('the relevance marks and their "Why?" arrive after the page without moving any of its buttons', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  // Nothing learned yet: no mark, and no "Why?" with nothing to explain.
  await expect(listing.entry(STORAGE[0]!).getByRole('button', { name: 'Why?' })).toBeHidden();
  for (const id of STORAGE) {
    await listing.starOf(id).click();
    await expect(listing.starOf(id)).toHaveAttribute('aria-pressed', 'true');
  }
  await recordListingShifts(page);
  await page.reload();
  await listing.ready();
  await expect(listing.entry(STORAGE[0]!).getByRole('img', { name: 'Relevance: high' })).toBeVisible();
  expect(await listingShifts(page)).toEqual([]);
});

test('For you puts the papers closest to the stars first, explains why, and restores arXiv order exactly', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  const arxiv = await domOrder(page);
  for (const id of STORAGE) {
    await listing.starOf(id).click();
    await expect(listing.starOf(id)).toHaveAttribute('aria-pressed', 'true');
  }
  const forYou = listing.toolbar.getByRole('button', { name: 'For you' });
  await forYou.click();
  await expect(forYou).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await newSection(page)).slice(0, 4).sort()).toEqual([...STORAGE, STELLAR].sort());
  // Sections stay: the cross-lists and replacements keep their own place.
  expect((await domOrder(page)).slice(18).sort()).toEqual(arxiv.slice(18).sort());

  await expect(listing.entry(STORAGE[0]!).getByRole('img', { name: 'Relevance: high' })).toBeVisible();
  await expect(listing.entry(STELLAR).getByRole('img', { name: /^Relevance: (high|medium)$/ })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Relevance: low' }).first()).toBeVisible();
  await listing.entry(STELLAR).getByRole('button', { name: 'Why?' }).click();
  const why = listing.entryNodes(STELLAR).getByRole('note');
  await expect(why).toContainText(/Terms: .*(file|storage|tuning|parallel)/i);
  await expect(why).toContainText(/Closest to your “/);

  // The keyboard follows the new order: j from the top lands on the first entry shown.
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.mouse.wheel(0, -100_000);
  await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
  await page.keyboard.press('j');
  await expect(listing.entry((await domOrder(page))[0]!)).toHaveAttribute('data-sift-focus', '');

  await page.keyboard.press('r');
  await expect(forYou).toHaveAttribute('aria-pressed', 'false');
  expect(await domOrder(page)).toEqual(arxiv);

  // The choice is remembered for this listing kind.
  await page.keyboard.press('r');
  await page.reload();
  await listing.ready();
  await expect(listing.toolbar.getByRole('button', { name: 'For you' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await newSection(page)).slice(0, 4).sort()).toEqual([...STORAGE, STELLAR].sort());
});

test('ranking is off, and says why, until something is starred', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  const arxiv = await domOrder(page);
  await listing.toolbar.getByRole('button', { name: 'For you' }).click();
  await expect(listing.toolbar.getByRole('status').filter({ hasText: /star or tag a paper/i })).toBeVisible();
  expect(await domOrder(page)).toEqual(arxiv);
});

test('a hide retrains without a reload and pushes similar papers down', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  // Every paper the reader left alone is a weak negative, not only those that happened to stay on screen for a second.
  await (await listing.toolbarButton('Mark all seen')).click();
  // Five stars: enough for the trained model, which learns from hides too.
  for (const id of [...STORAGE, '2602.22593', '2602.23036']) {
    await listing.starOf(id).click();
    await expect(listing.starOf(id)).toHaveAttribute('aria-pressed', 'true');
  }
  const forYou = listing.toolbar.getByRole('button', { name: 'For you' });
  await forYou.click();
  await expect(forYou).toHaveAttribute('title', /Learned from 5 starred/);
  const before = await newSection(page);
  // A paper on energy-aware LLM training; the energy-efficiency paper is the one most like it.
  const hidden = '2602.22760';
  const similar = '2602.22290';
  await listing.hideOf(hidden).click();
  await expect.poll(async () => (await newSection(page)).at(-1)).toBe(hidden);
  const after = await newSection(page);
  expect(after.indexOf(similar)).toBeGreaterThan(before.indexOf(similar));
  expect(after.slice(0, 5).sort()).toEqual(before.slice(0, 5).sort());
});

test('my papers seed For you from the options page, and Forget what Sift learned turns it off', async ({ page, openExtensionPage }) => {
  const listing = new ListingPage(page);
  // No listing has shown these papers yet: Sift fetches them from arXiv's API (the fixture feed).
  const options = await openExtensionPage('options.html');
  await options.getByLabel(/These are my papers/).fill(`arXiv:${STORAGE[0]}v1, ${STORAGE[1]}\nhttps://arxiv.org/abs/${STORAGE[2]} not-an-id`);
  await options.getByRole('button', { name: 'Save my papers' }).click();
  // The section's own live line: the page's one status role belongs to the tag manager.
  const seedsLine = options.locator('#for-you [aria-live]');
  await expect(seedsLine).toContainText('3 of your papers kept; 0 of them Sift has read and learns from; 3 more on their way from arXiv.');
  await expect(seedsLine).toContainText('3 of your papers kept; 3 of them Sift has read and learns from. Not arXiv ids, left out: not-an-id.');

  await listing.open(SEED);
  await listing.toolbar.getByRole('button', { name: 'For you' }).click();
  await expect.poll(async () => (await newSection(page)).slice(0, 4).sort()).toEqual([...STORAGE, STELLAR].sort());

  await options.bringToFront();
  await options.getByRole('button', { name: 'Forget what Sift learned' }).click();
  await options.getByRole('button', { name: 'Forget it all' }).click();
  await expect(seedsLine).toContainText('Sift forgot what it learned');
  await expect(options.getByLabel(/These are my papers/)).toHaveValue('');

  await page.bringToFront();
  await page.reload();
  await listing.ready();
  await expect(listing.toolbar.getByRole('status').filter({ hasText: /star or tag a paper/i })).toBeVisible();
});

test('an author page pasted as my papers seeds For you with every paper it lists', async ({ page, openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.getByLabel(/These are my papers/).fill('https://arxiv.org/a/dai_d_1.html');
  await options.getByRole('button', { name: 'Save my papers' }).click();
  const seedsLine = options.locator('#for-you [aria-live]');
  await expect(seedsLine).toContainText('4 of your papers kept; 4 of them Sift has read and learns from.');
  await expect(options.getByLabel(/These are my papers/)).toHaveValue([STELLAR, STORAGE[2], STORAGE[1], STORAGE[0]].join('\n'));

  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.toolbar.getByRole('button', { name: 'For you' }).click();
  await expect.poll(async () => (await newSection(page)).slice(0, 4).sort()).toEqual([...STORAGE, STELLAR].sort());
});
