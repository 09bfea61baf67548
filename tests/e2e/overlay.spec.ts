import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../scripts/arxiv-routes.mjs';
import { makeListing } from '../fixtures/make-listing';
import { test, expect } from './fixtures';
import { ListingPage } from './pages/listing';
import { listingShifts, recordListingShifts } from './support/layout-shifts';

const SEED = '/list/cs.DC/new';
const FIRST = '2602.22290';
const ZELASKO = '2602.22434'; // GetBatch: … Piotr Żelasko
const CROSS = '2602.22240'; // first cross-list
const REPLACEMENT = '2412.15411'; // first replacement

test('hide collapses an entry to its title with an undo, and "Show hidden" reveals it', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.hideOf(FIRST).click();
  await expect(listing.hideOf(FIRST)).toHaveAttribute('aria-pressed', 'true');
  expect(await listing.expandedIds()).not.toContain(FIRST);
  await expect(listing.entry(FIRST)).toContainText('Energy Efficient Federated Learning');
  await expect(listing.toggle(/Show hidden/)).toContainText('1');

  await listing.toggle(/Show hidden/).click();
  expect(await listing.expandedIds()).toContain(FIRST);
  await listing.toggle(/Show hidden/).click();

  await listing.entry(FIRST).getByRole('button', { name: /^Undo hide/ }).click();
  await expect(listing.hideOf(FIRST)).toHaveAttribute('aria-pressed', 'false');
  expect(await listing.expandedIds()).toContain(FIRST);
  await page.reload();
  await listing.ready();
  await expect(listing.hideOf(FIRST)).toHaveAttribute('aria-pressed', 'false');
});

test('tags show as chips, count in the toolbar, and update counts in another tab', async ({ page, context }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  const other = new ListingPage(await context.newPage());
  await other.open(SEED);
  await page.bringToFront(); // background tabs get no animation frames, which clicks wait for

  await listing.addTag(FIRST, 'to read');
  await listing.addTag(ZELASKO, 'to read');
  await listing.addTag(ZELASKO, 'storage');
  await expect(listing.chipsOf(ZELASKO)).toHaveText(['to read', 'storage']);

  await expect(other.toolbar.getByText('to read')).toContainText('2');
  await expect(other.chipsOf(FIRST)).toHaveText(['to read']);
  await expect(other.toolbar.getByText('storage')).toContainText('1');
});

test('a note shows as a tooltip on focus and persists, and a deleted note gives the button its paper back', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  const paperTitle = 'Energy Efficient Federated Learning with Hyperdimensional Computing (HDC)';
  await expect(listing.noteOf(FIRST)).toHaveAccessibleDescription(paperTitle);
  await listing.noteOf(FIRST).click();
  const dialog = listing.dialog('Note');
  await dialog.getByRole('textbox', { name: 'Note' }).fill('Compare with <b>our</b> HDC baseline & "DP" noise');
  await dialog.getByRole('button', { name: 'Save note' }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await listing.ready();
  await listing.noteOf(FIRST).focus();
  const tip = page.getByRole('tooltip');
  await expect(tip).toBeVisible();
  // Stored and shown as text: the angle brackets stay characters, never markup.
  await expect(tip).toHaveText('Compare with <b>our</b> HDC baseline & "DP" noise');
  await expect(listing.noteOf(FIRST)).toHaveAccessibleDescription('Compare with <b>our</b> HDC baseline & "DP" noise');

  await listing.noteOf(FIRST).click();
  await dialog.getByRole('textbox', { name: 'Note' }).fill('');
  await dialog.getByRole('button', { name: 'Save note' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.sift-note-tip')).toHaveCount(0);
  await expect(listing.noteOf(FIRST)).toHaveAccessibleDescription(paperTitle);
});

test('filter toggles and the text filter narrow the listing', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  expect(await listing.visibleIds()).toHaveLength(29);

  await listing.toggle(/Hide cross-lists/).click();
  expect(await listing.visibleIds()).toHaveLength(23);
  expect(await listing.visibleIds()).not.toContain(CROSS);
  await listing.toggle(/Hide replacements/).click();
  expect(await listing.visibleIds()).toHaveLength(18);
  expect(await listing.visibleIds()).not.toContain(REPLACEMENT);
  await listing.toggle(/Hide cross-lists/).click();
  await listing.toggle(/Hide replacements/).click();

  await listing.starOf(FIRST).click();
  await listing.toggle(/Only starred/).click();
  await expect(listing.toggle(/Only starred/)).toHaveAttribute('aria-pressed', 'true');
  expect(await listing.visibleIds()).toEqual([FIRST]);
  await listing.toggle(/Only starred/).click();

  await listing.filterInput.fill('zelasko');
  await expect.poll(() => listing.visibleIds()).toEqual([ZELASKO]);
  await listing.filterInput.fill('lustre parallel');
  await expect.poll(() => listing.visibleIds()).toEqual(['2602.22409', '2602.22423']);
  await listing.filterInput.press('Escape');
  await expect.poll(() => listing.visibleIds()).toHaveLength(29);
});

test('after a mouse scroll, j starts at the first entry on screen and k at the last', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  const ids = await listing.visibleIds();
  await page.keyboard.press('j');
  await expect(listing.entry(ids[0]!)).toHaveAttribute('data-sift-focus', '');
  // The reader scrolls the wheel down into the listing, away from the ring.
  await page.mouse.move(600, 400);
  await page.mouse.wheel(0, 1500);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
  /** Where each entry's head is against the viewport below the sticky toolbar. */
  const placement = () =>
    page.evaluate((candidates) => {
      const top = document.querySelector('sift-overlay')!.getBoundingClientRect().bottom;
      return candidates.map((id) => {
        const box = document.querySelector(`[data-sift-entry="${id}"]`)!.getBoundingClientRect();
        return box.bottom <= top ? 'above' : box.top >= innerHeight ? 'below' : box.top >= top ? 'in view' : 'partly';
      });
    }, ids);
  await page.waitForTimeout(300);
  const before = await placement();
  await page.keyboard.press('j');
  const focused = ids.indexOf((await listing.focusedId())!);
  expect(focused).toBeGreaterThan(2);
  // The ring is on an entry the reader sees, and no entry above it was wholly in view.
  expect(['in view', 'partly']).toContain(before[focused]);
  expect(before.slice(0, focused).filter((where) => where === 'in view')).toEqual([]);
  await page.keyboard.press('j');
  await expect(listing.entry(ids[focused + 1]!)).toHaveAttribute('data-sift-focus', '');

  await page.mouse.wheel(0, -100_000);
  await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
  await page.waitForTimeout(300);
  const top = await placement();
  await page.keyboard.press('k');
  const last = ids.indexOf((await listing.focusedId())!);
  expect(last).toBeLessThan(focused);
  expect(['in view', 'partly']).toContain(top[last]);
  expect(top.slice(last + 1).filter((where) => where === 'in view')).toEqual([]);
});

test('a title read on screen for a second is seen; one scrolled past is not; one a filter brings into view is', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  const ids = await listing.visibleIds();
  const seen = (id: string) => listing.entry(id).getAttribute('data-sift-seen').then((value) => value !== null);
  /** Scrolls the entry's title to the middle of the viewport, as a wheel would. */
  const readTitleOf = (id: string) => page.evaluate((paper) => document.querySelector(`dd[data-sift-entry="${paper}"] .list-title`)!.scrollIntoView({ block: 'center' }), id);

  await expect.poll(() => seen(ids[0]!)).toBe(true);
  const passed = ids[12]!;
  const read = ids[20]!;
  expect([await seen(passed), await seen(read)]).toEqual([false, false]);
  await readTitleOf(passed);
  await page.waitForTimeout(200);
  await readTitleOf(read);
  await expect.poll(() => seen(read)).toBe(true);
  await page.waitForTimeout(1200);
  expect(await seen(passed)).toBe(false);

  // The first replacement, just below the screen, moves into view when the cross-lists leave.
  const lastNew = await page.evaluate(() => [...document.querySelectorAll('dt[data-sift-section="new"]')].at(-1)!.getAttribute('data-sift-entry')!);
  await page.evaluate((paper) => document.querySelector(`dt[data-sift-entry="${paper}"]`)!.scrollIntoView({ block: 'start' }), lastNew);
  await page.waitForTimeout(1200);
  const replacement = (await page.evaluate(() => document.querySelector('dt[data-sift-section="replacement"]')!.getAttribute('data-sift-entry')!))!;
  const replacementBox = () => page.evaluate((paper) => document.querySelector(`dd[data-sift-entry="${paper}"] .list-title`)!.getBoundingClientRect().top - innerHeight, replacement);
  expect(await replacementBox()).toBeGreaterThan(0);
  expect(await seen(replacement)).toBe(false);
  const scrolled = await page.evaluate(() => scrollY);
  await listing.toggle(/Hide cross-lists/).click();
  await expect.poll(replacementBox).toBeLessThan(0);
  expect(await page.evaluate(() => scrollY)).toBe(scrolled);
  await expect.poll(() => seen(replacement)).toBe(true);
});

test('Sift takes its room in the page\'s first paint: arriving, and reading an entry, move nothing in the listing', async ({ page }) => {
  await recordListingShifts(page);
  const listing = new ListingPage(page);
  await listing.open(SEED);
  const [first] = await listing.visibleIds();
  await expect(listing.entry(first!)).toHaveAttribute('data-sift-seen', '');
  expect(await listingShifts(page)).toEqual([]);
});

/** The seed listing with the keyboard's ring on its first entry. */
async function withRingOnFirstEntry(page: Page): Promise<ListingPage> {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('j');
  return listing;
}

/** Presses `keys` on a page slowed 20×, which makes a race of the page's timers against the reader's keys a sure one. */
async function onSlowPage(page: Page, keys: () => Promise<void>): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await keys();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
}

test('keys pressed as a dialog closes go where the reader sent them: Escape, / and a word land in the filter box, none runs as a shortcut', async ({ page }) => {
  const listing = await withRingOnFirstEntry(page);
  for (let round = 0; round < 3; round++) {
    await page.keyboard.press('?');
    await expect(listing.dialog('Keyboard shortcuts')).toBeVisible();
    await onSlowPage(page, async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('/');
      await page.keyboard.type('sx');
    });
    await expect(listing.filterInput).toHaveValue('sx');
    await listing.filterInput.press('Escape');
  }
  await expect(page.getByRole('button', { name: 'Star', pressed: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Hide', pressed: true })).toHaveCount(0);
});

test('a dialog opened by the key after the Escape that closed another stays open', async ({ page }) => {
  const listing = await withRingOnFirstEntry(page);
  for (let round = 0; round < 3; round++) {
    await page.keyboard.press('t');
    await expect(listing.dialog('Tags')).toBeVisible();
    await onSlowPage(page, async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
    });
    await expect(listing.dialog('Keyboard shortcuts')).toBeVisible();
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    await expect(listing.dialog('Keyboard shortcuts')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(listing.dialog('Keyboard shortcuts')).toBeHidden();
  }
});

test('keyboard triage of ten entries without the mouse', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  const ids = (await listing.visibleIds()).slice(0, 10);
  // Star the even ones, hide the odd ones: j moves, s stars, x hides and moves on.
  await page.keyboard.press('j');
  for (let i = 0; i < 10; i++) {
    await expect(listing.entry(ids[i]!)).toHaveAttribute('data-sift-focus', '');
    if (i % 2 === 0) {
      await page.keyboard.press('s');
      await expect(listing.starOf(ids[i]!)).toHaveAttribute('aria-pressed', 'true');
      await page.keyboard.press('j');
    } else {
      await page.keyboard.press('x');
      await expect(listing.hideOf(ids[i]!)).toHaveAttribute('aria-pressed', 'true');
    }
  }
  // x moved past the last hidden entry; k goes back through it (collapsed, so x could undo it).
  await page.keyboard.press('k');
  await expect(listing.entry(ids[9]!)).toHaveAttribute('data-sift-focus', '');
  await page.keyboard.press('k');
  await expect(listing.entry(ids[8]!)).toHaveAttribute('data-sift-focus', '');

  await page.keyboard.press('t');
  await expect(listing.dialog('Tags')).toBeVisible();
  await page.keyboard.type('later');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(listing.dialog('Tags')).toBeHidden();
  await expect(listing.chipsOf(ids[8]!)).toHaveText(['later']);

  await page.keyboard.press('?');
  await expect(listing.dialog('Keyboard shortcuts')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(listing.dialog('Keyboard shortcuts')).toBeHidden();

  await page.keyboard.press('/');
  await expect(listing.filterInput).toBeFocused();
  // Typing in the filter never triggers shortcuts.
  await page.keyboard.type('sx');
  await expect(listing.filterInput).toHaveValue('sx');
  await listing.filterInput.press('Escape');
  await expect(page.getByRole('button', { name: 'Star', pressed: true })).toHaveCount(5);
  await expect(page.getByRole('button', { name: 'Hide', pressed: true })).toHaveCount(5);
});

test('a diacritic-insensitive author rule paints Żelasko and counts as matching', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.toolbar.getByRole('button', { name: 'Rules' }).click();
  const dialog = listing.dialog('Highlight rules');
  await dialog.getByRole('textbox', { name: 'Match' }).fill('Zelasko');
  await dialog.getByRole('button', { name: 'Add rule' }).click();
  await expect(dialog.getByRole('list', { name: 'Rules' })).toContainText('Zelasko');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await expect(listing.toggle(/Only matching/)).toContainText('1');
  expect(await listing.paintedTexts()).toEqual(['Żelasko']);
  // Painting never touches the DOM: the author link still holds the plain name.
  await expect(listing.entryNodes(ZELASKO).getByRole('link', { name: 'Piotr Żelasko' })).toHaveCount(1);

  await listing.toggle(/Only matching/).click();
  expect(await listing.visibleIds()).toEqual([ZELASKO]);
});

test('a regular expression that could backtrack catastrophically is refused', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.toolbar.getByRole('button', { name: 'Rules' }).click();
  const dialog = listing.dialog('Highlight rules');
  await dialog.getByRole('textbox', { name: 'Match' }).fill('(a+)+$');
  await dialog.getByRole('combobox', { name: 'As' }).selectOption('regex');
  await dialog.getByRole('button', { name: 'Add rule' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/backtrack/i);
  await expect(dialog.getByRole('list', { name: 'Rules' })).toContainText('No rules yet');
});

test('a rule that stars acts on the page when saved, and an unstar afterwards sticks', async ({ page }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.toolbar.getByRole('button', { name: 'Rules' }).click();
  const dialog = listing.dialog('Highlight rules');
  await dialog.getByRole('textbox', { name: 'Match' }).fill('Lustre');
  await dialog.getByRole('combobox', { name: 'Then' }).selectOption({ label: 'Highlight and star' });
  await dialog.getByRole('button', { name: 'Add rule' }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();

  const matching = Number(await listing.toggle(/Only matching/).locator('.badge').textContent());
  expect(matching).toBeGreaterThan(0);
  await expect(listing.toggle(/Only starred/)).toContainText(String(matching));
  const starred = await page.evaluate(() => [...document.querySelectorAll('dt[data-sift-starred]')].map((dt) => dt.getAttribute('data-sift-entry')!));
  const matched = await page.evaluate(() => [...document.querySelectorAll('dt[data-sift-match]')].map((dt) => dt.getAttribute('data-sift-entry')!));
  expect(starred).toEqual(matched);

  await listing.starOf(starred[0]!).click();
  await expect(listing.starOf(starred[0]!)).toHaveAttribute('aria-pressed', 'false');
  await page.reload();
  await listing.ready();
  await expect(listing.starOf(starred[0]!)).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('button', { name: 'Star', pressed: true })).toHaveCount(matching - 1);
});

test('on a 2,000-entry listing a filter settles what is on screen in its first frame and the rest while idle', async ({ page, context }) => {
  const path = '/list/cs.DC/new?show=2000';
  const html = makeListing(readFileSync(join(FIXTURES_DIR, 'list-new-cs.DC-2026-02-27.html'), 'utf8'), 2000);
  await context.route(`https://arxiv.org${path}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  const listing = new ListingPage(page);
  await listing.open(path);
  const cross = await page.locator('dt[data-sift-section="cross"]').count();
  expect(cross).toBeGreaterThan(150);

  /** After the next click: the sections of the entries on screen in the first frame, and how many entries were flagged then. */
  const firstFrameAfterClick = () =>
    page.evaluate(
      () =>
        new Promise<{ onScreen: string[]; flagged: number }>((resolve) => {
          addEventListener(
            'click',
            () =>
              requestAnimationFrame(() => {
                const onScreen = [...document.querySelectorAll<HTMLElement>('dt[data-sift-entry]')].filter((dt) => {
                  const box = dt.getBoundingClientRect();
                  return dt.offsetParent !== null && box.bottom > 0 && box.top < innerHeight;
                });
                resolve({ onScreen: onScreen.map((dt) => dt.getAttribute('data-sift-section')!), flagged: document.querySelectorAll('dt[data-sift-out]').length });
              }),
            { once: true },
          );
        }),
    );
  const settle = (count: number) => expect.poll(() => page.locator('dt[data-sift-out]').count(), { timeout: 15_000 }).toBe(count);

  // The reader scrolled to the cross-lists; hiding them pulls the replacements up at once.
  await page.evaluate(() => document.querySelector('dt[data-sift-section="cross"]')!.scrollIntoView());
  // The entries on screen come from an IntersectionObserver, which reports after a frame.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForTimeout(200);
  let frame = firstFrameAfterClick();
  await listing.toggle(/Hide cross-lists/).click();
  let seen = await frame;
  expect(seen.onScreen.length).toBeGreaterThan(0);
  expect(seen.onScreen.filter((section) => section !== 'replacement')).toEqual([]);
  await settle(cross);
  await listing.toggle(/Hide cross-lists/).click();
  await settle(0);

  // "Only starred" with nothing starred takes the whole listing away in the first frame.
  frame = firstFrameAfterClick();
  await listing.toggle(/Only starred/).click();
  seen = await frame;
  expect(seen).toEqual({ onScreen: [], flagged: 2000 });
  // Off again: the screen fills at once, the rest of the listing comes back while idle.
  frame = firstFrameAfterClick();
  await listing.toggle(/Only starred/).click();
  seen = await frame;
  expect(seen.onScreen.length).toBeGreaterThan(0);
  expect(seen.flagged).toBeGreaterThan(0);
  await settle(0);
});
