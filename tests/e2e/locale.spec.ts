import { test, expect } from './fixtures';
import { ListingPage } from './pages/listing';

const SEED = '/list/cs.DC/new';
const FIRST = '2602.22290';

// `--lang` sets the browser's interface language, which chrome.i18n answers from (_locales/de);
// Playwright's `locale` option only changes what pages are told (navigator.language, Accept-Language).
test.use({ browserArgs: ['--lang=de'] });

test('a German browser shows Sift in German on the listing and the reading list', async ({ page, openExtensionPage }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);

  const toolbar = page.getByRole('toolbar', { name: 'Sift-Filter' });
  await expect(toolbar).toBeVisible();
  const onlyStarred = toolbar.getByRole('button', { name: /^Nur mit Stern/ });
  await expect(onlyStarred).toHaveAttribute('aria-pressed', 'false');
  await expect(toolbar.getByRole('button', { name: /^Ohne Cross-Lists/ })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Sift filters' })).toHaveCount(0);

  const star = listing.entry(FIRST).getByRole('button', { name: 'Stern', exact: true });
  await expect(listing.entry(FIRST).getByRole('button', { name: 'Star', exact: true })).toHaveCount(0);
  await star.click();
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  await onlyStarred.click();
  expect(await listing.visibleIds()).toEqual([FIRST]);
  await expect(toolbar).toContainText('1 von 29 gezeigt');

  const readingList = await openExtensionPage('reading-list.html');
  await expect(readingList).toHaveTitle('Sift-Leseliste');
  await expect(readingList.getByRole('heading', { name: 'Sift-Leseliste', level: 1 })).toBeVisible();
  await expect(readingList.getByRole('searchbox', { name: 'Artikel suchen' })).toBeVisible();
  await expect(readingList.getByRole('button', { name: 'Nur mit Stern', exact: true })).toBeVisible();
  await expect(readingList.getByRole('list', { name: 'Artikel' }).getByRole('listitem')).toHaveCount(1);
  // The page is marked as the catalogue's language. Chrome's @@ui_locale is not it: Debian's Chromium,
  // without its language packs, answers en_US under --lang=de while its messages come from _locales/de.
  await expect(readingList.locator('html')).toHaveAttribute('lang', 'de');
  await expect(readingList.locator('html')).toHaveAttribute('dir', 'ltr');
});
