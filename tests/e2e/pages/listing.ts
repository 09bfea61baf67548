import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** One range Sift registered with `CSS.highlights`, as the page has it now. */
export interface PaintedRange {
  /** The text under the range, as the reader sees it ('' when out of bounds). */
  text: string;
  /** Whether both ends still point into connected nodes (MathJax's rewrite can leave them dangling). */
  inBounds: boolean;
}

/** Page object for an augmented arXiv listing: queries by role and accessible name. */
export class ListingPage {
  constructor(readonly page: Page) {}

  /** Every registered highlight range, read from the page's own `CSS.highlights`, in registry order. */
  paintedRanges(): Promise<PaintedRange[]> {
    return this.page.evaluate(() =>
      [...CSS.highlights.values()].flatMap((highlight) =>
        [...highlight].map((range) => {
          const fits = (node: Node, offset: number) => node.isConnected && offset <= (node.nodeType === Node.TEXT_NODE ? (node as Text).length : node.childNodes.length);
          const inBounds = fits(range.startContainer, range.startOffset) && fits(range.endContainer, range.endOffset);
          if (!inBounds) return { text: '', inBounds };
          const live = document.createRange();
          live.setStart(range.startContainer, range.startOffset);
          live.setEnd(range.endContainer, range.endOffset);
          return { text: live.toString(), inBounds };
        }),
      ),
    );
  }

  /** The painted texts, in registry order. */
  async paintedTexts(): Promise<string[]> {
    return (await this.paintedRanges()).map((range) => range.text);
  }

  async open(path: string) {
    await this.page.goto(`https://arxiv.org${path}`);
    await this.ready();
  }

  /** Waits until Sift has attached to the page and loaded the annotations. */
  async ready() {
    await expect(this.page.locator('html[data-sift-ready]')).toBeAttached();
  }

  /** The id of the entry the keyboard's ring is on, if any. */
  async focusedId(): Promise<string | undefined> {
    return (await this.page.locator('[data-sift-entry][data-sift-focus]').first().getAttribute('data-sift-entry', { timeout: 2000 })) ?? undefined;
  }

  get starButtons(): Locator {
    return this.page.getByRole('button', { name: 'Star', exact: true });
  }

  /** The head of a paper's entry (the listing's `dt`, a search result's `li`). */
  entry(id: string): Locator {
    return this.page.locator(`[data-sift-entry="${id}"]`).first();
  }

  /** Every node of the entry (`dt` and `dd`). */
  entryNodes(id: string): Locator {
    return this.page.locator(`[data-sift-entry="${id}"]`);
  }

  starOf(id: string): Locator {
    return this.entry(id).getByRole('button', { name: 'Star', exact: true });
  }

  hideOf(id: string): Locator {
    return this.entry(id).getByRole('button', { name: 'Hide', exact: true });
  }

  tagsOf(id: string): Locator {
    return this.entry(id).getByRole('button', { name: 'Tags', exact: true });
  }

  noteOf(id: string): Locator {
    return this.entry(id).getByRole('button', { name: 'Note', exact: true });
  }

  selectOf(id: string): Locator {
    return this.entry(id).getByRole('button', { name: 'Select', exact: true });
  }

  copyBibtexOf(id: string): Locator {
    return this.entry(id).getByRole('button', { name: 'Copy BibTeX', exact: true });
  }

  /**
   * A toolbar button wherever the bar's width put it: in the row, or under "More" (opened first).
   */
  async toolbarButton(name: string | RegExp): Promise<Locator> {
    const button = this.toolbar.getByRole('button', { name });
    if (!(await button.isVisible())) await this.toolbar.getByRole('button', { name: 'More ▾' }).click();
    return button;
  }

  get selectionBar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Selected papers' });
  }

  /** Opens an export menu (`Export ▸`, `Export 3 shown ▸`) and downloads `format` from it. */
  async exportFrom(menu: Locator, format: string): Promise<{ name: string; text: string }> {
    await menu.click();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: `Download ${format}` }).click()]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  }

  chipsOf(id: string): Locator {
    return this.entry(id).getByRole('listitem');
  }

  get toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Sift filters' });
  }

  toggle(label: RegExp | string): Locator {
    return this.toolbar.getByRole('button', { name: label });
  }

  get filterInput(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter this listing' });
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** Ids of the entries a reader can see now (not hidden by a filter or a collapsed hide). */
  async visibleIds(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('dt[data-sift-entry], li[data-sift-entry]')]
        .filter((node) => node.offsetParent !== null)
        .map((node) => node.getAttribute('data-sift-entry')!),
    );
  }

  /** Ids whose abstract block (`dd`) is shown: a hidden entry keeps only its one-line `dt`. */
  async expandedIds(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('dd[data-sift-entry]')]
        .filter((node) => node.offsetParent !== null)
        .map((node) => node.getAttribute('data-sift-entry')!),
    );
  }

  /** Adds a tag to an entry through the tag picker. */
  async addTag(id: string, tag: string) {
    await this.tagsOf(id).click();
    const dialog = this.dialog('Tags');
    await dialog.getByRole('textbox', { name: 'Find or create a tag' }).fill(tag);
    await dialog.getByRole('textbox', { name: 'Find or create a tag' }).press('Enter');
    await expect(dialog.getByRole('checkbox', { name: tag })).toBeChecked();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  }
}
