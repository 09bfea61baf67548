import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { ListingPage } from './pages/listing';

/**
 * Whether axe's target (a selector, or a chain of them through shadow roots) is an element Sift
 * made. Sift marks arXiv's own entry nodes with data-sift-* attributes, which axe puts in its
 * selectors, so those are taken out first: arXiv's author links stay arXiv's.
 */
function isSiftNode(target: unknown): boolean {
  return JSON.stringify(target).replace(/\[data-sift-[\w-]+(=\\"[^\]]*\\")?\]/g, '').includes('sift');
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the augmented listing has no serious or critical accessibility violation caused by Sift (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    if (scheme === 'dark') {
      // arXiv itself is light; a dark page is what a darkening extension (Dark Reader) makes of it.
      await page.addInitScript(() =>
        document.addEventListener('DOMContentLoaded', () => {
          const style = document.createElement('style');
          style.textContent = 'html, body { background: #121212 !important; color: #e6e6e6 !important } a { color: #8ab4f8 !important }';
          document.head.append(style);
        }),
      );
    }
    const listing = new ListingPage(page);
    await listing.open('/list/cs.DC/new');
    await expect(page.locator('html')).toHaveAttribute('data-sift-scheme', scheme);
    // Exercise every kind of control so each is on the page when axe looks.
    await listing.starOf('2602.22290').click();
    await listing.hideOf('2602.22350').click();
    await listing.addTag('2602.22392', 'to read');
    await listing.noteOf('2602.22409').click();
    await listing.dialog('Note').getByRole('textbox', { name: 'Note' }).fill('check the baseline');
    await listing.dialog('Note').getByRole('button', { name: 'Save note' }).click();

    const results = await new AxeBuilder({ page }).analyze();
    const ours = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, nodes: violation.nodes.filter((node) => isSiftNode(node.target)).map((node) => node.target) }))
      .filter((violation) => violation.nodes.length > 0);
    expect(ours).toEqual([]);
  });
}

test('the shortcuts dialog has no serious or critical accessibility violation', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open('/list/cs.DC/new');
  await page.keyboard.press('?');
  await expect(listing.dialog('Keyboard shortcuts')).toBeVisible();
  const results = await new AxeBuilder({ page }).include('sift-overlay').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
