import { test, expect } from './fixtures';
import { ListingPage } from './pages/listing';
import { typeset } from './support/mathjax';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARXIV_FIXTURES, FIXTURES_DIR } from '../../scripts/arxiv-routes.mjs';

const SEED = '/list/cs.DC/new';
const STARRED = ['2602.22290', '2602.22434', '2602.22633'];

test('every entry of the seed listing gets a Star toggle button', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await expect(listing.starButtons).toHaveCount(29);
  for (const button of await listing.starButtons.all()) {
    await expect(button).toHaveAttribute('aria-pressed', 'false');
  }
});

test('stars survive a reload, show in a second tab, and unstar', async ({ page, context }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  for (const id of STARRED) {
    await listing.starOf(id).click();
    await expect(listing.starOf(id)).toHaveAttribute('aria-pressed', 'true');
  }
  // The accessible name stays "Star"; only the pressed state changes (ARIA toggle button).
  await expect(listing.starOf(STARRED[0]!)).toHaveAccessibleName('Star');

  await page.reload();
  await listing.ready();
  for (const id of STARRED) await expect(listing.starOf(id)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Star', pressed: true })).toHaveCount(3);

  const second = new ListingPage(await context.newPage());
  await second.open(SEED);
  await second.page.bringToFront();
  await expect(second.page.getByRole('button', { name: 'Star', pressed: true })).toHaveCount(3);

  // Unstarring in the second tab reaches the first without a reload.
  await second.starOf(STARRED[1]!).click();
  await expect(second.starOf(STARRED[1]!)).toHaveAttribute('aria-pressed', 'false');
  await expect(listing.starOf(STARRED[1]!)).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('button', { name: 'Star', pressed: true })).toHaveCount(2);
});

test('the star toggles from the keyboard', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  const star = listing.starOf('2602.22350');
  await star.focus();
  await page.keyboard.press('Enter');
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(star).toHaveAttribute('aria-pressed', 'false');
});

test("the page's own text and links are unchanged apart from the added controls", async ({ page, context }) => {
  const bare = await context.newPage();
  // The same fixture at a path the content script does not match gives the untouched page.
  const html = readFileSync(join(FIXTURES_DIR, ARXIV_FIXTURES[SEED]!), 'utf8');
  await bare.route('https://arxiv.org/sift-untouched', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
  );
  await bare.goto('https://arxiv.org/sift-untouched');
  const snapshot = (p: typeof page) =>
    p.evaluate(() => {
      const clone = document.body.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('[data-sift-ui]').forEach((node) => node.remove());
      return {
        text: clone.textContent,
        links: [...clone.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]),
      };
    });
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.starOf('2602.22290').click();
  // MathJax rewrites the text as it typesets; compare the two pages once each has finished.
  await Promise.all([typeset(page), typeset(bare)]);
  expect(await snapshot(page)).toEqual(await snapshot(bare));
});
