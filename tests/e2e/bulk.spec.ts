import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { ListingPage } from './pages/listing';

const SEED = '/list/cs.DC/new';
const FIRST = '2602.22290';
const ZELASKO = '2602.22434'; // GetBatch: … Piotr Żelasko

/** The arXiv ids in a BibTeX file, in order (`eprint = {…}`). */
const eprints = (bib: string) => [...bib.matchAll(/eprint\s*=\s*\{([^}]+)\}/g)].map((m) => m[1]);

test('five entries selected with the keyboard are tagged at once, and one undo takes the tag off all five', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await page.keyboard.press('j');
  await page.keyboard.press('v');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+J');
  await expect(listing.selectionBar).toContainText('5 selected');
  const picked = await page.locator('dt[data-sift-entry]:has(button.sift-select[aria-pressed="true"])').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-sift-entry')!));
  expect(picked).toHaveLength(5);

  const opener = listing.selectionBar.getByRole('button', { name: 'Tag…' });
  await opener.click();
  const dialog = listing.dialog('Tag selected papers');
  await dialog.getByRole('combobox', { name: 'Tag name' }).fill('batch');
  await dialog.getByRole('combobox', { name: 'Tag name' }).press('Enter');
  await expect(dialog).toBeHidden();
  for (const id of picked) await expect(listing.chipsOf(id)).toContainText(['batch']);
  await expect(listing.toolbar).toContainText('batch 5');

  await listing.selectionBar.getByRole('button', { name: 'Undo tag batch' }).click();
  for (const id of picked) await expect(listing.chipsOf(id)).toHaveCount(0);
  await page.reload();
  await listing.ready();
  for (const id of picked) await expect(listing.chipsOf(id)).toHaveCount(0);
});

test('#tag and note: filters narrow the listing, with an honest count and an empty state', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  const all = (await listing.visibleIds()).length;
  await listing.addTag(FIRST, 'to read');
  await listing.noteOf(ZELASKO).click();
  await listing.dialog('Note').getByRole('textbox', { name: 'Note' }).fill('Check the bätch sizes');
  await listing.dialog('Note').getByRole('button', { name: 'Save note' }).click();

  await listing.filterInput.fill('#"to read"');
  await expect.poll(() => listing.visibleIds()).toEqual([FIRST]);
  await expect(listing.toolbar).toContainText(`Showing 1 of ${all}`);
  await listing.filterInput.fill('note:batch');
  await expect.poll(() => listing.visibleIds()).toEqual([ZELASKO]);
  // A tag added while the filter is on takes effect at once: the query re-runs on annotation changes.
  await listing.filterInput.fill('#later');
  await expect(page.getByRole('status').filter({ hasText: 'No entries match the filters.' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(listing.filterInput).toHaveValue('');
  await expect.poll(async () => (await listing.visibleIds()).length).toBe(all);

  await listing.filterInput.fill('zelasko');
  await expect.poll(() => listing.visibleIds()).toEqual([ZELASKO]);
  await listing.toolbar.getByRole('button', { name: 'Clear the filter text' }).click();
  await expect(listing.filterInput).toHaveValue('');
  await expect(listing.filterInput).toBeFocused();
  await listing.filterInput.fill('author:zelasko');
  await listing.filterInput.press('Escape');
  await expect(listing.filterInput).toHaveValue('');
});

test('"Export N shown" after a tag filter writes exactly the shown entries', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.addTag(FIRST, 'cite');
  await listing.addTag(ZELASKO, 'cite');
  await listing.filterInput.fill('#cite');
  await expect.poll(() => listing.visibleIds()).toEqual([FIRST, ZELASKO]);
  const file = await listing.exportFrom(await listing.toolbarButton('Export 2 shown ▸'), 'BibTeX');
  expect(file.name).toMatch(/^arxiv-sift-\d{4}-\d{2}-\d{2}\.bib$/);
  expect(eprints(file.text)).toEqual([FIRST, ZELASKO]);
  // BibTeX is shared: the reader's tags stay out unless the export preferences put them in.
  expect(file.text).not.toContain('cite,');

  await listing.selectOf(ZELASKO).click();
  const selected = await listing.exportFrom(listing.selectionBar.getByRole('button', { name: 'Export ▸' }), 'CSV');
  expect(selected.text).toContain(ZELASKO);
  expect(selected.text).not.toContain(FIRST);
});

test('"Copy BibTeX" copies one entry, by button and by c', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.copyBibtexOf(ZELASKO).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied BibTeX' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(eprints(copied)).toEqual([ZELASKO]);

  // Back at the top, where j starts at the first entry on screen.
  await page.mouse.wheel(0, -100_000);
  await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
  await page.keyboard.press('j');
  await expect(listing.entry(FIRST)).toHaveAttribute('data-sift-focus', '');
  await page.keyboard.press('c');
  await expect.poll(async () => eprints(await page.evaluate(() => navigator.clipboard.readText()))).toEqual([FIRST]);
});

test('"Copy BibTeX" copies with no clipboard permission granted: the click, before the background writes the entry, is the gesture', async ({ page, context }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.copyBibtexOf(ZELASKO).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied BibTeX' })).toBeVisible();
  await context.grantPermissions(['clipboard-read']);
  expect(eprints(await page.evaluate(() => navigator.clipboard.readText()))).toEqual([ZELASKO]);
});

test('shift+click selects a range, "Select all shown" follows the filter, bulk star is undone in one go', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  const ids = (await listing.visibleIds()).slice(0, 4);
  await listing.selectOf(ids[0]!).click();
  await listing.selectOf(ids[3]!).click({ modifiers: ['Shift'] });
  await expect(listing.selectionBar).toContainText('4 selected');
  await listing.selectionBar.getByRole('button', { name: 'Star', exact: true }).click();
  for (const id of ids) await expect(listing.starOf(id)).toHaveAttribute('aria-pressed', 'true');
  await listing.selectionBar.getByRole('button', { name: 'Undo star' }).click();
  for (const id of ids) await expect(listing.starOf(id)).toHaveAttribute('aria-pressed', 'false');

  await listing.filterInput.fill('federated');
  const shown = await listing.visibleIds();
  await listing.selectionBar.getByRole('button', { name: /^Select all shown/ }).click();
  await expect(listing.selectionBar).toContainText(`${shown.length} selected`);
  await listing.selectionBar.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(listing.selectionBar).toBeHidden();
});

test('the selection bar has no serious or critical accessibility violation', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.selectOf(FIRST).click();
  await expect(listing.selectionBar).toBeVisible();
  await listing.selectionBar.getByRole('button', { name: 'Export ▸' }).click();
  const results = await new AxeBuilder({ page }).include('sift-overlay').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('filters are remembered per archive across reloads, and one click resets them', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.toggle(/Only unseen/).click();
  await listing.filterInput.fill('federated');
  await expect(listing.toolbar).toContainText('Showing');
  // Saving waits for typing to settle.
  await page.waitForTimeout(600);
  await page.reload();
  await listing.ready();
  await expect(listing.filterInput).toHaveValue('federated');
  await expect(listing.toggle(/Only unseen/)).toHaveAttribute('aria-pressed', 'true');

  await (await listing.toolbarButton('Reset filters')).click();
  await expect(listing.filterInput).toHaveValue('');
  await expect(listing.toggle(/Only unseen/)).toHaveAttribute('aria-pressed', 'false');
  await page.waitForTimeout(600);
  await page.reload();
  await listing.ready();
  await expect(listing.filterInput).toHaveValue('');
});

/** The toolbar's box and whether its content fits in it (one row, nothing spilling out). */
async function toolbarFit(listing: ListingPage) {
  const box = (await listing.toolbar.boundingBox())!;
  const fits = await listing.toolbar.evaluate((bar) => bar.scrollWidth <= bar.clientWidth + 1 || `${bar.scrollWidth} > ${bar.clientWidth}`);
  const viewport = listing.page.viewportSize()!;
  return { share: box.height / viewport.height, fits };
}

// 200% zoom halves the CSS viewport: 1280×900 at 200% lays out as 640×450.
for (const size of [
  { width: 400, height: 800, label: '400 px wide' },
  { width: 640, height: 450, label: '200% zoom' },
]) {
  test(`the toolbar is one row at ${size.label}, at most 12% of the viewport, with the rest under More`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const listing = new ListingPage(page);
    await listing.open(SEED);
    const { share, fits } = await toolbarFit(listing);
    expect(fits, 'nothing spills out of the row').toBe(true);
    expect(share).toBeLessThanOrEqual(0.12);
    await expect(listing.toggle(/Only unseen/)).toBeHidden();

    const more = listing.toolbar.getByRole('button', { name: 'More ▾' });
    await more.click();
    await listing.toggle(/Only unseen/).click();
    await expect(listing.toggle(/Only unseen/)).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Escape');
    await expect(more).toBeFocused();
  });
}

test('the toolbar fits in its row at every desktop width, tags and counts included', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.starOf(FIRST).click();
  await listing.addTag(FIRST, 'federated');
  await listing.addTag(ZELASKO, 'to read');
  const spills: number[] = [];
  // Laptop and desktop widths, 1024 to 1920 (1280, 1366, 1440, 1600 and 1680 among them).
  for (let width = 1024; width <= 1920; width += 16) {
    await page.setViewportSize({ width, height: 800 });
    const { fits } = await toolbarFit(listing);
    if (fits !== true) spills.push(width);
  }
  expect(spills, 'viewport widths at which the toolbar spills out of its row').toEqual([]);
});

test('the tag, rules and bulk tag dialogs give focus back to what opened them', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.tagsOf(FIRST).click();
  await listing.dialog('Tags').getByRole('button', { name: 'Close' }).click();
  await expect(listing.tagsOf(FIRST)).toBeFocused();

  const rules = listing.toolbar.getByRole('button', { name: 'Rules' });
  await rules.click();
  await expect(listing.dialog('Highlight rules')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(rules).toBeFocused();

  await listing.selectOf(FIRST).click();
  const tag = listing.selectionBar.getByRole('button', { name: 'Tag…' });
  await tag.click();
  await expect(listing.dialog('Tag selected papers')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(listing.dialog('Tag selected papers')).toBeHidden();
  await expect(tag).toBeFocused();
});

test('entry buttons are described by the paper they act on', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await expect(listing.starOf(FIRST)).toHaveAccessibleDescription(/Energy Efficient Federated Learning/);
  await expect(listing.selectOf(ZELASKO)).toHaveAccessibleDescription(/GetBatch/);
});

test('on an abs page the first s stars the paper', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open('/abs/2602.22195');
  await page.keyboard.press('s');
  await expect(listing.starButtons.first()).toHaveAttribute('aria-pressed', 'true');
});
