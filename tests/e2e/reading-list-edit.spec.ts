import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ListingPage } from './pages/listing';
import { ReadingListPage } from './pages/reading-list';

// Issue #16's reading-list items: edit in the details pane, one reading-list tab, sort by date
// announced and by tag, and an export that follows the search.
const SEED = '/list/cs.DC/new';
const FEDERATED = '2602.22290'; // Energy Efficient Federated Learning with Hyperdimensional Computing (HDC)
const SIMULTANEITY = '2602.22350'; // Engineered Simultaneity: …
const GETBATCH = '2602.22434'; // GetBatch: …
const PRIVACY = '2602.22633'; // Tackling Privacy Heterogeneity in Differentially Private Federated Learning

const isReadingList = (tab: Page) => /\/reading-list\.html$/.test(tab.url());

/** Whether the browser has `tab` as the active tab of its window (asked from an extension page, no permission needed). */
async function isActiveTab(tab: Page): Promise<boolean> {
  return tab.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { getCurrent(): Promise<{ active: boolean } | undefined> } } };
    return (await chrome.tabs.getCurrent())?.active === true;
  });
}

test('star, tag and note a paper from its details pane: shown at once, kept by the store, followed by the arXiv tab', async ({ page, openExtensionPage }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.starOf(FEDERATED).click();
  await listing.starOf(GETBATCH).click();

  const list = new ReadingListPage(await openExtensionPage('reading-list.html'));
  await list.ready();
  await list.row(FEDERATED).getByRole('button', { name: /^Energy Efficient Federated Learning/ }).click();
  const details = list.page.getByRole('complementary', { name: 'Paper details' });
  await expect(details.getByText('Announced', { exact: true })).toBeVisible();

  // Keyboard only: type a tag and press Enter, then write a note and save it with Ctrl+Enter.
  const tagName = details.getByRole('combobox', { name: 'Tag name' });
  await tagName.focus();
  await tagName.pressSequentially('hdc');
  await tagName.press('Enter');
  await expect(details.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText(['hdc×']);
  await expect(list.chipsOf(FEDERATED)).toHaveText(['hdc']);
  const note = details.getByRole('textbox', { name: 'Note' });
  await note.focus();
  await note.pressSequentially('Compare with our baseline');
  await note.press('Control+Enter');
  await expect(list.row(FEDERATED)).toContainText('✎ note');
  await expect(listing.chipsOf(FEDERATED)).toHaveText(['hdc']);

  // Unstarred, the paper keeps its tag and note, so it stays; the arXiv tab follows.
  await details.getByRole('button', { name: 'Star', exact: true }).click();
  await expect(details.getByRole('button', { name: 'Star', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await expect(listing.starOf(FEDERATED)).toHaveAttribute('aria-pressed', 'false');
  await details.getByRole('button', { name: 'Star', exact: true }).press('Enter');
  await expect(listing.starOf(FEDERATED)).toHaveAttribute('aria-pressed', 'true');

  await details.getByRole('button', { name: 'Remove tag hdc' }).focus();
  await list.page.keyboard.press('Enter');
  await expect(details.getByRole('combobox', { name: 'Tag name' })).toBeFocused();
  await expect(list.chipsOf(FEDERATED)).toHaveCount(0);
  await expect(listing.chipsOf(FEDERATED)).toHaveCount(0);

  // What the store holds, read again from scratch.
  await list.page.reload();
  await list.ready();
  await list.row(FEDERATED).getByRole('button', { name: /^Energy Efficient Federated Learning/ }).click();
  await expect(details.getByRole('textbox', { name: 'Note' })).toHaveValue('Compare with our baseline');
  await expect(details.getByRole('button', { name: 'Star', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // A paper with nothing else on it leaves the list when unstarred, and the pane offers it back.
  await list.row(GETBATCH).getByRole('button', { name: /^GetBatch/ }).click();
  await details.getByRole('button', { name: 'Star', exact: true }).click();
  await expect(list.row(GETBATCH)).toHaveCount(0);
  await expect(details).toContainText('Not in your reading list any more');
  await details.getByRole('button', { name: 'Star', exact: true }).click();
  await expect(list.row(GETBATCH)).toHaveCount(1);
  await expect(listing.starOf(GETBATCH)).toHaveAttribute('aria-pressed', 'true');
});

test('an edit the store refuses rolls back and says why in words', async ({ page, openExtensionPage }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.starOf(PRIVACY).click();

  const list = new ReadingListPage(await openExtensionPage('reading-list.html'));
  await list.ready();
  await list.row(PRIVACY).getByRole('button', { name: /^Tackling Privacy/ }).click();
  const details = list.page.getByRole('complementary', { name: 'Paper details' });
  // Only zero-width spaces: the input takes it, the store refuses a name no one can see.
  await details.getByRole('combobox', { name: 'Tag name' }).fill('\u200B\u200B');
  await details.getByRole('button', { name: 'Add tag' }).click();
  await expect(list.page.getByRole('alert')).toContainText('Could not add the tag');
  await expect(list.page.getByRole('alert')).toContainText('expected a visible character, got only invisible characters');
  await expect(list.chipsOf(PRIVACY)).toHaveCount(0);
  await expect(details.getByRole('list', { name: 'Tags' })).toHaveCount(0);
  await expect(listing.chipsOf(PRIVACY)).toHaveCount(0);
});

test('the overlay\'s "Reading list" button brings an open reading list to the front instead of opening another', async ({ page, context }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.starOf(FEDERATED).click();

  await (await listing.toolbarButton('Reading list')).click();
  await expect.poll(() => context.pages().filter(isReadingList).length).toBe(1);
  const first = context.pages().find(isReadingList)!;
  await new ReadingListPage(first).ready();

  await listing.page.bringToFront();
  await expect.poll(() => isActiveTab(first)).toBe(false);
  await (await listing.toolbarButton('Reading list')).click();
  await expect.poll(() => isActiveTab(first)).toBe(true);
  expect(context.pages().filter(isReadingList)).toEqual([first]);

  // Closed, it is opened again.
  await first.close();
  await listing.page.bringToFront();
  await (await listing.toolbarButton('Reading list')).click();
  await expect.poll(() => context.pages().filter(isReadingList).length).toBe(1);
  const second = context.pages().find(isReadingList)!;
  expect(second).not.toBe(first);
  await new ReadingListPage(second).ready();
});

test('sorts by date announced, both ways, and by tag', async ({ page, openExtensionPage }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  for (const id of [GETBATCH, FEDERATED, PRIVACY, SIMULTANEITY]) await listing.starOf(id).click();
  await listing.addTag(PRIVACY, 'a-privacy');
  await listing.addTag(FEDERATED, 'b-federated');

  const list = new ReadingListPage(await openExtensionPage('reading-list.html'));
  await list.ready();
  await list.sort.selectOption({ label: 'Date announced (newest first)' });
  await expect.poll(() => list.ids()).toEqual([PRIVACY, GETBATCH, SIMULTANEITY, FEDERATED]);
  await expect(list.row(PRIVACY)).toContainText(/Feb(ruary)? 2026/);
  await list.sort.selectOption({ label: 'Date announced (oldest first)' });
  await expect.poll(() => list.ids()).toEqual([FEDERATED, SIMULTANEITY, GETBATCH, PRIVACY]);
  await list.sort.selectOption({ label: 'Tag (A–Z)' });
  await expect.poll(() => list.ids()).toEqual([PRIVACY, FEDERATED, GETBATCH, SIMULTANEITY]);
});

test('with a search or filter active the export names and exports what is shown', async ({ page, openExtensionPage }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  for (const id of [FEDERATED, SIMULTANEITY, GETBATCH, PRIVACY]) await listing.starOf(id).click();
  await listing.addTag(GETBATCH, 'gpu');

  const list = new ReadingListPage(await openExtensionPage('reading-list.html'));
  await list.ready();
  await expect(list.page.getByRole('radio', { name: 'All papers (4)' })).toBeChecked();

  await list.search.fill('federated');
  await expect.poll(() => list.ids().then((ids) => ids.sort())).toEqual([FEDERATED, PRIVACY]);
  await expect(list.page.getByRole('radio', { name: /^All papers/ })).toHaveCount(0);
  await expect(list.page.getByRole('radio', { name: '2 shown' })).toBeChecked();
  const searched = await list.download();
  expect(searched.text.match(/^@\w+\{/gm)).toHaveLength(2);
  for (const id of [FEDERATED, PRIVACY]) expect(searched.text).toContain(`eprint={${id}}`);
  await expect(list.status).toContainText('Downloaded 2 shown papers as BibTeX');

  await list.search.fill('');
  await list.tagFilter.selectOption({ label: 'gpu (1)' });
  await expect(list.page.getByRole('radio', { name: '1 shown' })).toBeChecked();
  const filtered = await list.download();
  expect(filtered.text.match(/^@\w+\{/gm)).toHaveLength(1);
  expect(filtered.text).toContain(`eprint={${GETBATCH}}`);

  // The selection still exports what is selected, shown or not.
  await list.tagFilter.selectOption({ label: 'All tags' });
  await list.select(SIMULTANEITY);
  await list.tagFilter.selectOption({ label: 'gpu (1)' });
  await list.chooseExport('BibTeX', /^Selected \(1\)/);
  const selected = await list.download();
  expect(selected.text).toContain(`eprint={${SIMULTANEITY}}`);
  expect(selected.text).not.toContain(`eprint={${GETBATCH}}`);

  await list.tagFilter.selectOption({ label: 'All tags' });
  await list.page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(list.page.getByRole('radio', { name: 'All papers (4)' })).toBeChecked();
});
