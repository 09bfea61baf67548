import Papa from 'papaparse';
import { test, expect } from './fixtures';
import { ListingPage } from './pages/listing';
import { ReadingListPage, seriousViolations } from './pages/reading-list';

const SEED = '/list/cs.DC/new';
const FEDERATED = '2602.22290'; // Energy Efficient Federated Learning with Hyperdimensional Computing (HDC)
const SIMULTANEITY = '2602.22350'; // Engineered Simultaneity: … (Paul Borrill)
const GETBATCH = '2602.22434'; // GetBatch: … Piotr Żelasko
const PRIVACY = '2602.22633'; // Tackling Privacy Heterogeneity in Differentially Private Federated Learning
const ADAPTBF = '2602.22409'; // AdapTBF: … HPC Storage

test('starred and tagged papers show with their stored metadata, and arXiv-tab changes appear without reload', async ({ page, openExtensionPage }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  await listing.starOf(FEDERATED).click();
  await listing.starOf(GETBATCH).click();
  await listing.addTag(PRIVACY, 'to read');

  const list = new ReadingListPage(await openExtensionPage('reading-list.html'));
  await list.ready();
  await expect(list.rows).toHaveCount(3);
  expect((await list.ids()).sort()).toEqual([FEDERATED, GETBATCH, PRIVACY]);
  await expect(list.row(GETBATCH)).toContainText('Piotr Żelasko');
  await expect(list.chipsOf(PRIVACY)).toHaveText(['to read']);
  await expect(list.row(FEDERATED).getByRole('link', { name: /^Abstract of Energy Efficient/ })).toHaveAttribute('href', `https://arxiv.org/abs/${FEDERATED}`);
  await expect(list.row(FEDERATED).getByRole('link', { name: /^PDF of Energy Efficient/ })).toHaveAttribute('href', /^https:\/\/arxiv\.org\/pdf\/2602\.22290/);

  await list.row(FEDERATED).getByRole('button', { name: /^Energy Efficient Federated Learning/ }).click();
  const details = list.page.getByRole('complementary', { name: 'Paper details' });
  await expect(details.getByRole('region', { name: 'Abstract' })).toContainText('hyperdimensional computing (HDC) for lightweight local training');
  await expect(details).toContainText('Distributed, Parallel, and Cluster Computing (cs.DC)');

  // Live: the reading list follows the arXiv tab without a reload.
  await listing.starOf(SIMULTANEITY).click();
  await expect(list.row(SIMULTANEITY)).toContainText('Paul Borrill');
  await listing.starOf(GETBATCH).click();
  await expect(list.row(GETBATCH)).toHaveCount(0);
  await listing.addTag(FEDERATED, 'hdc');
  await expect(list.chipsOf(FEDERATED)).toHaveText(['hdc']);
});

test('search as you type, sort, and filter by tag and by starred', async ({ page, openExtensionPage }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  for (const id of [FEDERATED, SIMULTANEITY, GETBATCH, PRIVACY]) await listing.starOf(id).click();
  await listing.addTag(FEDERATED, 'fl');
  await listing.addTag(PRIVACY, 'fl');
  await listing.addTag(ADAPTBF, 'fl'); // tagged, never starred

  const list = new ReadingListPage(await openExtensionPage('reading-list.html'));
  await list.ready();
  await expect(list.rows).toHaveCount(5);

  await list.search.pressSequentially('federated');
  await expect.poll(() => list.ids().then((ids) => ids.sort())).toEqual([FEDERATED, PRIVACY]);
  await list.search.fill('zelasko'); // folded: finds Żelasko
  await expect.poll(() => list.ids()).toEqual([GETBATCH]);
  await list.search.fill('');

  await list.sort.selectOption({ label: 'Title' });
  await expect.poll(() => list.ids()).toEqual([ADAPTBF, FEDERATED, SIMULTANEITY, GETBATCH, PRIVACY]);
  await list.sort.selectOption({ label: 'Date announced (newest first)' });
  await expect.poll(() => list.ids()).toEqual([PRIVACY, GETBATCH, ADAPTBF, SIMULTANEITY, FEDERATED]);

  await list.tagFilter.selectOption({ label: 'fl (3)' });
  await expect.poll(() => list.ids()).toEqual([PRIVACY, ADAPTBF, FEDERATED]);
  await list.toggle('Starred only').click();
  await expect(list.toggle('Starred only')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => list.ids()).toEqual([PRIVACY, FEDERATED]);
  await list.search.fill('heterogeneity');
  await expect.poll(() => list.ids()).toEqual([PRIVACY]);
  await list.search.fill('no such words here');
  await expect(list.page.getByText('No paper matches the search and filters.')).toBeVisible();
});

test('bulk tag, untag and unstar the selection, and the arXiv tab follows', async ({ page, openExtensionPage }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  for (const id of [FEDERATED, SIMULTANEITY, GETBATCH]) await listing.starOf(id).click();

  const list = new ReadingListPage(await openExtensionPage('reading-list.html'));
  await list.ready();
  await list.sort.selectOption({ label: 'Date announced (newest first)' });
  // Click the first, shift-click the third: the range between them is selected.
  await list.row(GETBATCH).getByRole('checkbox').click();
  await list.row(FEDERATED).getByRole('checkbox').click({ modifiers: ['Shift'] });
  await expect(list.page.getByText('3 selected')).toBeVisible();
  await list.row(SIMULTANEITY).getByRole('checkbox').uncheck();

  await list.tagSelected('to read');
  await expect(list.status).toContainText('Tagged 2 papers “to read”');
  await expect(list.chipsOf(GETBATCH)).toHaveText(['to read']);
  await expect(list.chipsOf(FEDERATED)).toHaveText(['to read']);
  await expect(list.chipsOf(SIMULTANEITY)).toHaveCount(0);
  await expect(listing.chipsOf(GETBATCH)).toHaveText(['to read']);
  await expect(listing.chipsOf(FEDERATED)).toHaveText(['to read']);

  await list.button('Remove tag from selected').click();
  await list.dialog('Remove a tag from selected papers').getByRole('button', { name: 'Remove tag to read' }).click();
  await expect(list.chipsOf(FEDERATED)).toHaveCount(0);
  await expect(listing.chipsOf(FEDERATED)).toHaveCount(0);

  await list.page.getByRole('checkbox', { name: 'Select all shown' }).check();
  await expect(list.page.getByText('3 selected')).toBeVisible();
  await list.button('Unstar selected').click();
  await expect(list.page.getByText('Nothing here yet')).toBeVisible();
  for (const id of [FEDERATED, SIMULTANEITY, GETBATCH]) await expect(listing.starOf(id)).toHaveAttribute('aria-pressed', 'false');
});

/** Per format: what must be true of an export of FEDERATED (tagged `gpu`, with a note), SIMULTANEITY and GETBATCH. */
const FORMATS: { label: string; extension: string; check(text: string, ids: string[]): void }[] = [
  {
    label: 'BibTeX',
    extension: '.bib',
    check(text, ids) {
      expect(text.match(/^@\w+\{/gm)).toHaveLength(ids.length);
      for (const id of ids) expect(text).toContain(`eprint={${id}}`);
      // Tags and notes stay out of the formats people share until the user ticks them in.
      expect(text).not.toContain('keywords=');
    },
  },
  {
    label: 'RIS',
    extension: '.ris',
    check(text, ids) {
      expect(text.match(/^TY {2}- /gm)).toHaveLength(ids.length);
      for (const id of ids) expect(text).toContain(`SN  - ${id}`);
      expect(text).not.toMatch(/^KW {2}- /m);
    },
  },
  {
    label: 'CSL-JSON',
    extension: '.csl.json',
    check(text, ids) {
      const items = JSON.parse(text) as { title: string; URL?: string }[];
      expect(items).toHaveLength(ids.length);
      for (const id of ids) expect(items.some((item) => JSON.stringify(item).includes(id))).toBe(true);
    },
  },
  {
    label: 'Markdown',
    extension: '.md',
    check(text, ids) {
      for (const id of ids) expect(text).toContain(`(arXiv:${id})`);
      if (ids.includes(FEDERATED)) {
        expect(text).toContain('## gpu');
        expect(text).toContain('> Check the DP noise model');
      }
    },
  },
  {
    label: 'CSV',
    extension: '.csv',
    check(text, ids) {
      const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.data.map((row) => row.id).sort()).toEqual([...ids].sort());
      const federated = parsed.data.find((row) => row.id === FEDERATED);
      if (federated) expect(federated).toMatchObject({ tags: 'gpu', note: 'Check the DP noise model' });
    },
  },
  {
    label: 'JSON',
    extension: '.json',
    check(text, ids) {
      const doc = JSON.parse(text) as { format: string; papers: { id: string; tags?: string[]; note?: string }[] };
      expect(doc.format).toBe('arxiv-sift-papers');
      expect(doc.papers.map((paper) => paper.id).sort()).toEqual([...ids].sort());
      const federated = doc.papers.find((paper) => paper.id === FEDERATED);
      if (federated) expect(federated).toMatchObject({ tags: ['gpu'], note: 'Check the DP noise model' });
    },
  },
];

test('exports everything or the selection in every format, as a file and to the clipboard', async ({ page, context, openExtensionPage }) => {
  // Playwright refuses to grant to a chrome-extension origin by name ("opaque"), so grant to every origin.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const listing = new ListingPage(page);
  await listing.open(SEED);
  for (const id of [FEDERATED, SIMULTANEITY, GETBATCH]) await listing.starOf(id).click();
  await listing.addTag(FEDERATED, 'gpu');
  await listing.noteOf(FEDERATED).click();
  await listing.dialog('Note').getByRole('textbox', { name: 'Note' }).fill('Check the DP noise model');
  await listing.dialog('Note').getByRole('button', { name: 'Save note' }).click();

  const list = new ReadingListPage(await openExtensionPage('reading-list.html'));
  await list.ready();
  await expect(list.rows).toHaveCount(3);
  const all = [FEDERATED, SIMULTANEITY, GETBATCH];
  for (const format of FORMATS) {
    await list.chooseExport(format.label, /^All papers/);
    const file = await list.download();
    expect(file.name).toMatch(new RegExp(`^arxiv-sift-\\d{4}-\\d{2}-\\d{2}${format.extension.replace('.', '\\.')}$`));
    format.check(file.text, all);
    expect(await list.copy(), `${format.label} copy equals the download`).toBe(file.text);
  }

  await list.chooseExport('BibTeX', /^All papers/);
  await list.page.getByRole('checkbox', { name: 'Include my tags and notes' }).check();
  const opted = await list.download();
  expect(opted.text).toContain('keywords={gpu}');
  expect(opted.text).toContain('annote={Check the DP noise model}');
  await list.page.getByRole('checkbox', { name: 'Include my tags and notes' }).uncheck();

  await list.select(SIMULTANEITY, GETBATCH);
  for (const format of FORMATS) {
    await list.chooseExport(format.label, /^Selected \(2\)/);
    const file = await list.download();
    format.check(file.text, [SIMULTANEITY, GETBATCH]);
    format.check(await list.copy(), [SIMULTANEITY, GETBATCH]);
  }
});

test('handles 10,000 papers: a few dozen rows in the DOM, search and scrolling to the end work', async ({ openExtensionPage }) => {
  const list = new ReadingListPage(await openExtensionPage('reading-list.html'));
  await list.ready();
  // Seed through the background like any write, in messages of the most papers one may carry.
  await list.page.evaluate(async () => {
    const meta = (i: number) => {
      const id = `2501.${String(i + 1).padStart(5, '0')}`;
      return {
        id,
        title: `Synthetic paper ${i} on ${i % 2 ? 'consensus' : 'scheduling'}`,
        authors: [`Author ${i}`, 'Ada Lovelace'],
        abstract: `Abstract ${i}. `.repeat(40) + (i === 9876 ? 'needle' : ''),
        subjects: [{ name: 'Distributed, Parallel, and Cluster Computing', code: 'cs.DC' }],
        section: 'new',
        absUrl: `https://arxiv.org/abs/${id}`,
      };
    };
    for (let start = 0; start < 10_000; start += 5000) {
      const papers = Array.from({ length: 5000 }, (_, i) => meta(start + i));
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok?: boolean }> } } };
      const answer = await chrome.runtime.sendMessage({ type: 'papers.star', data: { papers, starred: true } });
      if (!answer?.ok) throw new Error(JSON.stringify(answer));
    }
  });
  await expect(list.page.getByText('10000 of 10000 papers')).toBeVisible({ timeout: 30_000 });
  expect(await list.rows.count()).toBeLessThan(60);
  await expect(list.rows.first()).toHaveAttribute('aria-setsize', '10000');

  await list.search.fill('needle');
  await expect.poll(() => list.ids()).toEqual(['2501.09877']);
  await list.search.fill('');

  await list.sort.selectOption({ label: 'Date announced (newest first)' });
  await list.page.locator('.viewport').evaluate((viewport) => viewport.scrollTo(0, viewport.scrollHeight));
  await expect(list.row('2501.00001')).toBeVisible();
  await expect(list.row('2501.00001')).toHaveAttribute('aria-posinset', '10000');
  expect(await list.rows.count()).toBeLessThan(60);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the reading list has no serious or critical accessibility violation (${scheme})`, async ({ page, openExtensionPage }) => {
    const listing = new ListingPage(page);
    await listing.open(SEED);
    await listing.starOf(FEDERATED).click();
    await listing.addTag(FEDERATED, 'gpu');
    await listing.starOf(GETBATCH).click();
    const list = new ReadingListPage(await openExtensionPage('reading-list.html'));
    await list.page.emulateMedia({ colorScheme: scheme });
    await list.ready();
    await list.select(FEDERATED);
    await list.row(GETBATCH).getByRole('button', { name: /^GetBatch/ }).click();
    await expect(list.page.getByRole('complementary', { name: 'Paper details' })).toBeVisible();
    expect(await seriousViolations(list.page)).toEqual([]);
    await list.button('Tag selected').click();
    expect(await seriousViolations(list.page)).toEqual([]);
  });
}

test('opening a paper marks it read; "Unread only" and bulk mark read/unread follow', async ({ page, openExtensionPage }) => {
  const listing = new ListingPage(page);
  await listing.open(SEED);
  for (const id of [FEDERATED, SIMULTANEITY, GETBATCH]) await listing.starOf(id).click();

  const list = new ReadingListPage(await openExtensionPage('reading-list.html'));
  await list.ready();
  await list.page.getByRole('button', { name: 'Unread only' }).click();
  await expect(list.rows).toHaveCount(3);

  const opened = list.page.context().waitForEvent('page');
  await list.row(FEDERATED).getByRole('link', { name: /^Abstract of Energy Efficient/ }).click();
  await (await opened).close();
  await list.page.bringToFront();
  await expect.poll(() => list.ids().then((ids) => ids.sort())).toEqual([SIMULTANEITY, GETBATCH].sort());

  await list.page.getByRole('checkbox', { name: /^Select GetBatch/ }).check();
  await list.page.getByRole('button', { name: 'Mark read' }).click();
  await expect.poll(() => list.ids()).toEqual([SIMULTANEITY]);

  await list.page.getByRole('button', { name: 'Unread only' }).click();
  await list.page.getByRole('button', { name: 'Clear selection' }).click();
  await list.page.getByRole('checkbox', { name: /^Select Energy Efficient/ }).check();
  await list.page.getByRole('button', { name: 'Mark unread' }).click();
  await list.page.getByRole('button', { name: 'Unread only' }).click();
  await expect.poll(() => list.ids().then((ids) => ids.sort())).toEqual([FEDERATED, SIMULTANEITY].sort());
});
