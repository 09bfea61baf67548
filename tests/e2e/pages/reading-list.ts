import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** axe's serious and critical violations on an extension page, as `rule: targets` lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
}

/** Page object for the reading list (`reading-list.html`): queries by role and accessible name. */
export class ReadingListPage {
  constructor(readonly page: Page) {}

  /** Waits until the first read of the store has been shown. */
  async ready() {
    await expect(this.page.getByRole('heading', { name: 'Sift reading list' })).toBeVisible();
    await expect(this.page.getByText('Loading…')).toHaveCount(0);
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search papers' });
  }

  get sort(): Locator {
    return this.page.getByRole('combobox', { name: 'Sort by' });
  }

  get tagFilter(): Locator {
    return this.page.getByRole('combobox', { name: 'Filter by tag' });
  }

  toggle(name: 'Starred only' | 'Unread only'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  get list(): Locator {
    return this.page.getByRole('list', { name: 'Papers' });
  }

  /** The rendered rows (the list is windowed: rows far out of view are not in the DOM). */
  get rows(): Locator {
    return this.list.locator(':scope > li');
  }

  row(id: string): Locator {
    return this.rows.filter({ hasText: `arXiv:${id}` });
  }

  /** Ids of the rendered rows, in order. */
  async ids(): Promise<string[]> {
    const texts = await this.rows.locator('.arxiv-id').allTextContents();
    return texts.map((text) => text.replace(/^arXiv:/, ''));
  }

  chipsOf(id: string): Locator {
    return this.row(id).getByRole('list', { name: 'Tags' }).getByRole('listitem');
  }

  async select(...ids: string[]) {
    for (const id of ids) await this.row(id).getByRole('checkbox').check();
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  get status(): Locator {
    return this.page.getByRole('status').filter({ hasText: /\S/ }).first();
  }

  async tagSelected(tag: string) {
    await this.button('Tag selected').click();
    const dialog = this.dialog('Tag selected papers');
    // A text input with a suggestion list (datalist) is a combobox.
    await dialog.getByRole('combobox', { name: 'Tag name' }).fill(tag);
    await dialog.getByRole('button', { name: 'Add tag' }).click();
    await expect(dialog).toBeHidden();
  }

  async chooseExport(format: string, scope: RegExp) {
    await this.page.getByRole('combobox', { name: 'Export format' }).selectOption({ label: format });
    await this.page.getByRole('radio', { name: scope }).check();
  }

  /** Clicks Download and returns the saved file's name and text. */
  async download(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.button('Download').click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /** Clicks Copy and returns what landed on the clipboard. */
  async copy(): Promise<string> {
    await this.button('Copy').click();
    await expect(this.status).toContainText('Copied');
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}

/** Page object for the options page (`options.html`): tags, highlight rules, backup and restore. */
export class OptionsPage {
  constructor(readonly page: Page) {}

  async ready() {
    await expect(this.page.getByRole('heading', { name: 'Sift options' })).toBeVisible();
    await expect(this.page.getByText(/^Loading (tags|rules)…$/)).toHaveCount(0);
  }

  section(name: 'Tags' | 'Highlight rules' | 'Backup and restore'): Locator {
    return this.page.getByRole('region', { name });
  }

  /** The row of one tag in the tag manager. */
  tag(name: string): Locator {
    return this.section('Tags')
      .getByRole('list', { name: 'Tags' })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('checkbox', { name: `Select tag ${name}`, exact: true }) });
  }

  async rename(from: string, to: string) {
    await this.tag(from).getByRole('button', { name: `Rename ${from}`, exact: true }).click();
    const form = this.page.getByRole('form', { name: `Rename ${from}` });
    await form.getByRole('textbox', { name: 'New name' }).fill(to);
    await form.getByRole('button', { name: 'Save name' }).click();
  }

  async merge(from: readonly string[], into: string) {
    for (const name of from) await this.page.getByRole('checkbox', { name: `Select tag ${name}`, exact: true }).check();
    const form = this.page.getByRole('form', { name: 'Merge tags' });
    await form.getByRole('combobox', { name: /^Merge the \d+ selected into/ }).fill(into);
    await form.getByRole('button', { name: 'Merge' }).click();
  }

  get status(): Locator {
    return this.page.getByRole('status').filter({ hasText: /\S/ });
  }

  /** Clicks "Download backup" and returns the saved file's path and parsed content. */
  async downloadBackup(): Promise<{ path: string; name: string; json: unknown }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Download backup' }).click()]);
    const path = await download.path();
    return { path, name: download.suggestedFilename(), json: JSON.parse(await readFile(path, 'utf8')) };
  }

  /** Chooses a file and a mode in the restore form and submits it (confirming a replace). */
  async restore(file: string | { name: string; mimeType: string; buffer: Buffer }, mode: 'merge' | 'replace') {
    const form = this.page.getByRole('form', { name: 'Restore a backup' });
    await form.getByLabel('Backup file').setInputFiles(file);
    await form.getByRole('radio', { name: mode === 'merge' ? /^Merge/ : /^Replace/ }).check();
    await form.getByRole('button', { name: 'Restore' }).click();
    if (mode === 'replace') await this.page.getByRole('dialog', { name: 'Replace everything?' }).getByRole('button', { name: 'Replace everything' }).click();
  }
}
