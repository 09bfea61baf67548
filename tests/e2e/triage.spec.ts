/**
 * The same triage script on every page kind, on fixtures that load arXiv's stylesheet and run
 * MathJax 2.7.3 as the live site does: star, hide with undo, tag, a title rule painted on the text
 * the reader sees, a filter, and j/k. Every kind behaves the same; the abs page (one paper, no
 * toolbar) runs the parts it has.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ListingPage } from './pages/listing';

const KINDS = [
  ['new', '/list/cs.DC/new'],
  ['recent', '/list/cs.DC/recent'],
  ['pastweek', '/list/cs.DC/pastweek?skip=25&show=25'],
  ['month', '/list/cs.DC/2026-02'],
  ['the browse-by-month form', '/list?archive=cs.DC&year=2026&month=02&submit=Go'],
  ['catchup', '/catchup/cs.DC/2026-02-27?abs=True'],
  ['search', '/search/?query=distributed&searchtype=all'],
  ['author', '/a/dai_d_1'],
  ['TeX-heavy new', '/list/math.CO/new'],
  ['abs', '/abs/2602.22195'],
] as const;

/** The first entry's id, and a plain word of its title that is not TeX. */
async function firstEntry(page: Page): Promise<{ id: string; word: string }> {
  return page.evaluate(() => {
    const head = document.querySelector('[data-sift-entry]')!;
    const id = head.getAttribute('data-sift-entry')!;
    const nodes = [...document.querySelectorAll(`[data-sift-entry="${CSS.escape(id)}"]`)];
    // A search result's title is p.title (its p.list-title is the id line); listings use div.list-title.
    const title = nodes.map((node) => node.querySelector('p.title') ?? node.querySelector('div.list-title, h1.title')).find(Boolean)!;
    // The title as the reader sees it: text outside labels, MathJax output and its TeX source.
    const clone = title.cloneNode(true) as Element;
    for (const skipped of clone.querySelectorAll('.descriptor, script, .MathJax, .MathJax_Preview, .MathJax_Display')) skipped.remove();
    const text = (clone.textContent ?? '').replace(/\$[^$]*\$/g, ' ');
    const word = text.split(/[^A-Za-z]+/).find((candidate) => candidate.length >= 6) ?? text.split(/[^A-Za-z]+/).find((c) => c.length >= 4)!;
    return { id, word };
  });
}

for (const [kind, path] of KINDS) {
  test(`triage on ${kind}: star, hide and undo, tag, a rule, a filter, j and k`, async ({ page }) => {
    const listing = new ListingPage(page);
    await listing.open(path);
    const { id, word } = await firstEntry(page);
    const hasToolbar = kind !== 'abs';

    await listing.starOf(id).click();
    await expect(listing.starOf(id)).toHaveAttribute('aria-pressed', 'true');

    if (hasToolbar) {
      await listing.hideOf(id).click();
      const undo = listing.entry(id).getByRole('button', { name: /^Undo hide/ });
      await expect(undo).toBeVisible();
      // Everything but the entry's head collapses, on listings and search results alike.
      expect(await listing.expandedIds()).not.toContain(id);
      await undo.click();
      await expect(listing.hideOf(id)).toHaveAttribute('aria-pressed', 'false');
      await expect(undo).toHaveCount(0);
    }

    await listing.addTag(id, 'triage');
    await expect(listing.chipsOf(id)).toHaveText(['triage']);

    if (hasToolbar) {
      await listing.toolbar.getByRole('button', { name: 'Rules' }).click();
      const dialog = listing.dialog('Highlight rules');
      await dialog.getByRole('textbox', { name: 'Match' }).fill(word);
      await dialog.getByRole('button', { name: 'Add rule' }).click();
      await dialog.getByRole('button', { name: 'Close' }).click();
      // Painted on the text the reader sees, after MathJax has typeset the page.
      await expect.poll(() => listing.paintedTexts()).toContainEqual(expect.stringMatching(new RegExp(`^${word}$`, 'i')));

      // On a narrow or crowded bar the toggle may sit under "More".
      await (await listing.toolbarButton(/Only starred/)).click();
      await expect.poll(() => listing.visibleIds()).toEqual([id]);
      await (await listing.toolbarButton(/Only starred/)).click();
      await page.keyboard.press('Escape');
    }

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('j');
    await expect(listing.entryNodes(id).first()).toHaveAttribute('data-sift-focus', '');
    if (hasToolbar) {
      await page.keyboard.press('j');
      await expect(listing.entryNodes(id).first()).not.toHaveAttribute('data-sift-focus', '');
      await page.keyboard.press('k');
      await expect(listing.entryNodes(id).first()).toHaveAttribute('data-sift-focus', '');
    }
    await page.keyboard.press('s');
    await expect(listing.starOf(id)).toHaveAttribute('aria-pressed', 'false');
  });
}
