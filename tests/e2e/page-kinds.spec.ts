import { test, expect } from './fixtures';
import { ListingPage } from './pages/listing';

// Every page kind the parser knows gets a star control on every entry it can read.
const PAGES = [
  ['new', '/list/cs.DC/new', 29],
  ['recent', '/list/cs.DC/recent', 24],
  ['pastweek (paged)', '/list/cs.DC/pastweek?skip=25&show=25', 25],
  ['month', '/list/cs.DC/2026-02', 10],
  ['legacy month with old-style ids', '/list/math/0601', 5],
  ['catchup', '/catchup/cs.DC/2026-02-27?abs=True', 8],
  ['search results', '/search/?query=distributed&searchtype=all', 7],
  ['abs', '/abs/2602.22195', 1],
  ['abs of an old-style id', '/abs/math/0601001', 1],
  ['abs of a withdrawn paper', '/abs/2602.22812', 1],
  ['new with edge cases', '/list/cs.DC/new?fixture=edge-cases', 9],
  ['new in classic markup', '/list/cs.DC/new?fixture=classic', 3],
] as const;

for (const [kind, path, entries] of PAGES) {
  test(`${kind}: a star on each of the ${entries} entries, and starring persists`, async ({ page }) => {
    const listing = new ListingPage(page);
    await listing.open(path);
    await expect(listing.starButtons).toHaveCount(entries);
    await listing.starButtons.last().click();
    await expect(listing.starButtons.last()).toHaveAttribute('aria-pressed', 'true');
    await page.reload();
    await listing.ready();
    await expect(listing.starButtons.last()).toHaveAttribute('aria-pressed', 'true');
  });
}

test('a malformed page keeps its readable entries working and the rest untouched', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const listing = new ListingPage(page);
  await listing.open('/list/cs.DC/new?fixture=malformed');
  await expect(listing.starButtons).toHaveCount(2);
  await listing.starButtons.first().click();
  await expect(listing.starButtons.first()).toHaveAttribute('aria-pressed', 'true');
  expect(errors).toEqual([]);
});

test('a day without announcements gets no toolbar and no errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('https://arxiv.org/list/cs.DC/new?fixture=empty');
  await expect(page.getByText('No updates today.')).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Sift filters' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Star' })).toHaveCount(0);
  expect(errors).toEqual([]);
});
