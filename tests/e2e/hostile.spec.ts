/**
 * A hostile page cannot drive Sift: its script's clicks and keys change nothing in the store, a
 * forged WXT "content script started" event does not tear Sift down, and a form that clobbers
 * `window.browser` does not break Sift's messaging; and on the build a reader installs, the page
 * reads none of the reader's words. The page is the seed listing with the hostile markup and
 * script below inserted after <body>.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../scripts/arxiv-routes.mjs';
import { test, expect } from './fixtures';
import { ListingPage } from './pages/listing';

const HOSTILE = '/list/cs.DC/new?fixture=hostile';

/**
 * The form clobbers `window.browser` for code that looks it up by name; the script is what a
 * hostile page tries once Sift is ready: press its buttons and keys.
 */
const HOSTILE_MARKUP = `
<form id="browser"><input name="runtime" id="runtime" value="x"></form>
<script>
  window.siftKeys = [];
  window.siftTyped = [];
  window.addEventListener('keydown', (event) => window.siftKeys.push(event.key));
  window.addEventListener('input', (event) => window.siftTyped.push(event.data ?? ''));
  window.siftAttack = () => {
    for (const button of document.querySelectorAll('.sift-star, .sift-hide')) button.click();
    const first = document.querySelector('[data-sift-entry] .sift-star');
    first && first.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    for (const key of ['j', 's', 'x', 'j', 's']) document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    const root = document.querySelector('sift-overlay') && document.querySelector('sift-overlay').shadowRoot;
    for (const button of (root ? root.querySelectorAll('button') : [])) if (/Reading list|Mark all seen/.test(button.textContent)) button.click();
  };
</script>`;

test.beforeEach(async ({ context }) => {
  const seed = readFileSync(join(FIXTURES_DIR, 'list-new-cs.DC-2026-02-27.html'), 'utf8');
  const body = seed.replace(/<body[^>]*>/, (tag) => `${tag}${HOSTILE_MARKUP}`);
  // Registered after the fixture's routes, so asked first for this one URL.
  await context.route(`https://arxiv.org${HOSTILE}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
});
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
  await page.evaluate(() => (window as unknown as { siftAttack(): void }).siftAttack());
  await page.waitForTimeout(500);
  await expect(listing.starOf(FIRST)).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('[data-sift-hidden]')).toHaveCount(0);
  await expect(listing.toolbar.getByRole('button', { name: 'Mark all seen' })).toBeVisible();
  // No reading-list tab opened (a fresh profile's welcome page may open on its own).
  expect(context.pages().filter((tab) => /reading-list\.html/.test(tab.url()))).toEqual([]);
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

test.describe('on the build a reader installs', () => {
  test.use({ build: 'reader' });
  const SECRET_TAG = 'grant-proposal';
  const SECRET_NOTE = 'Compare with our rejected submission';

  test("the page's script reads no tag name, note or keystroke the reader gives Sift", async ({ page }) => {
    const listing = new ListingPage(page);
    await listing.open(HOSTILE);
    // Locators cannot enter a closed root: focus inside it shows as the host being the active element.
    const focusInSift = () => page.evaluate(() => document.activeElement?.localName === 'sift-overlay');
    await page.keyboard.press('j');
    await page.keyboard.press('t');
    await expect.poll(focusInSift).toBe(true);
    await page.keyboard.type(SECRET_TAG);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-sift-tagged] .sift-chips')).toHaveCount(1);
    // Escape closes the picker; pressed after it has closed, it would let go of the focused entry.
    if (await focusInSift()) await page.keyboard.press('Escape');
    await expect.poll(focusInSift).toBe(false);
    // The tagged entry's own Note button: after the picker, the keyboard's target entry depends on
    // where the dialog handed focus back, which this test is not about.
    await page.locator('dt[data-sift-tagged] .sift-note').click();
    await expect.poll(focusInSift).toBe(true);
    await page.keyboard.type(SECRET_NOTE);
    await page.keyboard.press('Control+Enter');
    await expect(page.locator('.sift-note-tip')).toHaveCount(1);

    const seen = await page.evaluate(() => ({
      overlayRoot: document.querySelector('sift-overlay')?.shadowRoot !== null,
      entryRoots: [...document.querySelectorAll('.sift-chips, .sift-note-tip')].map((host) => host.shadowRoot !== null),
      markup: document.documentElement.outerHTML,
      text: document.body.innerText,
      keys: (window as unknown as { siftKeys: string[] }).siftKeys.join(''),
      typed: (window as unknown as { siftTyped: string[] }).siftTyped.join(''),
    }));
    expect(seen.keys).toContain('jt');
    expect(seen.overlayRoot).toBe(false);
    expect(seen.entryRoots).toEqual([false, false]);
    for (const secret of [SECRET_TAG, SECRET_NOTE]) {
      expect(seen.markup).not.toContain(secret);
      expect(seen.text).not.toContain(secret);
      // The page's own key and input listeners (bubbling) saw the shortcuts, not what was typed.
      expect(seen.keys).not.toContain(secret.slice(0, 6));
      expect(seen.typed).not.toContain(secret.slice(0, 6));
    }
    // The reader still sees both: the chip's and the tooltip's text are on screen.
    await expect(page.locator('[data-sift-tagged] .sift-chips')).toBeVisible();
  });
});
