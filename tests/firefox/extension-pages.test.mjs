// The extension's own pages in Firefox ESR: the reading list with its exports, and the options
// page's backup and restore. WebDriver BiDi cannot navigate to a moz-extension:// page, so the
// tests open them the way a reader does: the overlay's "Reading list" button (the background
// opens the page with tabs.create), and the reading list's "Options" button.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import Papa from 'papaparse';
import { Listing, SEED, byRole, eventually, launchFirefox } from './harness.mjs';

const FEDERATED = '2602.22290'; // Energy Efficient Federated Learning with Hyperdimensional Computing (HDC)
const SIMULTANEITY = '2602.22350'; // Engineered Simultaneity: … (Paul Borrill)
const GETBATCH = '2602.22434'; // GetBatch: … Piotr Żelasko
const NOTE = 'Check the DP noise model';

/** Per export format: its file name ending and what must be true of an export of `ids`. */
const FORMATS = [
  {
    id: 'bibtex',
    extension: '.bib',
    check(text, ids) {
      assert.equal(text.match(/^@\w+\{/gm)?.length, ids.length);
      for (const id of ids) assert.ok(text.includes(`eprint={${id}}`), `BibTeX has eprint ${id}`);
      // A non-ASCII initial is written as TeX so abbreviating styles work under BibTeX 0.99d.
      assert.ok(text.includes('author={Aizman, Alex and Gaikwad, Abhishek and {\\.Z}elasko, Piotr}'), 'BibTeX writes the Ż of Żelasko as TeX');
      assert.ok(!text.includes('keywords='), 'tags stay out of a BibTeX file unless asked for');
    },
  },
  {
    id: 'ris',
    extension: '.ris',
    check(text, ids) {
      assert.equal(text.match(/^TY {2}- /gm)?.length, ids.length);
      for (const id of ids) assert.ok(text.includes(`SN  - ${id}`), `RIS has ${id}`);
      assert.ok(!text.includes('KW  - gpu'), 'tags stay out of a RIS file unless asked for');
    },
  },
  {
    id: 'csljson',
    extension: '.csl.json',
    check(text, ids) {
      const items = JSON.parse(text);
      assert.equal(items.length, ids.length);
      for (const id of ids) assert.ok(items.some((item) => JSON.stringify(item).includes(id)), `CSL-JSON has ${id}`);
    },
  },
  {
    id: 'markdown',
    extension: '.md',
    check(text, ids) {
      for (const id of ids) assert.ok(text.includes(`(arXiv:${id})`), `Markdown has ${id}`);
      assert.ok(text.includes('## gpu'));
      assert.ok(text.includes(`> ${NOTE}`));
    },
  },
  {
    id: 'csv',
    extension: '.csv',
    check(text, ids) {
      const parsed = Papa.parse(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
      assert.deepEqual(parsed.errors, []);
      assert.deepEqual(parsed.data.map((row) => row.id).sort(), [...ids].sort());
      const federated = parsed.data.find((row) => row.id === FEDERATED);
      assert.equal(federated.tags, 'gpu');
      assert.equal(federated.note, NOTE);
    },
  },
  {
    id: 'json',
    extension: '.json',
    check(text, ids) {
      const doc = JSON.parse(text);
      assert.equal(doc.format, 'arxiv-sift-papers');
      assert.deepEqual(doc.papers.map((paper) => paper.id).sort(), [...ids].sort());
      const federated = doc.papers.find((paper) => paper.id === FEDERATED);
      assert.deepEqual(federated.tags, ['gpu']);
      assert.equal(federated.note, NOTE);
    },
  },
];

/** Ids of the reading list's rendered rows, in order. */
function rowIds(page) {
  return page.evaluate(() => [...document.querySelectorAll('[aria-label="Papers"] > li .arxiv-id')].map((node) => node.textContent.replace(/^arXiv:/, '')));
}

/** The reading list's status line (what the last Download or Copy did). */
function status(page) {
  return page.$eval('[role="status"]', (node) => node.textContent.trim());
}

describe('the reading list and the options page in Firefox', () => {
  let session;
  let listing;
  let list;

  before(async () => {
    session = await launchFirefox();
  });
  after(async () => {
    await session?.close();
  });
  beforeEach(async () => {
    listing = new Listing(await session.fresh());
    await listing.open(SEED);
    for (const id of [FEDERATED, GETBATCH]) {
      await listing.click(id, 'Star');
      await eventually(() => listing.pressed(id, 'Star'), 'true');
    }
    await listing.addTag(FEDERATED, 'gpu');
    await listing.writeNote(FEDERATED, NOTE);
    await listing.clickToolbarButton('Reading list');
    list = await session.extensionPage('/reading-list.html');
    await list.waitForSelector(byRole('heading', 'Sift reading list'));
    await eventually(() => rowIds(list).then((ids) => ids.sort()), [FEDERATED, GETBATCH].sort());
  });

  it('opens from the overlay and follows the arXiv tab live', async () => {
    // Dexie tells every extension context of a write (the background's, here) without a reload.
    // Firefox throttles a background tab's rendering, so the tab in use is brought to the front.
    await listing.page.bringToFront();
    await listing.click(SIMULTANEITY, 'Star');
    await eventually(() => rowIds(list).then((ids) => ids.sort()), [FEDERATED, SIMULTANEITY, GETBATCH].sort());
    await listing.click(GETBATCH, 'Star');
    await eventually(() => rowIds(list).then((ids) => ids.sort()), [FEDERATED, SIMULTANEITY].sort());
  });

  it('downloads the reading list in every format, with the content checked, and copies it', async () => {
    await listing.page.bringToFront();
    await listing.click(SIMULTANEITY, 'Star');
    await eventually(() => rowIds(list).then((ids) => ids.length), 3);
    await list.bringToFront();
    const all = [FEDERATED, SIMULTANEITY, GETBATCH];
    await list.locator(byRole('radio', 'All papers (3)')).click();
    for (const format of FORMATS) {
      await list.select('select[aria-label="Export format"]', format.id);
      await list.locator(byRole('button', 'Download')).click();
      // The Blob-URL download of lib/platform/save-file.ts, saved by Firefox without a dialog.
      const file = await session.download(new RegExp(`^arxiv-sift-\\d{4}-\\d{2}-\\d{2}${format.extension.replace('.', '\\.')}$`));
      format.check(file.text, all);
      await eventually(() => status(list), `Downloaded 3 papers as ${await list.$eval('select[aria-label="Export format"]', (select) => select.selectedOptions[0].textContent)} (${file.name}).`);

      await list.locator(byRole('button', 'Copy')).click();
      await eventually(async () => (await status(list)).startsWith('Copied'), true);
      assert.equal(await list.evaluate(() => navigator.clipboard.readText()), file.text, `the ${format.id} copy equals the download`);
    }
  });
  it('backs up from the options page and restores it, and the arXiv tab follows', async () => {
    await list.bringToFront();
    await list.locator(byRole('button', 'Options')).click();
    const options = await session.extensionPage('/options.html');
    await options.waitForSelector(byRole('heading', 'Sift options'));
    await options.locator(byRole('button', 'Download backup')).click();
    const backup = await session.download(/^arxiv-sift-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = JSON.parse(backup.text);
    assert.equal(saved.format, 'arxiv-sift-backup');
    assert.deepEqual(saved.tables.papers.map((paper) => paper.id).sort(), [FEDERATED, GETBATCH].sort());

    await listing.page.bringToFront();
    await listing.click(GETBATCH, 'Star');
    await eventually(() => listing.pressed(GETBATCH, 'Star'), 'false');

    // Restoring is for extension pages only; the background tells them by sender.url, which
    // Firefox sets to the moz-extension:// page (sender.tab is set too: the page is in a tab).
    await options.bringToFront();
    const file = join(session.downloads, 'restore-me.json');
    writeFileSync(file, backup.text);
    const input = await options.waitForSelector('form[aria-label="Restore a backup"] input[type="file"]');
    await input.uploadFile(file);
    await options.locator(byRole('radio', 'Replace everything here with the backup')).click();
    await options.locator(byRole('button', 'Restore')).click();
    await options.locator(byRole('button', 'Replace everything')).click();
    await eventually(() => options.$eval('.restore-report p', (summary) => summary.textContent.startsWith('Restored:')).catch(() => false), true);
    await eventually(() => listing.pressed(GETBATCH, 'Star'), 'true', { message: 'the open arXiv tab shows the restored star' });
    assert.deepEqual(await listing.chips(FEDERATED), ['gpu']);
  });
});
