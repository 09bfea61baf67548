/**
 * A hostile page cannot drive Sift: its script's clicks and keys change nothing in the store, a
 * forged WXT "content script started" event does not tear Sift down, and a form that clobbers
 * `window.browser` does not break Sift's messaging (tests/fixtures/list-hostile-cs.DC.html).
 */
import { test, expect } from './fixtures';
import { ListingPage } from './pages/listing';

const HOSTILE = '/list/cs.DC/new?fixture=hostile';
const FIRST = '2602.22290';

async function storedPapers(openExtensionPage: (path: string) => Promise<import('@playwright/test').Page>) {
  const page = await openExtensionPage('reading-list.html');
  const count = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('sift');
        open.onsuccess = () => {
          const tx = open.result.transaction('papers', 'readonly');
          const request = tx.objectStore('papers').count();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  await page.close();
  return count;
}

test('a page script clicking and typing at Sift changes nothing; the reader still can', async ({ page, context, openExtensionPage }) => {
  const listing = new ListingPage(page);
  await listing.open(HOSTILE);
  const pagesBefore = context.pages().length;
  await page.evaluate(() => (window as unknown as { siftAttack(): void }).siftAttack());
  await page.waitForTimeout(500);
  await expect(listing.starOf(FIRST)).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('[data-sift-hidden]')).toHaveCount(0);
  await expect(listing.toolbar.getByRole('button', { name: 'Mark all seen' })).toBeVisible();
  expect(context.pages()).toHaveLength(pagesBefore);
  expect(await storedPapers(openExtensionPage)).toBe(0);

  // The clobbering form did not break messaging: a real click stars, and the star is stored.
  await listing.starOf(FIRST).click();
  await expect(listing.starOf(FIRST)).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => storedPapers(openExtensionPage)).toBe(1);
});

test("a forged WXT start event does not remove Sift, and the page never learns the extension's id", async ({ page, extensionId }) => {
  const posted: unknown[] = [];
  await page.exposeFunction('siftSawMessage', (data: unknown) => void posted.push(data));
  await page.addInitScript(() => window.addEventListener('message', (event) => (window as unknown as { siftSawMessage(data: unknown): void }).siftSawMessage(event.data)));
  const listing = new ListingPage(page);
  await listing.open(HOSTILE);
  await page.evaluate((id) => {
    document.dispatchEvent(new CustomEvent(`${id}:arxiv:wxt:content-script-started`, { detail: { contentScriptName: 'arxiv', messageId: 'forged' } }));
  }, extensionId);
  await page.waitForTimeout(300);
  await expect(page.locator('sift-overlay')).toHaveCount(1);
  await expect(listing.starButtons).toHaveCount(29);
  await listing.starOf(FIRST).click();
  await expect(listing.starOf(FIRST)).toHaveAttribute('aria-pressed', 'true');
  expect(JSON.stringify(posted)).not.toContain(extensionId);
});
